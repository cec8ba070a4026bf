package org.matscreen.lammps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.matscreen.core.campaign.MethodSpec;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.core.sim.CodeCapabilities;
import org.matscreen.core.sim.CodeOptions;
import org.matscreen.core.sim.ModelLookup;
import org.matscreen.core.sim.PotentialSource;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.SimulationCode;
import org.matscreen.core.sim.SimulationSession;
import org.matscreen.core.sim.Step;
import org.matscreen.core.util.BuildInfo;
import org.matscreen.core.util.NodeFolders;
import org.matscreen.kim.KimModels;
import org.matscreen.potential.PotentialRegistry;
import org.matscreen.potential.PotentialResolver;
import org.matscreen.lammps.jna.LammpsNative;
import org.matscreen.lammps.jna.LibraryLocator;
import org.matscreen.lammps.worker.InProcessSession;
import org.matscreen.worker.IsolatedSession;
import org.matscreen.lammps.worker.SessionMode;
import org.matscreen.lammps.worker.WorkerConfig;
import org.matscreen.worker.WorkerPool;

/**
 * LAMMPS through its C library as a {@link SimulationCode} named {@value #NAME}. Its options: {@value #LIBRARY}, the
 * path of the LAMMPS shared library ({@code --lammps-lib}; located on the driver by {@link LibraryLocator}), and
 * {@value #MODE}, where LAMMPS runs ({@code --conf matscreen.lammps.mode=auto|isolated|in-process}, see
 * {@link SessionMode}).
 */
public final class LammpsCode implements SimulationCode {
    public static final String NAME = "lammps";
    /** Option: the LAMMPS shared library's path. */
    public static final String LIBRARY = "library";
    /** Option: the {@link SessionMode}, as {@link SessionMode#key()}. */
    public static final String MODE = "mode";

    private static final CodeCapabilities CAPABILITIES = new CodeCapabilities(EnumSet.allOf(Step.class), false, true,
            1, CodeCapabilities.INTERATOMIC_POTENTIAL);

    /** The options a run with this library and mode resolves to (what {@link #resolve} returns for them). */
    public static CodeOptions options(String library, SessionMode mode) {
        return CodeOptions.defaults(NAME).with(LIBRARY, library).with(MODE, mode.key());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CodeCapabilities capabilities() {
        return CAPABILITIES;
    }

    /**
     * The library located (the option's path, else configuration, environment and discovery) and checked to be a
     * LAMMPS library this machine can load; the mode parsed. Which mode sessions actually run in is decided per node,
     * against the node's library.
     */
    @Override
    public CodeOptions resolve(CodeOptions requested) {
        LibraryLocator.Result lib = LibraryLocator.locate(requested.get(LIBRARY, null));
        if (!lib.found()) {
            throw new MatscreenException(lib.fix());
        }
        String notLammps = LibraryLocator.whyNotLammps(lib.path());
        if (notLammps != null) {
            throw new MatscreenException(notLammps);
        }
        SessionMode mode = SessionMode.parse(requested.get(MODE, null));
        return requested.with(LIBRARY, lib.path().toString()).with(MODE, mode.key());
    }

    /**
     * A session in the mode the run asked for, resolved against this node's library (in-process only where that is
     * safe): in this JVM, or on a worker process borrowed from this JVM's {@link WorkerPool}. One code path serves
     * local and cluster mode.
     */
    @Override
    public SimulationSession openSession(CodeOptions resolved) {
        Path lib = nodeLibrary(resolved);
        if (mode(resolved, lib) == SessionMode.IN_PROCESS) {
            return new InProcessSession(LammpsNative.load(lib), NodeFolders.of("matscreen-inprocess"));
        }
        return new IsolatedSession(WorkerPool.shared(), workerConfig(lib));
    }

    /**
     * Starts the workers of {@code sessions} isolated sessions in the background, so that their JVM and MPI start-up
     * (about 0.5 s each) overlaps whatever the caller does next; in-process sessions need none.
     */
    @Override
    public void warm(CodeOptions resolved, int sessions) {
        Path lib = nodeLibrary(resolved);
        if (mode(resolved, lib) == SessionMode.ISOLATED) {
            WorkerPool.shared().warm(workerConfig(lib), sessions);
        }
    }

    /**
     * KIM models need LAMMPS' KIM package, which not every build has (e.g. the serial build of
     * scripts/build-lammps-serial.sh, whose in-process sessions would fail every candidate on {@code kim init}).
     */
    /** Interatomic potentials only: files, generated families, per-system maps, KIM models, ensembles of them. */
    @Override
    public List<PotentialSource> models(MethodSpec method, List<List<String>> systems, ModelLookup lookup) {
        if (method.isDft()) {
            throw new InvalidInputException(lookup.source(), "method.dft", "LAMMPS computes with an interatomic"
                    + " potential; DFT settings need a DFT code (method.code: gpaw)");
        }
        return new PotentialResolver(new PotentialRegistry(lookup.potentialDirectories()), lookup.cacheDirectory())
                .resolveAll(method, systems, lookup.source());
    }

    @Override
    public String cannotRun(PotentialRef model, CodeOptions resolved) {
        if (!KimModels.PAIR_STYLE.equals(model.pairStyle())) {
            return null;
        }
        String library = resolved.get(LIBRARY, null);
        if (LammpsNative.load(Path.of(library)).lammps_config_has_package("KIM") != 0) {
            return null;
        }
        return model.name() + " runs through LAMMPS' KIM package, which the library " + library + " was built"
                + " without; use Debian's liblammps0 (scripts/setup.sh) or a site build with KIM (--lammps-lib or "
                + LibraryLocator.ENV + ")";
    }

    @Override
    public List<Diagnosis> diagnose(CodeOptions requested) {
        return LammpsDiagnosis.of(requested.get(LIBRARY, null));
    }

    /**
     * The library this node's sessions use: the node's own ({@code MATSCREEN_LAMMPS_LIB}) if set, else the path the
     * driver resolved, else whatever discovery finds here, so heterogeneous clusters work when each node names its
     * build.
     */
    private static Path nodeLibrary(CodeOptions resolved) {
        String own = System.getenv(LibraryLocator.ENV);
        String driver = resolved.get(LIBRARY, null);
        LibraryLocator.Result lib;
        if (own != null && !own.isBlank()) {
            lib = LibraryLocator.locate(null);
        } else if (driver != null && Files.isRegularFile(Path.of(driver))) {
            lib = LibraryLocator.locate(driver);
        } else {
            lib = LibraryLocator.locate(null);
        }
        if (!lib.found()) {
            throw new MatscreenException("on host " + BuildInfo.host() + ": " + lib.fix());
        }
        return lib.path();
    }

    private static SessionMode mode(CodeOptions resolved, Path library) {
        return SessionMode.parse(resolved.get(MODE, null)).resolve(LammpsNative.load(library));
    }

    /** The configuration of this node's workers; the pool keys its workers by it. */
    private static WorkerConfig workerConfig(Path library) {
        return WorkerConfig.forLibrary(library, NodeFolders.of("matscreen-workers"));
    }
}
