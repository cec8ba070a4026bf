package org.matscreen.core.sim;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a cell is relaxed, as a sequence a simulation code can carry out: which cell degrees of freedom move with the
 * atoms, how far the volume may change per minimiser step, the minimiser of each attempt, and the tolerances
 * ({@link RelaxSettings}) of every attempt and of the acceptance test that decides whether another attempt is made.
 *
 * <p>Attempt 0 minimises with {@code minStyles[0]}; while the final state misses the force or pressure tolerance,
 * attempt k restarts the minimisation from where the last one stopped with {@code minStyles[min(k, last)]}, at most
 * {@link RelaxSettings#maxRestarts()} times, and no more once a restart lowered the energy by less than
 * {@code minRestartGainEvPerAtom}: the minimiser is stuck on a kink of the potential (tabulated Zhou-family files stall
 * with "linesearch alpha is zero" at 0.003–0.08 eV/Å), and further restarts only repeat the same evaluations. Pressure is accepted on the components the box moves: the hydrostatic
 * pressure for {@link CellFreedom#VOLUME}, all six for {@link CellFreedom#FULL}.
 *
 * <p>{@link #recipe} is the protocol measured to reach the tight-tolerance energy in the fewest force evaluations
 * (bench section 1b, {@code bench/python/relax_protocols.py}): the minimisation stops on a relative energy change of
 * {@value #RECIPE_ENERGY_TOLERANCE} per step instead of grinding the 2-norm of the force below 1e-6 eV/Å, and the
 * acceptance test (max force, pressure) still guards every record.
 *
 * @param cell the cell degrees of freedom relaxed together with the positions
 * @param maxVolumeChangePerStep largest fractional volume change of one minimiser step (LAMMPS {@code vmax})
 * @param minStyles minimiser of attempt 0, 1, …; the last one repeats ({@code cg} or {@code sd})
 * @param settings tolerances of each attempt and of the acceptance test, and the number of restarts
 * @param minRestartGainEvPerAtom a restart that lowers the energy by less than this ends the attempts, eV/atom; 0
 *     restarts until accepted or out of restarts
 */
public record RelaxProtocol(CellFreedom cell, double maxVolumeChangePerStep, List<String> minStyles,
        RelaxSettings settings, double minRestartGainEvPerAtom) implements Serializable {

    /**
     * Relative energy change per minimiser step that ends a minimisation in the recipe (LAMMPS {@code etol}). Measured
     * in bench/RELAXATION-RECIPE.md: at 1e-12 every Cu–Ni (EAM) and Cantor-family (MEAM) cell ended within 0.1
     * meV/atom of the tight reference and met the acceptance test without a restart, in 4.0× and 2.3× fewer force
     * evaluations than a tutorial's loop; at 1e-11 and looser, minimisations stop with the pressure above 10 bar and
     * the restarts cost more than the looser tolerance saves.
     */
    public static final double RECIPE_ENERGY_TOLERANCE = 1e-12;
    /** The recipe's {@code minRestartGainEvPerAtom}, four orders below the 0.1 meV/atom the energies are trusted to. */
    public static final double RECIPE_MIN_RESTART_GAIN = 1e-9;
    /** The volume step of the fix LAMMPS' manual shows and matscreen has always used; larger steps gained nothing. */
    public static final double DEFAULT_MAX_VOLUME_CHANGE = 0.001;
    /**
     * The minimisers that can move the cell with the atoms. LAMMPS (29 Sep 2021) refuses the others with
     * {@code fix box/relax}: "Cannot use a damped dynamics min style with fix box/relax" (fire, quickmin) and
     * "Cannot use hftn min style with fix box/relax".
     */
    static final Set<String> BOX_STYLES = Set.of("cg", "sd");

    /** Which cell degrees of freedom relax. */
    public enum CellFreedom {
        /** Volume only, shape held (cubic cells kept cubic): LAMMPS {@code box/relax iso}. */
        VOLUME,
        /** Volume and c/a, a = b held (hexagonal cells kept hexagonal): {@code box/relax aniso ... couple xy}. */
        VOLUME_AND_AXIAL_RATIO,
        /** The three edge lengths, angles held: {@code box/relax aniso}. */
        AXES,
        /** Edges and angles: {@code box/relax tri}. */
        FULL;

        /** Stable lower-case name for keys and records. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RelaxProtocol {
        if (cell == null || settings == null) {
            throw new IllegalArgumentException("cell freedom and settings are required");
        }
        if (!(minRestartGainEvPerAtom >= 0 && minRestartGainEvPerAtom < 1e-3)) {
            throw new IllegalArgumentException("minimum restart gain must be in [0, 1e-3) eV/atom: "
                    + minRestartGainEvPerAtom);
        }
        if (!(maxVolumeChangePerStep > 0 && maxVolumeChangePerStep <= 0.1)) {
            throw new IllegalArgumentException("volume change per step must be in (0, 0.1]: " + maxVolumeChangePerStep);
        }
        minStyles = List.copyOf(minStyles);
        if (minStyles.isEmpty()) {
            throw new IllegalArgumentException("at least one minimiser is required");
        }
        for (String s : minStyles) {
            if (!BOX_STYLES.contains(s)) {
                throw new IllegalArgumentException("minimiser '" + s + "' cannot relax the cell; use one of "
                        + BOX_STYLES);
            }
        }
    }

    /**
     * The recipe: {@code cell} relaxed with the positions from the starting cell the caller built (Vegard's law on
     * the pure-element reference volumes), cg, then cg, then sd on restarts, with the campaign's tolerances except
     * that an energy tolerance of 0 (stop on the force norm only) becomes {@value #RECIPE_ENERGY_TOLERANCE}; restarts
     * end once one gains less than {@value #RECIPE_MIN_RESTART_GAIN} eV/atom.
     */
    public static RelaxProtocol recipe(CellFreedom cell, RelaxSettings campaign) {
        RelaxSettings s = campaign.energyTolerance() > 0 ? campaign : new RelaxSettings(RECIPE_ENERGY_TOLERANCE,
                campaign.forceToleranceEvPerA(), campaign.maxIterations(), campaign.maxEvaluations(),
                campaign.pressureToleranceBar(), campaign.maxForceToleranceEvPerA(), campaign.maxRestarts(),
                campaign.mode());
        return new RelaxProtocol(cell, DEFAULT_MAX_VOLUME_CHANGE, List.of("cg", "cg", "sd"), s,
                RECIPE_MIN_RESTART_GAIN);
    }

    /**
     * Stable text for candidate ids of every relaxation a method runs with the campaign's settings: the recipe's
     * volume step, minimisers and restart rule plus the settings as the recipe applies them (the cell freedom follows
     * from the prototype and the mode, which the ids hold already).
     */
    public static String methodKey(RelaxSettings campaign) {
        RelaxProtocol p = recipe(CellFreedom.VOLUME, campaign);
        return "vmax=" + p.maxVolumeChangePerStep + ",styles=" + String.join("/", p.minStyles) + ",restart_gain="
                + p.minRestartGainEvPerAtom + "," + p.settings.key();
    }

    /** Minimiser of attempt {@code k} (0-based). */
    public String minStyle(int attempt) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be >= 0: " + attempt);
        }
        return minStyles.get(Math.min(attempt, minStyles.size() - 1));
    }

    /** Stable text that enters candidate ids: a different protocol is a different calculation. */
    public String key() {
        return "cell=" + cell.key() + ",vmax=" + maxVolumeChangePerStep + ",styles=" + String.join("/", minStyles)
                + ",restart_gain=" + minRestartGainEvPerAtom + "," + settings.key();
    }
}
