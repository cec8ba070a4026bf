package org.matscreen.core.plan;

import java.util.Locale;

/**
 * Cost of one minimiser iteration per atom by kind of potential, relative to an EAM file run by LAMMPS' own
 * {@code eam/alloy}: the factor on the cost model's per-atom constant. Measured by {@code bench/run.sh} section 9
 * (matscreen's relaxation protocol on one worker, LAMMPS 29 Sep 2021 from Debian, 2-core x86-64, load average about
 * 15 from other jobs, 3 random binary cells per kind, medians): eam/alloy Cu–Ni 9.2 µs per atom-iteration = 1; KIM
 * EAM_Dynamo (Mishin 2004 Ni–Al) 3.2; KIM MEAM (Choi 2018) 9.4; KIM SNAP (Li 2019 Nb–Mo–Ta–W) 60. A KIM model runs
 * through the KIM API's neighbour-list interface, hence the factor between the same EAM functions in both routes.
 * How many iterations a relaxation takes depends on the alloy more than on the kind; the campaign's own measured costs
 * correct that ({@link CostModel#calibrated}).
 */
public enum PotentialCostClass {
    /** A setfl file (eam/alloy, eam/fs) in LAMMPS' own pair style. */
    EAM(1.0),
    /** An EAM model through the KIM API. */
    KIM_EAM(3.2),
    /** A MEAM model through the KIM API. */
    MEAM(9.4),
    /** A SNAP machine-learned model through the KIM API. */
    SNAP(60.0),
    /** Any other KIM model kind: not measured; assumed to cost as MEAM, the middle of the measured range. */
    OTHER(9.4);

    private final double relativeCost;

    PotentialCostClass(double relativeCost) {
        this.relativeCost = relativeCost;
    }

    /** Seconds per atom-evaluation relative to {@link #EAM}. */
    public double relativeCost() {
        return relativeCost;
    }

    /** The class of a KIM model from its kind ({@code potential-type} of its metadata, e.g. EAM, MEAM, SNAP). */
    public static PotentialCostClass ofKimKind(String kind) {
        return switch (kind.toUpperCase(Locale.ROOT)) {
            case "EAM" -> KIM_EAM;
            case "MEAM" -> MEAM;
            case "SNAP" -> SNAP;
            default -> OTHER;
        };
    }

    /** Lower-case name with the factor, e.g. {@code meam x9.4}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-') + " x" + (relativeCost == Math.rint(relativeCost)
                ? String.valueOf((long) relativeCost) : String.valueOf(relativeCost));
    }
}
