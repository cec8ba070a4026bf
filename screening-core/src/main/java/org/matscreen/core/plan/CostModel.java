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
 * evaluation counts reflect the protocol (a shape-fixed relaxation of about {@value #SHAPE_FIXED_EVALUATIONS}
 * evaluation-equivalents for a random alloy, a free one of about {@value #FREE_EVALUATIONS}, about
 * {@value #SCAN_EVALUATIONS} per positions-only relaxation of an E(V) point or a strained cell); the per-atom constant
 * is the prior below until measured costs of the same campaign correct it.
 *
 * @param secondsPerAtomEvaluation cost of one EAM force evaluation per atom, s
 */
public record CostModel(double secondsPerAtomEvaluation, Map<Prototype, Integer> atoms, int evaluations)
        implements Serializable {
    /**
     * Prior for EAM on one x86-64 core with LAMMPS 29 Sep 2021 (BENCHMARKS.md): 180-atom Cu–Ni candidates take 0.345 s
     * of LAMMPS time each with the full protocol (both relaxations, a 7-point E(V) scan, 12 strained cells; this
     * model: 1290 evaluations, 0.37 s) and 0.037–0.057 s shape-fixed only (this model: 0.037 s).
     */
    public static final double PRIOR_SECONDS_PER_ATOM_EVALUATION = 1.6e-6;
    /**
     * Force evaluations of the relaxation recipe (issue 19) on 200 random 180-atom Cu–Ni cells, BENCHMARKS.md section
     * 1b: 112 on average with the cell shape fixed, plus the common-neighbour analysis every relaxed cell gets (two
     * {@code run 0} and {@code compute cna/atom}: 12–16 % of the LAMMPS time of section 1), counted as 130. The 1000 of
     * the protocol before the recipe overestimated a shape-fixed candidate sevenfold, so a small campaign was cut into
     * ranges too short for their fixed cost.
     */
    public static final int SHAPE_FIXED_EVALUATIONS = 130;
    /** Force evaluations of a relaxation with all six cell components free: 401 on the same cells (section 1b). */
    public static final int FREE_EVALUATIONS = 400;
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
        // relaxation mode both adds the free relaxation of the instability probe to the shape-fixed one
        int relaxation = switch (spec.method().relax().mode()) {
            case SHAPE_FIXED -> SHAPE_FIXED_EVALUATIONS;
            case FREE -> FREE_EVALUATIONS;
            case BOTH -> SHAPE_FIXED_EVALUATIONS + FREE_EVALUATIONS;
        };
        return new CostModel(secondsPerAtomEvaluation, atoms, relaxation + scans * SCAN_EVALUATIONS);
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
