package org.matscreen.bench;

import com.sun.jna.Pointer;
import java.nio.file.Path;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.lammps.deck.Commands;
import org.matscreen.lammps.jna.LammpsLibrary;

/**
 * The native limit: one LAMMPS instance driven directly through {@link LammpsLibrary}, with nothing of matscreen's
 * engine around it (no per-candidate log file, no outgoing-command check, no checksum, no worker protocol). It sends
 * the same command text as {@code LammpsCalculator} (made by the same {@link Commands} builders, which cost
 * microseconds) and reads back what a screen needs: energy, final force and pressure, relaxed box and positions.
 */
final class RelaxLoop implements AutoCloseable {
    /** What one relaxation gave. */
    record Result(double energyPerAtomEv, int minimisations, double maxForceEvPerA, double maxPressureBar,
            double lammpsSeconds) {}

    private static final String[] PRESSURES = {"pxx", "pyy", "pzz", "pyz", "pxz", "pxy"};

    private final LammpsLibrary lib;
    private Pointer handle;

    RelaxLoop(LammpsLibrary lib) {
        this.lib = lib;
        String[] argv = {"bench", "-screen", "none", "-log", "none", "-nocite"};
        this.handle = lib.lammps_open_no_mpi(argv.length, argv, null);
        if (handle == null) {
            throw new IllegalStateException("lammps_open_no_mpi returned no instance");
        }
    }

    Result relax(Cell c, Protocol p) {
        long t0 = System.nanoTime();
        Commands.setup(c.box(), c.species().size()).forEach(this::command);
        for (int t = 0; t < c.species().size(); t++) {
            command(Commands.mass(t + 1, c.massesAmu()[t]));
        }
        int created = lib.lammps_create_atoms(handle, c.atoms(), null, c.types(), c.positions(), null, null, 0);
        if (created != c.atoms()) {
            throw new IllegalStateException("LAMMPS created " + created + " of " + c.atoms() + " atoms");
        }
        Commands.pair(p.pairStyle(), Path.of(p.potentialPath()), c.species()).forEach(this::command);
        Commands.neighbour(Protocol.NEIGHBOUR_SKIN).forEach(this::command);
        Commands.thermo().forEach(this::command);
        RelaxSettings rs = p.relax();
        int minimisations = 0;
        boolean converged = false;
        double fmax = Double.NaN;
        double pmax = Double.NaN;
        for (int attempt = 0; attempt <= rs.maxRestarts() && !converged; attempt++) {
            command(Commands.minStyleCommand(Protocol.minStyle(attempt)));
            command(Commands.boxRelax(Protocol.VMAX));
            command(Commands.minimize(rs.energyTolerance(), rs.forceToleranceEvPerA(), rs.maxIterations(),
                    rs.maxEvaluations()));
            command(Commands.unfixBoxRelax());
            minimisations++;
            command(Commands.runZero());
            fmax = lib.lammps_get_thermo(handle, "fmax");
            pmax = 0;
            for (String k : PRESSURES) {
                pmax = Math.max(pmax, Math.abs(lib.lammps_get_thermo(handle, k)));
            }
            converged = fmax <= rs.maxForceToleranceEvPerA() && pmax <= rs.pressureToleranceBar();
        }
        double energy = lib.lammps_get_thermo(handle, "pe");
        readRelaxedCell(c.atoms());
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(energy / c.atoms(), minimisations, fmax, pmax, seconds);
    }

    /** What a screen keeps besides the energy: the relaxed box and positions (matscreen stores them too). */
    private void readRelaxedCell(int atoms) {
        double[] lo = new double[3];
        double[] hi = new double[3];
        lib.lammps_extract_box(handle, lo, hi, new double[1], new double[1], new double[1], new int[3], new int[1]);
        lib.lammps_gather_atoms(handle, "x", 1, 3, new double[3 * atoms]);
    }

    private void command(String cmd) {
        lib.lammps_command(handle, cmd);
    }

    @Override
    public void close() {
        if (handle != null) {
            lib.lammps_close(handle);
            handle = null;
        }
    }

}
