package org.matscreen.bench;

import org.matscreen.core.sim.RelaxSettings;

/**
 * The relaxation protocol every tool runs, as {@code LammpsCalculator} runs it with properties switched off: box and
 * positions relaxed together ({@code fix box/relax tri 0.0 vmax} {@value #VMAX} {@code nreset 1}, conjugate
 * gradients), restarted with cg, cg, then sd while the final state misses the force or pressure tolerance, at most
 * {@code maxRestarts} times.
 *
 * @param pairStyle e.g. {@code eam/alloy}
 * @param potentialPath absolute path of the potential file
 * @param relax the campaign's relaxation settings, as recorded
 */
record Protocol(String pairStyle, String potentialPath, RelaxSettings relax) {
    /** {@code LammpsCalculator.VMAX} (private there): largest fractional box change per minimiser step. */
    static final double VMAX = 0.001;
    /** The neighbour skin {@code LammpsCalculator} asks for, Å. */
    static final double NEIGHBOUR_SKIN = 1.0;

    /** Minimiser of attempt {@code k} (0-based), as {@code LammpsCalculator.relax} chooses it. */
    static String minStyle(int attempt) {
        return attempt < 2 ? "cg" : "sd";
    }
}
