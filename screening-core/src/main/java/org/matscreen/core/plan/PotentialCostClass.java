package org.matscreen.core.plan;

import java.util.Locale;

/**
 * Cost of one force evaluation per atom by kind of potential, relative to an EAM file run by LAMMPS' own
 * {@code eam/alloy}. Measured with LAMMPS 29 Sep 2021 (Debian) on this project's 2-core machine, 256-atom cells,
 * NVE steps (one force evaluation each): eam/alloy CuNi.eam.alloy 1, KIM EAM_Dynamo (Mishin 2004 Ni–Al) 3.7, KIM
 * MEAM (Choi 2018 Co–Cr–Fe–Mn–Ni) 15, KIM SNAP (Li 2019 Nb–Mo–Ta–W) 28; the benchmark harness re-measures them
 * ({@code bench/run.sh}, section "potentials"). A KIM model runs through the KIM API's neighbour-list interface,
 * hence the factor between the same EAM functions in both routes.
 */
public enum PotentialCostClass {
    /** A setfl file (eam/alloy, eam/fs) in LAMMPS' own pair style. */
    EAM(1.0),
    /** An EAM model through the KIM API. */
    KIM_EAM(3.7),
    /** A MEAM model through the KIM API. */
    MEAM(15.0),
    /** A SNAP machine-learned model through the KIM API. */
    SNAP(28.0),
    /** Any other KIM model kind: not measured; assumed to cost as MEAM, the middle of the measured range. */
    OTHER(15.0);

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

    /** Lower-case name with the factor, e.g. {@code meam x15}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-') + " x" + (relativeCost == Math.rint(relativeCost)
                ? String.valueOf((long) relativeCost) : String.valueOf(relativeCost));
    }
}
