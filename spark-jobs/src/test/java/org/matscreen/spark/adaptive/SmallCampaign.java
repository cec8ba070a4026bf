package org.matscreen.spark.adaptive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.matscreen.core.adaptive.AdaptiveStrategy;
import org.matscreen.core.adaptive.LocalScorer;
import org.matscreen.core.adaptive.Observation;
import org.matscreen.core.adaptive.Pick;
import org.matscreen.core.adaptive.Plan;
import org.matscreen.core.campaign.StrategySpec;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.screening.Criterion;
import org.matscreen.core.screening.Objective;
import org.matscreen.core.space.Candidate;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.core.space.ChemicalSpace;
import org.matscreen.core.structure.Prototype;

/** A small adaptive campaign on synthetic objectives: Co–Cr–Ni at 5 % in fcc and bcc, 462 candidates. */
final class SmallCampaign {
    static final String F1 = "dh_mix_ev_per_atom";
    static final String F2 = "bulk_modulus_gpa";
    static final String G = "lattice_parameter_angstrom";

    private SmallCampaign() {}

    static CandidateSpace space() {
        return CandidateSpace.of(new ChemicalSpace(List.of("Co", "Cr", "Ni"), List.of(1, 2, 3), 20, Map.of(),
                Map.of(), List.of(), false, List.of()), List.of(Prototype.FCC, Prototype.BCC), "small");
    }

    static Map<String, Double> simulate(Candidate c) {
        Composition comp = c.composition();
        double co = comp.contains("Co") ? comp.fraction("Co") : 0;
        double cr = comp.contains("Cr") ? comp.fraction("Cr") : 0;
        double ni = comp.contains("Ni") ? comp.fraction("Ni") : 0;
        double bcc = c.prototype() == Prototype.BCC ? 1 : 0;
        double f1 = 0.3 * (co - 0.5) * (co - 0.5) + 0.2 * cr * ni + 0.02 * bcc - 0.04;
        double f2 = 180 + 60 * cr - 80 * (ni - 0.3) * (ni - 0.3) - 10 * bcc;
        double g = 3.5 + 0.1 * cr + 0.3 * bcc * cr;
        return Map.of(F1, f1, F2, f2, G, g);
    }

    static AdaptiveStrategy strategy(CandidateSpace space) {
        return new AdaptiveStrategy(space, List.of(new Objective(F1, false), new Objective(F2, true)),
                List.of(new Criterion(G, Criterion.Op.LT, 3.58)), new StrategySpec.Adaptive(120, 8, 30, 3,
                        StrategySpec.BatchRule.KRIGING_BELIEVER, 60, Map.of(), 2, 400));
    }

    /** The initial design, simulated. */
    static List<Observation> initialObservations(CandidateSpace space, AdaptiveStrategy strategy) {
        List<Observation> out = new ArrayList<>();
        Plan plan = strategy.next(out, new LocalScorer());
        for (Pick p : ((Plan.Batch) plan).picks()) {
            out.add(new Observation(p.index(), simulate(space.candidate(p.index()))));
        }
        return out;
    }
}
