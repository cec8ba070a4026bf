package org.matscreen.lammps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.matscreen.core.element.PeriodicTable;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.Relaxation;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Status;
import org.matscreen.core.sim.StrainStress;
import org.matscreen.core.structure.Lattice;
import org.matscreen.core.structure.Structure;
import org.matscreen.lammps.deck.Commands;
import org.matscreen.lammps.kim.KimModelId;
import org.matscreen.lammps.kim.KimModels;
import org.matscreen.lammps.potential.FileChecksums;
import org.matscreen.lammps.jna.Lammps;

/**
 * The per-candidate protocol on one LAMMPS instance: build the cell, relax box and positions (restarting after early
 * stops), then optionally scan E(V) and apply ± finite strains for the elastic tensor, each with ions relaxed.
 * Returns raw numbers; fits happen in the core.
 */
public final class LammpsCalculator {
    /** 1 bar in GPa. */
    static final double BAR_IN_GPA = 1e-4;
    private static final double VMAX = 0.001;
    static final double ION_ETOL = 1e-12;
    static final int ION_MAX_ITERATIONS = 1000;

    private final Lammps lammps;
    private final Path logFile;
    private final String codeVersion;

    /**
     * @param logFile per-candidate LAMMPS log, truncated at the start of each candidate (so that after a crash it holds
     *     exactly that candidate's error)
     */
    public LammpsCalculator(Lammps lammps, Path logFile) {
        this.lammps = lammps;
        this.logFile = logFile;
        this.codeVersion = "LAMMPS " + lammps.version();
    }

    public String codeVersion() {
        return codeVersion;
    }

    public CalculationOutcome compute(CalculationRequest req) {
        long t0 = System.nanoTime();
        Structure s = req.structure();
        send(Commands.log(logFile));
        load(s, req);
        Relaxation relaxation = relax(req.relax());
        double energy = lammps.thermo("pe");
        double[] lo = new double[3];
        double[] box = box(lo);
        double[] relaxedX = lammps.gather("x", 3);
        Structure relaxed = toStructure(s, lo, box, relaxedX);

        double[] eosV = new double[0];
        double[] eosE = new double[0];
        StrainStress elastic = null;
        PropertySettings ps = req.properties();
        if (ps.equationOfState()) {
            int n = ps.eosPoints();
            eosV = new double[n];
            eosE = new double[n];
            int atoms = s.siteCount();
            for (int k = 0; k < n; k++) {
                double volumeStrain = -ps.eosMaxVolumeStrain() + 2 * ps.eosMaxVolumeStrain() * k / (n - 1);
                double f = Math.cbrt(1 + volumeStrain);
                applyGradient(lo, box, relaxedX, new double[] {f, 0, 0, 0, f, 0, 0, 0, f});
                relaxIons(req.relax());
                eosV[k] = lammps.thermo("vol") / atoms;
                eosE[k] = lammps.thermo("pe") / atoms;
            }
        }
        if (ps.elasticConstants()) {
            double e = ps.elasticStrain();
            double[][] plus = new double[6][];
            double[][] minus = new double[6][];
            for (int j = 0; j < 6; j++) {
                plus[j] = strainedStress(lo, box, relaxedX, j, e, req.relax());
                minus[j] = strainedStress(lo, box, relaxedX, j, -e, req.relax());
            }
            elastic = new StrainStress(e, plus, minus);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new CalculationOutcome(req.candidateId(), Status.OK, "", relaxed, energy, relaxation, eosV, eosE,
                elastic, seconds, codeVersion);
    }

    private void load(Structure s, CalculationRequest req) {
        LammpsCell cell = LammpsCell.of(s);
        List<String> species = s.speciesSymbols();
        boolean kim = KimModels.PAIR_STYLE.equals(req.potential().pairStyle());
        if (kim) {
            // Before kim init: the model LAMMPS will load must be the one the campaign resolved, byte for byte.
            KimModels.verify(req.potential());
            String id = req.potential().name().substring(KimModelId.PREFIX.length());
            Commands.kimSetup(id, cell.box(), species.size()).forEach(this::send);
        } else {
            Commands.setup(cell.box(), species.size()).forEach(this::send);
            masses(species);
        }
        int created = lammps.createAtoms(cell.types(), cell.positionsAngstrom());
        if (created != cell.types().length) {
            throw new IllegalStateException("LAMMPS created " + created + " of " + cell.types().length + " atoms");
        }
        if (kim) {
            send(Commands.kimInteractions(species));
            // after kim interactions, so the masses are matscreen's whatever the KIM package sets up there
            masses(species);
        } else {
            Path potential = Path.of(req.potential().path());
            FileChecksums.verify(potential, req.potential().sha256());
            Commands.pair(req.potential().pairStyle(), potential, species).forEach(this::send);
        }
        Commands.neighbour(1.0).forEach(this::send);
        Commands.thermo().forEach(this::send);
    }

    private void masses(List<String> species) {
        for (int t = 0; t < species.size(); t++) {
            send(Commands.mass(t + 1, PeriodicTable.of(species.get(t)).atomicMassGPerMol()));
        }
    }

    /** Box-and-positions relaxation with restarts after early stops. */
    private Relaxation relax(RelaxSettings rs) {
        int minimisations = 0;
        int iterations = 0;
        int earlyStops = 0;
        String stop = "";
        boolean converged = false;
        double fmax = Double.NaN;
        double pmax = Double.NaN;
        String[] styles = {"cg", "cg", "sd"};
        for (int attempt = 0; attempt <= rs.maxRestarts() && !converged; attempt++) {
            send(Commands.minStyleCommand(styles[Math.min(attempt, styles.length - 1)]));
            send(Commands.boxRelax(VMAX));
            double stepBefore = attempt == 0 ? 0 : lammps.thermo("step");
            long logOffset = logSize();
            send(Commands.minimize(rs.energyTolerance(), rs.forceToleranceEvPerA(), rs.maxIterations(),
                    rs.maxEvaluations()));
            send(Commands.unfixBoxRelax());
            minimisations++;
            iterations += (int) Math.round(lammps.thermo("step") - stepBefore);
            stop = lastStoppingCriterion(logOffset);
            if (isEarlyStop(stop)) {
                earlyStops++;
            }
            // Evaluate the final state without the box fix so pressure and forces are the plain physical values.
            send(Commands.runZero());
            fmax = lammps.thermo("fmax");
            pmax = maxAbsPressureBar();
            converged = fmax <= rs.maxForceToleranceEvPerA() && pmax <= rs.pressureToleranceBar();
        }
        return new Relaxation(converged, minimisations, iterations, stop, earlyStops, fmax, pmax);
    }

    /**
     * Positions-only relaxation of a strained cell. Far from equilibrium (the ends of an E(V) scan) a force-only
     * criterion can leave the line search crawling for thousands of iterations at round-off level, so this step also
     * stops on a relative energy change of {@value #ION_ETOL} and after {@value #ION_MAX_ITERATIONS} iterations;
     * the energy error that leaves is far below a meV per cell.
     */
    private void relaxIons(RelaxSettings rs) {
        send(Commands.minStyleCommand("cg"));
        send(Commands.minimize(Math.max(rs.energyTolerance(), ION_ETOL), rs.forceToleranceEvPerA(),
                Math.min(rs.maxIterations(), ION_MAX_ITERATIONS), Math.min(rs.maxEvaluations(), 10 * ION_MAX_ITERATIONS)));
    }

    /** Stress (GPa, Voigt order, positive in tension) after straining the relaxed cell along Voigt component j. */
    private double[] strainedStress(double[] lo, double[] box, double[] relaxedX, int j, double e, RelaxSettings rs) {
        // Upper-triangular displacement gradients keep LAMMPS' restricted triclinic form (a along x, b in xy).
        double[] f = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        switch (j) {
            case 0 -> f[0] += e;
            case 1 -> f[4] += e;
            case 2 -> f[8] += e;
            case 3 -> f[5] = e; // yz: u_y = γ z
            case 4 -> f[2] = e; // xz: u_x = γ z
            case 5 -> f[1] = e; // xy: u_x = γ y
            default -> throw new IllegalArgumentException("Voigt index " + j);
        }
        applyGradient(lo, box, relaxedX, f);
        relaxIons(rs);
        return new double[] {
            -lammps.thermo("pxx") * BAR_IN_GPA, -lammps.thermo("pyy") * BAR_IN_GPA, -lammps.thermo("pzz") * BAR_IN_GPA,
            -lammps.thermo("pyz") * BAR_IN_GPA, -lammps.thermo("pxz") * BAR_IN_GPA, -lammps.thermo("pxy") * BAR_IN_GPA
        };
    }

    /**
     * Resets atoms to the relaxed positions, then deforms the relaxed box by the gradient F (row-major 3×3, upper
     * triangular) with the atoms mapped affinely.
     */
    private void applyGradient(double[] lo, double[] box, double[] relaxedX, double[] f) {
        send(Commands.changeBox(lo, box));
        lammps.scatter("x", 3, relaxedX);
        double lx = box[0], ly = box[1], lz = box[2], xy = box[3], xz = box[4], yz = box[5];
        // Columns a = (lx,0,0), b = (xy,ly,0), c = (xz,yz,lz) mapped by F.
        double[] nb = {
            f[0] * lx,
            f[4] * ly,
            f[8] * lz,
            f[0] * xy + f[1] * ly,
            f[0] * xz + f[1] * yz + f[2] * lz,
            f[4] * yz + f[5] * lz
        };
        send(Commands.changeBox(lo, nb));
    }

    /** Current box: fills lo = {xlo, ylo, zlo} and returns {lx, ly, lz, xy, xz, yz}. */
    private double[] box(double[] lo) {
        double[] b = lammps.box();
        lo[0] = b[0];
        lo[1] = b[1];
        lo[2] = b[2];
        return new double[] {b[3] - b[0], b[4] - b[1], b[5] - b[2], b[6], b[8], b[7]};
    }

    /** Every command goes through the allowlist of {@link Commands#check(String)} on its way to LAMMPS. */
    private void send(String command) {
        lammps.command(Commands.check(command));
    }

    private double maxAbsPressureBar() {
        double m = 0;
        for (String k : new String[] {"pxx", "pyy", "pzz", "pyz", "pxz", "pxy"}) {
            m = Math.max(m, Math.abs(lammps.thermo(k)));
        }
        return m;
    }

    private static Structure toStructure(Structure start, double[] lo, double[] box, double[] x) {
        Lattice l = Lattice.fromLammps(box[0], box[1], box[2], box[3], box[4], box[5]);
        double[] frac = new double[x.length];
        for (int i = 0; i < x.length / 3; i++) {
            double[] f = l.toFractional(x[3 * i] - lo[0], x[3 * i + 1] - lo[1], x[3 * i + 2] - lo[2]);
            for (int k = 0; k < 3; k++) {
                frac[3 * i + k] = f[k] - Math.floor(f[k]);
            }
        }
        return new Structure(l, start.speciesSymbols(), start.siteSpecies(), frac);
    }

    static boolean isEarlyStop(String stop) {
        // LAMMPS' successful criteria are "energy tolerance", "force tolerance" and "forces are zero"; everything else
        // (linesearch alpha is zero, search direction is not downhill, quadratic factors are zero, max iterations,
        // max force evaluations) means the minimiser gave up before a tolerance was met.
        String s = stop.toLowerCase(Locale.ROOT);
        return !(s.isEmpty() || s.contains("energy tolerance") || s.contains("force tolerance")
                || s.contains("forces are zero"));
    }

    private long logSize() {
        try {
            return Files.exists(logFile) ? Files.size(logFile) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The "Stopping criterion = ..." line that LAMMPS wrote to the log after {@code offset}. */
    private String lastStoppingCriterion(long offset) {
        try {
            byte[] all = Files.readAllBytes(logFile);
            String tail = new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                    StandardCharsets.UTF_8);
            String found = "";
            for (String line : tail.split("\n")) {
                int i = line.indexOf("Stopping criterion =");
                if (i >= 0) {
                    found = line.substring(i + "Stopping criterion =".length()).strip();
                }
            }
            return found;
        } catch (IOException e) {
            return "";
        }
    }
}
