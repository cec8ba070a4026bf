package org.matscreen.gpaw;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.matscreen.core.campaign.MethodSpec;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.core.sim.CodeCapabilities;
import org.matscreen.core.plan.DftCostModel;
import org.matscreen.core.sim.CodeOptions;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.structure.Lattice;
import org.matscreen.core.sim.ModelLookup;
import org.matscreen.core.sim.PotentialSource;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.SimulationCode;
import org.matscreen.core.sim.SimulationSession;
import org.matscreen.core.sim.Step;
import org.matscreen.worker.Greeting;
import org.matscreen.worker.IsolatedSession;
import org.matscreen.worker.WorkerPool;
import org.matscreen.worker.WorkerProcess;

/**
 * GPAW (plane-wave PAW DFT) as a matscreen {@link SimulationCode}: every calculation runs in a pooled, supervised
 * Python worker ({@code gpaw_worker.py} under Debian's {@code /usr/bin/python3}), and a calculation's model is a DFT
 * settings file ({@link GpawSettingsFile}).
 *
 * <p>Options ({@code --conf matscreen.gpaw.<key>=value}): {@value #PYTHON} (default {@value #DEFAULT_PYTHON}),
 * {@value #CORES} per session (default 1; more run the worker as that many MPI ranks under {@value #MPIEXEC}, the
 * launcher's name or path, default {@code mpiexec}).
 *
 * <p>Steps: both relaxations and the E(V) scan. No local-structure analysis (the common-neighbour analysis is LAMMPS'
 * {@code compute cna/atom}; the core has none of its own) and no strain set (a DFT elastic tensor is not done here).
 */
public final class GpawCode implements SimulationCode {
    public static final String NAME = "gpaw";
    public static final String PYTHON = "python";
    public static final String CORES = "cores";
    public static final String MPIEXEC = "mpiexec";
    static final String DEFAULT_PYTHON = "/usr/bin/python3";
    private static final String INSTALL = "install Debian's GPAW and its PAW setups: sudo apt-get install gpaw"
            + " gpaw-data (scripts/setup.sh --test installs them), or point --conf matscreen.gpaw." + PYTHON
            + " at an interpreter that imports gpaw";
    /** Importing GPAW takes about a second; a cold page cache or an MPI start several. */
    private static final double START_TIMEOUT_SECONDS = 120;

    @Override
    public String name() {
        return NAME;
    }

    /** With the default options: one core per session. */
    @Override
    public CodeCapabilities capabilities() {
        return capabilities(CodeOptions.defaults(NAME));
    }

    @Override
    public CodeCapabilities capabilities(CodeOptions resolved) {
        return new CodeCapabilities(EnumSet.of(Step.RELAX_SHAPE_FIXED, Step.RELAX_FREE, Step.EOS_SCAN), true, true,
                cores(resolved), CodeCapabilities.DFT);
    }

    /**
     * The interpreter made absolute, the cores checked, the MPI launcher located; then a worker is started once, which
     * proves that the interpreter imports GPAW and finds PAW setups.
     */
    @Override
    public CodeOptions resolve(CodeOptions requested) {
        return inspect(requested).options();
    }

    @Override
    public SimulationSession openSession(CodeOptions resolved) {
        return new GpawSession(new IsolatedSession(WorkerPool.shared(), worker(resolved)));
    }

    @Override
    public void warm(CodeOptions resolved, int sessions) {
        WorkerPool.shared().warm(worker(resolved), sessions);
    }

    /** DFT settings only ({@code method.dft}): one settings file for the whole campaign. */
    @Override
    public List<PotentialSource> models(MethodSpec method, List<List<String>> systems, ModelLookup lookup) {
        if (!method.isDft()) {
            throw new InvalidInputException(lookup.source(), "method.potential", "GPAW is a DFT code: give DFT"
                    + " settings (method.dft, e.g. {preset: production}) instead of an interatomic potential");
        }
        java.util.TreeSet<String> elements = new java.util.TreeSet<>();
        systems.forEach(elements::addAll);
        return List.of(GpawModelSource.of(method.dft(), List.copyOf(elements), lookup.cacheDirectory(),
                lookup.source(), "method.dft"));
    }

    /**
     * {@link DftCostModel}'s prior with the settings file's cut-off and k-point density, spin-polarised when the
     * settings ask for spin and give one of the cell's elements an initial moment (a cell without any is computed
     * without spin, as the worker does), and the E(V) points when the scan is on.
     */
    @Override
    public double priorSeconds(PotentialRef model, Lattice cell, List<String> species, RelaxSettings relax,
            PropertySettings properties) {
        var s = GpawSettingsFile.read(model);
        boolean spin = s.path("spin").asBoolean(false) && species.stream()
                .anyMatch(el -> s.path("initial_magmoms").path(el).asDouble(0) != 0);
        return DftCostModel.prior().seconds(cell, species.size(), s.path("ecut_ev").asDouble(),
                s.path("kpoint_density_per_inv_angstrom").asDouble(), spin,
                properties.equationOfState() ? properties.eosPoints() : 0);
    }

    @Override
    public String cannotRun(PotentialRef model, CodeOptions resolved) {
        return GpawSettingsFile.PAIR_STYLE.equals(model.pairStyle()) ? null : "GPAW computes with DFT settings files"
                + " (GpawSettingsFile), not with a " + model.pairStyle() + " potential (" + model.name() + ")";
    }

    @Override
    public List<Diagnosis> diagnose(CodeOptions requested) {
        Installation found;
        try {
            found = inspect(requested);
        } catch (MatscreenException e) {
            return List.of(new Diagnosis("GPAW worker", false, e.getMessage()));
        }
        Greeting g = found.greeting();
        List<Diagnosis> checks = new ArrayList<>();
        checks.add(new Diagnosis("GPAW worker", true, String.format(Locale.ROOT,
                "%s, Python %s (%s), %s rank(s), started in %.1f s", g.codeVersion(),
                g.details().get(GpawPayloads.PYTHON_VERSION), found.options().get(PYTHON, DEFAULT_PYTHON),
                g.details().get(GpawPayloads.RANKS), found.startSeconds())));
        checks.add(new Diagnosis("ASE", true, g.details().get(GpawPayloads.ASE_VERSION)));
        String release = g.details().get(GpawPayloads.SETUPS_RELEASE);
        checks.add(new Diagnosis("PAW setups", true, (release.isEmpty() ? "" : release + " in ")
                + g.details().get(GpawPayloads.SETUP_PATHS)));
        return checks;
    }

    /** Resolved options, what their worker said and how long it took to start, s. */
    private record Installation(CodeOptions options, Greeting greeting, double startSeconds) {}

    private static Installation inspect(CodeOptions requested) {
        Path python = Path.of(requested.get(PYTHON, DEFAULT_PYTHON)).toAbsolutePath();
        if (!Files.isExecutable(python)) {
            throw new MatscreenException("no Python interpreter at " + python + " (--conf matscreen.gpaw." + PYTHON
                    + "); " + INSTALL);
        }
        int cores = cores(requested);
        CodeOptions resolved = requested.with(PYTHON, python.toString()).with(CORES, Integer.toString(cores))
                .with(MPIEXEC, cores > 1 ? launcher(requested.get(MPIEXEC, "mpiexec"), cores) : null);
        long t0 = System.nanoTime();
        Greeting greeting;
        try (WorkerProcess w = WorkerProcess.start(worker(resolved))) {
            greeting = w.greeting();
        } catch (MatscreenException e) {
            throw new MatscreenException(e.getMessage() + "\n" + INSTALL, e);
        }
        if (greeting.details().get(GpawPayloads.SETUP_PATHS).isEmpty()) {
            throw new MatscreenException(greeting.codeVersion() + " under " + python + " finds no PAW setups; "
                    + INSTALL);
        }
        return new Installation(resolved, greeting, (System.nanoTime() - t0) / 1e9);
    }

    private static int cores(CodeOptions options) {
        String text = options.get(CORES, "1");
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("--conf", "matscreen.gpaw." + CORES, "must be a whole number of cores >= 1,"
                + " got '" + text + "'");
    }

    /** The MPI launcher as an absolute path: a path as given, a bare name looked up on the PATH. */
    private static String launcher(String name, int cores) {
        List<Path> candidates = new ArrayList<>();
        if (name.contains(File.separator)) {
            candidates.add(Path.of(name));
        } else {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                candidates.add(Path.of(dir, name));
            }
        }
        for (Path p : candidates) {
            if (Files.isExecutable(p)) {
                return p.toAbsolutePath().toString();
            }
        }
        throw new MatscreenException("no MPI launcher '" + name + "' (--conf matscreen.gpaw." + MPIEXEC + ") for "
                + cores + " cores per session: sudo apt-get install openmpi-bin (Debian's GPAW is built on OpenMPI),"
                + " or run with matscreen.gpaw." + CORES + "=1");
    }

    /** The worker of these resolved options on this node: its script and folders under the node's temporary folder. */
    static GpawWorker worker(CodeOptions resolved) {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "matscreen-workers-"
                + System.getProperty("user.name"));
        return new GpawWorker(resolved.get(PYTHON, DEFAULT_PYTHON), GpawWorkerScript.install(root).toString(),
                cores(resolved), resolved.get(MPIEXEC, "mpiexec"), root.toString(), START_TIMEOUT_SECONDS);
    }
}
