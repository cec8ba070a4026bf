package org.matscreen.core.plan;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxMode;
import org.matscreen.core.structure.Prototype;

/**
 * Estimated wall-clock cost of one candidate, s: atoms × force evaluations × seconds per atom-evaluation. The
 * evaluation counts reflect the protocol (a box relaxation of about {@value #RELAX_EVALUATIONS} evaluations for a
 * random alloy, about {@value #SCAN_EVALUATIONS} per positions-only relaxation of an E(V) point or a strained cell);
 * the per-atom constant is the prior below until measured costs of the same campaign correct it.
 *
 * @param secondsPerAtomEvaluation cost of one EAM force evaluation per atom, s
 */
public record CostModel(double secondsPerAtomEvaluation, Map<Prototype, Integer> atoms, int evaluations)
        implements Serializable {
    /**
     * Prior for EAM on one x86-64 core (measured: 180-atom Cu–Ni candidates with the full protocol take about 0.5 s
     * with LAMMPS 29 Sep 2021; see BENCHMARKS.md).
     */
    public static final double PRIOR_SECONDS_PER_ATOM_EVALUATION = 1.6e-6;
    public static final int RELAX_EVALUATIONS = 1000;
    public static final int SCAN_EVALUATIONS = 40;

    public CostModel {
        atoms = new EnumMap<>(atoms);
    }

    public static CostModel of(CampaignSpec spec, double secondsPerAtomEvaluation) {
        Map<Prototype, Integer> atoms = new EnumMap<>(Prototype.class);
        for (Prototype p : spec.structure().prototypes()) {
            atoms.put(p, spec.structure().supercells().get(p).sites(p));
        }
        PropertySettings ps = spec.method().properties();
        int scans = (ps.equationOfState() ? ps.eosPoints() : 0) + (ps.elasticConstants() ? 12 : 0);
        // relaxation mode both adds the free relaxation of the instability probe
        int relaxations = spec.method().relax().mode() == RelaxMode.BOTH ? 2 : 1;
        return new CostModel(secondsPerAtomEvaluation, atoms, relaxations * RELAX_EVALUATIONS
                + scans * SCAN_EVALUATIONS);
    }

    public static CostModel prior(CampaignSpec spec) {
        return of(spec, PRIOR_SECONDS_PER_ATOM_EVALUATION);
    }

    /**
     * The prior for a campaign's potential: the EAM prior times the measured relative cost of its kind (MEAM and SNAP
     * cost tens of times more per atom). Measured costs of the campaign then correct it ({@link #calibrated}), which
     * is how the model learns the cost of each potential.
     */
    public static CostModel prior(CampaignSpec spec, PotentialCostClass potential) {
        return of(spec, PRIOR_SECONDS_PER_ATOM_EVALUATION * potential.relativeCost());
    }

    /**
     * The prior for an ensemble of potentials: the EAM prior times the mean relative cost of the members. Members are
     * the innermost index of the candidate space, so every range of more than a few candidates holds them in equal
     * shares and its cost is the mean's, whichever member a single candidate has.
     */
    public static CostModel prior(CampaignSpec spec, java.util.List<PotentialCostClass> members) {
        double mean = members.stream().mapToDouble(PotentialCostClass::relativeCost).average().orElse(1);
        return of(spec, PRIOR_SECONDS_PER_ATOM_EVALUATION * mean);
    }

    /** Estimated seconds for a candidate of this prototype. */
    public double seconds(Prototype p) {
        return atoms.get(p) * (double) evaluations * secondsPerAtomEvaluation;
    }

    /** The same model with the per-atom constant implied by a measured mean cost of a prototype's candidates. */
    public CostModel calibrated(Prototype p, double measuredSeconds) {
        if (!(measuredSeconds > 0) || !atoms.containsKey(p)) {
            return this;
        }
        return new CostModel(measuredSeconds / (atoms.get(p) * (double) evaluations), atoms, evaluations);
    }
}
