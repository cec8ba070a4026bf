package org.matscreen.core.sim;

import java.io.Serializable;
import java.util.Objects;

/**
 * Tolerances of the box-and-positions relaxation, and which relaxations to run.
 *
 * @param energyTolerance relative energy change that stops a minimisation (LAMMPS {@code etol}); 0 disables it
 * @param forceToleranceEvPerA force norm that stops a minimisation, eV/Å (LAMMPS {@code ftol})
 * @param maxIterations iteration limit of one minimisation
 * @param maxEvaluations force-evaluation limit of one minimisation
 * @param pressureToleranceBar largest accepted |stress| after relaxation over the components the relaxation relaxes
 *     (the hydrostatic pressure of a cubic shape-fixed cell; the a/b-mean and c stresses of a hexagonal one; all six
 *     of a free one), bar (1 bar = 1e-4 GPa)
 * @param maxForceToleranceEvPerA largest accepted force on any atom after relaxation, eV/Å
 * @param maxRestarts minimisations restarted after an early stop (e.g. "linesearch alpha is zero") before giving up
 * @param mode shape-fixed, free or both (see {@link RelaxMode})
 */
public record RelaxSettings(double energyTolerance, double forceToleranceEvPerA, int maxIterations, int maxEvaluations,
        double pressureToleranceBar, double maxForceToleranceEvPerA, int maxRestarts, RelaxMode mode)
        implements Serializable {

    public static final RelaxSettings DEFAULT = new RelaxSettings(0.0, 1e-6, 5000, 50000, 10.0, 1e-3, 4,
            RelaxMode.DEFAULT);

    /**
     * Defaults of a DFT method: a largest force of 0.01 eV/Å and a stress of 500 bar (0.05 GPa) as a converged
     * plane-wave relaxation reaches them (the production preset of the GPAW worker), at most 60 ionic steps, and the
     * shape-fixed relaxation alone (the free probe of an SQS cell costs the DFT tier twenty times the relaxation, as
     * its strain removes the symmetry). The LAMMPS-level tolerances (energy, force norm, evaluations, restarts) are
     * kept as {@link #DEFAULT}'s; a DFT code does not read them.
     */
    public static final RelaxSettings DFT_DEFAULT = new RelaxSettings(0.0, 1e-6, 60, 50000, 500.0, 0.01, 4,
            RelaxMode.SHAPE_FIXED);

    public RelaxSettings {
        requireFinite(energyTolerance >= 0, "energy tolerance must be >= 0");
        requireFinite(forceToleranceEvPerA > 0, "force tolerance must be > 0");
        requireFinite(pressureToleranceBar > 0, "pressure tolerance must be > 0");
        requireFinite(maxForceToleranceEvPerA > 0, "max-force tolerance must be > 0");
        if (maxIterations < 1 || maxEvaluations < 1 || maxRestarts < 0) {
            throw new IllegalArgumentException("iteration limits must be positive");
        }
        Objects.requireNonNull(mode, "mode");
    }

    /** Tolerances with the default mode ({@link RelaxMode#DEFAULT}). */
    public RelaxSettings(double energyTolerance, double forceToleranceEvPerA, int maxIterations, int maxEvaluations,
            double pressureToleranceBar, double maxForceToleranceEvPerA, int maxRestarts) {
        this(energyTolerance, forceToleranceEvPerA, maxIterations, maxEvaluations, pressureToleranceBar,
                maxForceToleranceEvPerA, maxRestarts, RelaxMode.DEFAULT);
    }

    /** The same tolerances with another mode. */
    public RelaxSettings withMode(RelaxMode newMode) {
        return new RelaxSettings(energyTolerance, forceToleranceEvPerA, maxIterations, maxEvaluations,
                pressureToleranceBar, maxForceToleranceEvPerA, maxRestarts, newMode);
    }

    private static void requireFinite(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Stable text that enters candidate ids. */
    public String key() {
        return "etol=" + energyTolerance + ",ftol=" + forceToleranceEvPerA + ",maxiter=" + maxIterations + ",maxeval="
                + maxEvaluations + ",ptol=" + pressureToleranceBar + ",fmax=" + maxForceToleranceEvPerA + ",restarts="
                + maxRestarts + ",mode=" + mode.key();
    }
}
