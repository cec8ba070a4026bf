package org.matscreen.lammps.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
}
