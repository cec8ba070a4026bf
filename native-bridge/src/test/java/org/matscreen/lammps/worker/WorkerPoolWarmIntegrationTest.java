package org.matscreen.lammps.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.lammps.LammpsTestSupport;
import org.matscreen.worker.WorkerPool;
import org.matscreen.worker.WorkerProcess;

/** Workers started ahead of use (a local run starts them while Spark starts) are the ones tasks borrow. */
@Tag("lammps")
@Tag("integration")
class WorkerPoolWarmIntegrationTest {

    @Test
    void borrowersTakeTheWarmedWorkersInsteadOfStartingTheirOwn(@TempDir Path dir) {
        WorkerConfig cfg = WorkerConfig.forLibrary(LammpsTestSupport.library(), dir);
        WorkerPool pool = WorkerPool.shared();
        int before = pool.startedCount();
        pool.warm(cfg, 2);
        pool.warm(cfg, 2); // two are on their way already: nothing more to start
        // borrowed at once, while the two are still starting: each borrower waits for one instead of starting a third
        WorkerProcess a = pool.borrow(cfg);
        WorkerProcess b = pool.borrow(cfg);
        try {
            assertNotSame(a, b);
            assertEquals(before + 2, pool.startedCount());
            assertTrue(a.pingNanos() > 0 && b.pingNanos() > 0, "both serve");
            pool.release(cfg, a);
            pool.release(cfg, b);
            pool.warm(cfg, 2); // both idle: nothing to start
            assertEquals(before + 2, pool.startedCount());
            a = pool.borrow(cfg);
            b = pool.borrow(cfg);
            WorkerProcess c = pool.borrow(cfg); // more borrowers than warmed workers: the third starts its own
            assertEquals(before + 3, pool.startedCount());
            c.close();
        } finally {
            a.close();
            b.close();
        }
    }

    /**
     * An idle worker whose folder was removed under it (in one CI run a sweep by another JVM did this; see
     * WorkerFolders) would crash on its next candidate's log file; the pool stops it and lends a fresh one instead.
     */
    @Test
    void anIdleWorkerWhoseFolderIsGoneIsStoppedNotLent(@TempDir Path dir) throws IOException {
        WorkerConfig cfg = WorkerConfig.forLibrary(LammpsTestSupport.library(), dir);
        WorkerPool pool = WorkerPool.shared();
        WorkerProcess a = pool.borrow(cfg);
        WorkerProcess b = null;
        try {
            assertTrue(a.isUsable());
            pool.release(cfg, a);
            try (Stream<Path> folders = Files.list(dir)) {
                for (Path f : folders.toList()) {
                    org.matscreen.core.util.FileTrees.delete(f);
                }
            }
            assertTrue(a.isAlive() && !a.isUsable(), "the process runs on without its folder");
            int before = pool.startedCount();
            b = pool.borrow(cfg);
            assertNotSame(a, b);
            assertEquals(before + 1, pool.startedCount());
            assertFalse(a.isAlive(), "the folderless worker was stopped");
            assertTrue(b.isUsable() && b.pingNanos() > 0);
        } finally {
            a.close();
            if (b != null) {
                b.close();
            }
        }
    }
}
