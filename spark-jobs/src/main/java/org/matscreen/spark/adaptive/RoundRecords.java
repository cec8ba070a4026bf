package org.matscreen.spark.adaptive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import org.matscreen.core.adaptive.Calibration;
import org.matscreen.core.adaptive.Pick;
import org.matscreen.core.adaptive.Plan;
import org.matscreen.core.adaptive.QuantityFit;
import org.matscreen.core.space.Candidate;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.repository.AdaptiveManifest;

/** Converts the strategy's plans, fits and calibrations into the manifest's records, and picks back. */
public final class RoundRecords {
    private RoundRecords() {}

    /**
     * A batch as the manifest records it before it is simulated.
     *
     * @param ids the id a candidate's record will carry
     */
    public static AdaptiveManifest.Round planned(int number, Plan.Batch batch, int observations, CandidateSpace space,
            LongFunction<String> ids, String when) {
        List<AdaptiveManifest.RoundPick> picks = new ArrayList<>();
        for (Pick p : batch.picks()) {
            Candidate c = space.candidate(p.index());
            picks.add(new AdaptiveManifest.RoundPick(p.index(), ids.apply(p.index()), c.composition().formula(),
                    c.prototype().key(), p.acquisition(), p.mean(), p.sd()));
        }
        return new AdaptiveManifest.Round(number, batch.phase().name().toLowerCase(Locale.ROOT),
                AdaptiveManifest.Round.PLANNED, when, "",
                observations, batch.referencePoint(), batch.frontSize(), picks, models(batch.model()), List.of());
    }

    public static List<AdaptiveManifest.QuantityModel> models(List<QuantityFit> fits) {
        List<AdaptiveManifest.QuantityModel> out = new ArrayList<>();
        for (QuantityFit f : fits) {
            out.add(new AdaptiveManifest.QuantityModel(f.metric(), f.simulated(), f.trainingPoints(), f.fitPoints(),
                    f.signalSd(), f.noiseSd(), f.lengthScales(), f.logMarginalLikelihood()));
        }
        return out;
    }

    /** A recorded round's picks as the strategy made them (null values back to NaN), for calibration. */
    public static List<Pick> picks(AdaptiveManifest.Round round) {
        List<Pick> out = new ArrayList<>();
        for (AdaptiveManifest.RoundPick p : round.picks()) {
            out.add(new Pick(p.index(), p.acquisition() == null ? Double.NaN : p.acquisition(), nan(p.mean()),
                    nan(p.sd())));
        }
        return out;
    }

    public static List<AdaptiveManifest.RoundCalibration> calibration(List<Calibration> measured) {
        return measured.stream().map(c -> new AdaptiveManifest.RoundCalibration(c.metric(), c.count(), c.inside95(),
                c.insideFraction(), c.rmse(), c.rmsStandardisedError())).toList();
    }

    private static Map<String, Double> nan(Map<String, Double> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v == null ? Double.NaN : v));
        return out;
    }
}
