package org.matscreen.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.core.sim.SimulationSession;
import org.matscreen.lammps.jna.LibraryLocator;
import org.matscreen.lammps.worker.IsolatedSession;
import org.matscreen.lammps.worker.WorkerConfig;
import org.matscreen.lammps.worker.WorkerPool;

/**
 * Opens simulation sessions on an executor: LAMMPS in pooled, supervised worker processes. The library is this
 * node's own ({@code MATSCREEN_LAMMPS_LIB}) if set, else the path the driver resolved, else whatever discovery finds
 * here, so heterogeneous clusters work when each node names its build.
 */
final class Sessions {
    private Sessions() {}

    static WorkerConfig workerConfig(JobContext ctx) {
        String own = System.getenv(LibraryLocator.ENV);
        LibraryLocator.Result lib;
        if (own != null && !own.isBlank()) {
            lib = LibraryLocator.locate(null);
        } else if (ctx.driverLibraryPath() != null && Files.isRegularFile(Path.of(ctx.driverLibraryPath()))) {
            lib = LibraryLocator.locate(ctx.driverLibraryPath());
        } else {
            lib = LibraryLocator.locate(null);
        }
        if (!lib.found()) {
            throw new MatscreenException("on host " + org.matscreen.core.util.BuildInfo.host() + ": " + lib.fix());
        }
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "matscreen-workers-" + System.getProperty("user.name"));
        return WorkerConfig.forLibrary(lib.path(), root);
    }

    /** The context with generated potentials cached on this machine's local disk. */
    static JobContext localise(JobContext ctx) {
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "matscreen-potentials-"
                + System.getProperty("user.name"));
        return ctx.localised(cache.toString());
    }

    static SimulationSession open(JobContext ctx) {
        return new IsolatedSession(WorkerPool.shared(), workerConfig(ctx));
    }
}
