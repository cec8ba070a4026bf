package org.matscreen.core.sim;

import java.io.Serializable;

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
 */
public record Relaxation(boolean converged, int minimisations, int iterations, String stopReason, int earlyStops,
        double maxForceEvPerA, double maxPressureBar) implements Serializable {}
