package org.matscreen.core.sim;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What the relaxation achieved.
 *
 * @param converged true if the final state met the force and pressure tolerances
 * @param minimisations minimisations run (1 + restarts)
 * @param iterations minimiser iterations over all of them
 * @param stopReason the last minimisation's stopping criterion as LAMMPS stated it, e.g. "energy tolerance"
 * @param earlyStops how many minimisations ended early (linesearch alpha is zero, and the like)
 * @param maxForceEvPerA largest force on any atom at the end, eV/Å
 * @param maxPressureBar largest |pressure-tensor component| at the end, bar
 * @param stressGpa stress of the final cell, Voigt order (xx, yy, zz, yz, xz, xy), positive in tension, GPa; empty
 *     when the code did not report it
 */
public record Relaxation(boolean converged, int minimisations, int iterations, String stopReason, int earlyStops,
        double maxForceEvPerA, double maxPressureBar, double[] stressGpa) implements Serializable {

    public Relaxation {
        stressGpa = stressGpa == null ? new double[0] : stressGpa.clone();
        if (stressGpa.length != 0 && stressGpa.length != 6) {
            throw new IllegalArgumentException("a stress has 6 Voigt components, not " + stressGpa.length);
        }
    }

    /** A relaxation whose final stress tensor was not reported. */
    public Relaxation(boolean converged, int minimisations, int iterations, String stopReason, int earlyStops,
            double maxForceEvPerA, double maxPressureBar) {
        this(converged, minimisations, iterations, stopReason, earlyStops, maxForceEvPerA, maxPressureBar, null);
    }

    /** The final stress (a copy), or an empty array. */
    @Override
    public double[] stressGpa() {
        return stressGpa.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Relaxation r && converged == r.converged && minimisations == r.minimisations
                && iterations == r.iterations && stopReason.equals(r.stopReason) && earlyStops == r.earlyStops
                && Double.compare(maxForceEvPerA, r.maxForceEvPerA) == 0
                && Double.compare(maxPressureBar, r.maxPressureBar) == 0 && Arrays.equals(stressGpa, r.stressGpa);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(converged, minimisations, iterations, stopReason, earlyStops, maxForceEvPerA,
                maxPressureBar, Arrays.hashCode(stressGpa));
    }
}
