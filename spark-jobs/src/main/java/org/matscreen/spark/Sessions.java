package org.matscreen.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.core.sim.SimulationSession;
import org.matscreen.lammps.jna.LammpsNative;
import org.matscreen.lammps.jna.LibraryLocator;
import org.matscreen.lammps.worker.InProcessSession;
import org.matscreen.lammps.worker.IsolatedSession;
import org.matscreen.lammps.worker.SessionMode;
import org.matscreen.lammps.worker.WorkerConfig;
import org.matscreen.lammps.worker.WorkerPool;

/**
 * Opens simulation sessions on an executor, in the session mode the job asked for (resolved against this node's
 * library: in-process only where that is safe). The library is this node's own ({@code MATSCREEN_LAMMPS_LIB}) if set,
 * else the path the driver resolved, else whatever discovery finds here, so heterogeneous clusters work when each node
 * names its build. One engine code path serves local and cluster mode.
 */
final class Sessions {
    private Sessions() {}

    static Path library(JobContext ctx) {
        return library(ctx.driverLibraryPath());
    }

    static Path library(String driverLibraryPath) {
        String own = System.getenv(LibraryLocator.ENV);
        LibraryLocator.Result lib;
        if (own != null && !own.isBlank()) {
            lib = LibraryLocator.locate(null);
        } else if (driverLibraryPath != null && Files.isRegularFile(Path.of(driverLibraryPath))) {
            lib = LibraryLocator.locate(driverLibraryPath);
        } else {
            lib = LibraryLocator.locate(null);
        }
        if (!lib.found()) {
            throw new MatscreenException("on host " + org.matscreen.core.util.BuildInfo.host() + ": " + lib.fix());
        }
        return lib.path();
    }

    private static Path localDir(String name) {
        return Path.of(System.getProperty("java.io.tmpdir"), name + "-" + System.getProperty("user.name"));
    }

    static WorkerConfig workerConfig(JobContext ctx) {
        return workerConfig(library(ctx));
    }

    /** The configuration of this node's workers; the pool keys its workers by it. */
    static WorkerConfig workerConfig(Path library) {
        return WorkerConfig.forLibrary(library, localDir("matscreen-workers"));
    }

    /** The context with generated potentials cached on this machine's local disk. */
    static JobContext localise(JobContext ctx) {
        return ctx.localised(localDir("matscreen-potentials").toString());
    }

    /** The mode sessions of this job run in on this node. */
    static SessionMode mode(JobContext ctx) {
        return ctx.sessionMode().resolve(LammpsNative.load(library(ctx)));
    }

    static SimulationSession open(JobContext ctx) {
        if (mode(ctx) == SessionMode.IN_PROCESS) {
            return new InProcessSession(LammpsNative.load(library(ctx)), localDir("matscreen-inprocess"));
        }
        return new IsolatedSession(WorkerPool.shared(), workerConfig(ctx));
    }
}
