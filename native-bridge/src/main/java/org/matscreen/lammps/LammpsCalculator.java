package org.matscreen.lammps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.matscreen.core.element.PeriodicTable;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.CellShape;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxedState;
import org.matscreen.core.sim.Relaxation;
import org.matscreen.core.sim.RelaxProtocol;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Status;
import org.matscreen.core.sim.Step;
import org.matscreen.core.sim.StrainStress;
import org.matscreen.core.structure.Lattice;
import org.matscreen.core.structure.LocalStructure;
import org.matscreen.core.structure.Structure;
import org.matscreen.lammps.deck.Commands;
import org.matscreen.kim.KimModelId;
import org.matscreen.kim.KimModels;
import org.matscreen.potential.FileChecksums;
import org.matscreen.potential.SetflHeader;
import org.matscreen.lammps.jna.Lammps;

/**
 * The per-candidate protocol on one LAMMPS instance, implementing the code-neutral {@link Step}s of a request: build
 * the cell and load the potential ({@link #load}), relax (shape-fixed: {@code fix box/relax iso} for cubic cells,
 * {@code x y z couple xy} for hexagonal ones; free: {@code tri}; restarted after early stops), classify the atoms
 * with {@code compute cna/atom}, then, on a converged relaxation only, scan E(V) along the hydrostatic path and apply
 * ± finite strains for the elastic tensor, each with ions relaxed; finally the free relaxation of the instability
 * probe. Returns raw numbers; fits and classification thresholds live in the core.
 */
public final class LammpsCalculator {
    /** 1 bar in GPa. */
    static final double BAR_IN_GPA = 1e-4;
    static final double ION_ETOL = 1e-12;
    static final int ION_MAX_ITERATIONS = 1000;
    /** Volume strain of the two-point probe that sets the target pressures of a pressure-controlled E(V) scan. */
    static final double EOS_PROBE_STRAIN = 0.005;
    private static final String CNA = "matscreen_cna";

    /** The cell constraint of one relaxation. */
    private enum Constraint {
        CUBIC(RelaxProtocol.CellFreedom.VOLUME),
        HEXAGONAL(RelaxProtocol.CellFreedom.VOLUME_AND_AXIAL_RATIO),
        FREE(RelaxProtocol.CellFreedom.FULL);

        private final RelaxProtocol.CellFreedom freedom;

        Constraint(RelaxProtocol.CellFreedom freedom) {
            this.freedom = freedom;
        }

        RelaxProtocol.CellFreedom freedom() {
            return freedom;
        }

        static Constraint shapeFixed(CellShape shape) {
            return shape == CellShape.HEXAGONAL ? HEXAGONAL : CUBIC;
        }
    }

    private final Lammps lammps;
    private final Path logFile;
    private final String codeVersion;
    private final Map<String, Double> cutoffByPath = new HashMap<>();

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
        Constraint primary = req.primaryRelaxation() == Step.RELAX_SHAPE_FIXED ? Constraint.shapeFixed(req.shape())
                : Constraint.FREE;
        Relaxation relaxation = relax(req.relax(), primary, 0.0);
        double energy = lammps.thermo("pe");
        double[] lo = new double[3];
        double[] box = box(lo);
        double[] relaxedX = lammps.gather("x", 3);
        Structure relaxed = toStructure(s, lo, box, relaxedX);
        int[] classes = req.has(Step.LOCAL_STRUCTURE) ? localStructure(req) : null;

        double[] eosV = new double[0];
        double[] eosE = new double[0];
        StrainStress elastic = null;
        PropertySettings ps = req.properties();
        // Numbers from a structure that did not relax would describe no state of the material: not computed.
        if (relaxation.converged() && req.has(Step.EOS_SCAN)) {
            double[][] ve = primary == Constraint.CUBIC ? volumeScan(ps, req.relax(), lo, box, relaxedX)
                    : pressureScan(ps, req.relax(), primary, lo, box, relaxedX);
            eosV = ve[0];
            eosE = ve[1];
        }
        if (relaxation.converged() && req.has(Step.STRAIN_SET)) {
            double e = ps.elasticStrain();
            double[][] plus = new double[6][];
            double[][] minus = new double[6][];
            for (int j = 0; j < 6; j++) {
                plus[j] = strainedStress(lo, box, relaxedX, j, e, req.relax());
                minus[j] = strainedStress(lo, box, relaxedX, j, -e, req.relax());
            }
            elastic = new StrainStress(e, plus, minus);
        }
        RelaxedState free = req.freeProbe() ? freeProbe(req, lo, box, relaxedX, s) : null;
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new CalculationOutcome(req.candidateId(), Status.OK, "", relaxed, energy, relaxation, classes, eosV,
                eosE, elastic, free, seconds, codeVersion);
    }

    /**
     * The instability probe: the shape-fixed relaxed cell strained by {@link CellShape#PROBE_STRAIN} (so that a
     * perfect lattice can leave a symmetric saddle), then relaxed with all six cell components free.
     */
    private RelaxedState freeProbe(CalculationRequest req, double[] lo, double[] box, double[] relaxedX,
            Structure start) {
        double[] e = CellShape.PROBE_STRAIN;
        applyGradient(lo, box, relaxedX, new double[] {1 + e[0], e[5], e[4], 0, 1 + e[1], e[3], 0, 0, 1 + e[2]});
        Relaxation r = relax(req.relax(), Constraint.FREE, 0.0);
        double energy = lammps.thermo("pe");
        double[] freeLo = new double[3];
        double[] freeBox = box(freeLo);
        Structure relaxed = toStructure(start, freeLo, freeBox, lammps.gather("x", 3));
        int[] classes = req.has(Step.LOCAL_STRUCTURE) ? localStructure(req) : null;
        return new RelaxedState(relaxed, energy, r, classes);
    }

    /** E(V) by uniform scaling of a cubic cell, ions relaxed at each volume: the shape is fixed by symmetry. */
    private double[][] volumeScan(PropertySettings ps, RelaxSettings rs, double[] lo, double[] box,
            double[] relaxedX) {
        int n = ps.eosPoints();
        double[] v = new double[n];
        double[] en = new double[n];
        double atoms = lammps.natoms();
        for (int k = 0; k < n; k++) {
            double f = Math.cbrt(1 + volumeStrain(ps, k));
            applyGradient(lo, box, relaxedX, new double[] {f, 0, 0, 0, f, 0, 0, 0, f});
            relaxIons(rs);
            v[k] = lammps.thermo("vol") / atoms;
            en[k] = lammps.thermo("pe") / atoms;
        }
        return new double[][] {v, en};
    }

    /**
     * E(V) along the hydrostatic path of a cell whose constraint leaves shape freedom (c/a of a hexagonal cell, every
     * shape component of a free one): the cell is relaxed at target pressures P_k = −B ln(1 + ε_k), B from a ±
     * {@value #EOS_PROBE_STRAIN} uniform-strain probe, so the volumes land near the requested strains ε_k while the
     * free shape components relax at each volume (the curvature is then the Reuss bulk modulus).
     */
    private double[][] pressureScan(PropertySettings ps, RelaxSettings rs, Constraint c, double[] lo, double[] box,
            double[] relaxedX) {
        double[] p = new double[2];
        for (int side = 0; side < 2; side++) {
            double f = Math.cbrt(1 + (side == 0 ? EOS_PROBE_STRAIN : -EOS_PROBE_STRAIN));
            applyGradient(lo, box, relaxedX, new double[] {f, 0, 0, 0, f, 0, 0, 0, f});
            relaxIons(rs);
            p[side] = lammps.thermo("press");
        }
        double bulkBar = -(p[0] - p[1]) / Math.log((1 + EOS_PROBE_STRAIN) / (1 - EOS_PROBE_STRAIN));
        if (!(bulkBar > 0)) {
            return volumeScan(ps, rs, lo, box, relaxedX); // no positive stiffness to aim with
        }
        int n = ps.eosPoints();
        double[] v = new double[n];
        double[] en = new double[n];
        double atoms = lammps.natoms();
        for (int k = 0; k < n; k++) {
            applyGradient(lo, box, relaxedX, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
            relax(rs, c, -bulkBar * Math.log(1 + volumeStrain(ps, k)));
            v[k] = lammps.thermo("vol") / atoms;
            en[k] = lammps.thermo("pe") / atoms;
        }
        return new double[][] {v, en};
    }

    private static double volumeStrain(PropertySettings ps, int k) {
        return -ps.eosMaxVolumeStrain() + 2 * ps.eosMaxVolumeStrain() * k / (ps.eosPoints() - 1);
    }

    /**
     * Local structure of every atom ({@link LocalStructure} codes, by atom ID): LAMMPS' conventional common-neighbour
     * analysis at the fcc/hcp cut-off and at the bcc cut-off of the cell's own density, combined per
     * {@link LocalStructure#combine}. Cut-offs are kept inside the potential's own cut-off, which LAMMPS requires.
     */
    private int[] localStructure(CalculationRequest req) {
        double atoms = lammps.natoms();
        double root = Math.cbrt(lammps.thermo("vol") / atoms);
        double cap = 0.99 * potentialCutoff(req);
        double[] fccPass = cna(Math.min(cap, LocalStructure.FCC_CUTOFF_PER_VOLUME_ROOT * root));
        double[] bccPass = cna(Math.min(cap, LocalStructure.BCC_CUTOFF_PER_VOLUME_ROOT * root));
        int[] classes = new int[fccPass.length];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = LocalStructure.combine((int) Math.round(fccPass[i]), (int) Math.round(bccPass[i]));
        }
        return classes;
    }

    private double[] cna(double cutoffAngstrom) {
        send(Commands.cna(CNA, cutoffAngstrom));
        send(Commands.runZero()); // initialises the compute's neighbour list; the positions do not move
        double[] codes = lammps.computePerAtom(CNA);
        send(Commands.uncompute(CNA));
        return codes;
    }

    /** The cut-off radius the setfl file states (Å), read once per file; infinite when it cannot be read. */
    private double potentialCutoff(CalculationRequest req) {
        return cutoffByPath.computeIfAbsent(req.potential().path(), p -> {
            try {
                return SetflHeader.read(Path.of(p), p, "").cutoffAngstrom();
            } catch (RuntimeException notSetfl) {
                return Double.POSITIVE_INFINITY;
            }
        });
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

    /**
     * Box-and-positions relaxation under a constraint at a hydrostatic target pressure (bar): the recipe of
     * {@link RelaxProtocol#recipe} (bench/RELAXATION-RECIPE.md), restarted after early stops until the final state
     * passes the acceptance test, the restarts run out, or a restart gains less than
     * {@link RelaxProtocol#minRestartGainEvPerAtom()} (the minimiser is stuck on a kink of a tabulated potential and
     * further restarts only repeat the same force evaluations). Converged means forces and the stress components the
     * constraint relaxes met the tolerances.
     */
    private Relaxation relax(RelaxSettings campaign, Constraint c, double targetBar) {
        RelaxProtocol protocol = RelaxProtocol.recipe(c.freedom(), campaign);
        RelaxSettings rs = protocol.settings();
        int minimisations = 0;
        int iterations = 0;
        int earlyStops = 0;
        String stop = "";
        boolean converged = false;
        double fmax = Double.NaN;
        double pmax = Double.NaN;
        double energyPerAtom = Double.NaN;
        for (int attempt = 0; attempt <= rs.maxRestarts() && !converged; attempt++) {
            send(Commands.minStyleCommand(protocol.minStyle(attempt)));
            send(c == Constraint.FREE ? Commands.boxRelaxFree(targetBar, protocol.maxVolumeChangePerStep())
                    : Commands.boxRelaxShapeFixed(c == Constraint.HEXAGONAL, targetBar,
                            protocol.maxVolumeChangePerStep()));
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
            pmax = residualStressBar(c, targetBar);
            converged = fmax <= rs.maxForceToleranceEvPerA() && pmax <= rs.pressureToleranceBar();
            double before = energyPerAtom;
            energyPerAtom = lammps.thermo("pe") / lammps.thermo("atoms");
            if (attempt > 0 && !converged && Math.abs(energyPerAtom - before) < protocol.minRestartGainEvPerAtom()) {
                break;
            }
        }
        return new Relaxation(converged, minimisations, iterations, stop, earlyStops, fmax, pmax, stressGpa());
    }

    /** Stress of the current state, Voigt order, positive in tension, GPa (LAMMPS' pressure tensor, negated). */
    private double[] stressGpa() {
        return new double[] {
            -lammps.thermo("pxx") * BAR_IN_GPA, -lammps.thermo("pyy") * BAR_IN_GPA, -lammps.thermo("pzz") * BAR_IN_GPA,
            -lammps.thermo("pyz") * BAR_IN_GPA, -lammps.thermo("pxz") * BAR_IN_GPA, -lammps.thermo("pxy") * BAR_IN_GPA
        };
    }

    /** Largest |stress − target| over the components a constraint relaxes, bar. */
    private double residualStressBar(Constraint c, double targetBar) {
        return switch (c) {
            case CUBIC -> Math.abs(lammps.thermo("press") - targetBar);
            case HEXAGONAL -> Math.max(Math.abs((lammps.thermo("pxx") + lammps.thermo("pyy")) / 2 - targetBar),
                    Math.abs(lammps.thermo("pzz") - targetBar));
            case FREE -> {
                double m = 0;
                for (String k : new String[] {"pxx", "pyy", "pzz"}) {
                    m = Math.max(m, Math.abs(lammps.thermo(k) - targetBar));
                }
                for (String k : new String[] {"pyz", "pxz", "pxy"}) {
                    m = Math.max(m, Math.abs(lammps.thermo(k)));
                }
                yield m;
            }
        };
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
        return stressGpa();
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
