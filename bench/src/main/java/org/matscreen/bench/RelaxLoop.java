package org.matscreen.bench;

import com.sun.jna.Pointer;
import java.nio.file.Path;
import org.matscreen.core.sim.RelaxProtocol;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.structure.LocalStructure;
import org.matscreen.lammps.deck.Commands;
import org.matscreen.lammps.jna.LammpsLibrary;

/**
 * The native limit: one LAMMPS instance driven directly through {@link LammpsLibrary}, with nothing of matscreen's
 * engine around it (no per-candidate log file, no outgoing-command check, no checksum, no worker protocol). It sends
 * the same command text as {@code LammpsCalculator} (made by the same {@link Commands} builders, which cost
 * microseconds), follows the same attempts, acceptance test and restart rule ({@link Protocol}), runs the same
 * common-neighbour analysis of the relaxed cell, and reads back what a screen needs: energy, final force and pressure,
 * relaxed box and positions.
 */
final class RelaxLoop implements AutoCloseable {
    /**
     * What one relaxation gave.
     *
     * @param accepted the final state met the force and pressure tolerances
     * @param lammpsSeconds the whole candidate: set-up, relaxation, analysis, read-back
     * @param analysisSeconds the common-neighbour analysis alone (part of {@code lammpsSeconds})
     * @param siteClasses the analysis' {@link LocalStructure} code per atom
     */
    record Result(double energyPerAtomEv, int minimisations, double maxForceEvPerA, double maxPressureBar,
            boolean accepted, double lammpsSeconds, double analysisSeconds, int[] siteClasses) {}

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
        if (p.kim()) {
            Commands.kimSetup(p.kimModel(), c.box(), c.species().size()).forEach(this::command);
        } else {
            Commands.setup(c.box(), c.species().size()).forEach(this::command);
            masses(c);
        }
        int created = lib.lammps_create_atoms(handle, c.atoms(), null, c.types(), c.positions(), null, null, 0);
        if (created != c.atoms()) {
            throw new IllegalStateException("LAMMPS created " + created + " of " + c.atoms() + " atoms");
        }
        if (p.kim()) {
            command(Commands.kimInteractions(c.species()));
            masses(c);
        } else {
            Commands.pair(p.pairStyle(), Path.of(p.potentialPath()), c.species()).forEach(this::command);
        }
        Commands.neighbour(Protocol.NEIGHBOUR_SKIN).forEach(this::command);
        Commands.thermo().forEach(this::command);
        RelaxProtocol protocol = p.relax();
        RelaxSettings rs = protocol.settings();
        int minimisations = 0;
        boolean converged = false;
        double fmax = Double.NaN;
        double pmax = Double.NaN;
        double energyPerAtom = Double.NaN;
        for (int attempt = 0; attempt <= rs.maxRestarts() && !converged; attempt++) {
            command(Commands.minStyleCommand(protocol.minStyle(attempt)));
            command(p.boxRelax());
            command(Commands.minimize(rs.energyTolerance(), rs.forceToleranceEvPerA(), rs.maxIterations(),
                    rs.maxEvaluations()));
            command(Commands.unfixBoxRelax());
            minimisations++;
            command(Commands.runZero());
            fmax = lib.lammps_get_thermo(handle, "fmax");
            pmax = 0;
            for (String k : p.acceptedPressures()) {
                pmax = Math.max(pmax, Math.abs(lib.lammps_get_thermo(handle, k)));
            }
            converged = fmax <= rs.maxForceToleranceEvPerA() && pmax <= rs.pressureToleranceBar();
            double before = energyPerAtom;
            energyPerAtom = lib.lammps_get_thermo(handle, "pe") / lib.lammps_get_thermo(handle, "atoms");
            if (attempt > 0 && !converged && Math.abs(energyPerAtom - before) < protocol.minRestartGainEvPerAtom()) {
                break;
            }
        }
        double energy = lib.lammps_get_thermo(handle, "pe");
        readRelaxedCell(c.atoms());
        long a0 = System.nanoTime();
        int[] classes = analyse(c.atoms(), p);
        long a1 = System.nanoTime();
        return new Result(energy / c.atoms(), minimisations, fmax, pmax, converged, (a1 - t0) / 1e9,
                (a1 - a0) / 1e9, classes);
    }

    private void masses(Cell c) {
        for (int t = 0; t < c.species().size(); t++) {
            command(Commands.mass(t + 1, c.massesAmu()[t]));
        }
    }

    /** What a screen keeps besides the energy: the relaxed box and positions (matscreen stores them too). */
    private void readRelaxedCell(int atoms) {
        double[] lo = new double[3];
        double[] hi = new double[3];
        lib.lammps_extract_box(handle, lo, hi, new double[1], new double[1], new double[1], new int[3], new int[1]);
        lib.lammps_gather_atoms(handle, "x", 1, 3, new double[3 * atoms]);
    }

    /**
     * The two CNA passes {@code LammpsCalculator} makes of every relaxed cell, codes read back per atom and combined
     * as it combines them.
     */
    private int[] analyse(int atoms, Protocol p) {
        double volumePerAtom = lib.lammps_get_thermo(handle, "vol") / lib.lammps_get_natoms(handle);
        double[][] codes = new double[2][];
        double[] cutoffs = p.cnaCutoffs(volumePerAtom);
        for (int k = 0; k < 2; k++) {
            command(Commands.cna(Protocol.CNA_ID, cutoffs[k]));
            command(Commands.runZero());
            if (lib.lammps_extract_compute(handle, Protocol.CNA_ID, 1, 1) == null) {
                throw new IllegalStateException("LAMMPS has no per-atom compute " + Protocol.CNA_ID);
            }
            codes[k] = new double[atoms];
            lib.lammps_gather(handle, "c_" + Protocol.CNA_ID, 1, 1, codes[k]);
            command(Commands.uncompute(Protocol.CNA_ID));
        }
        int[] classes = new int[atoms];
        for (int i = 0; i < atoms; i++) {
            classes[i] = LocalStructure.combine((int) Math.round(codes[0][i]), (int) Math.round(codes[1][i]));
        }
        return classes;
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
