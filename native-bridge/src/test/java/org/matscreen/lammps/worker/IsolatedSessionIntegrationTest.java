package org.matscreen.lammps.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.SimulationSession;
import org.matscreen.core.sim.Status;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.Supercell;
import org.matscreen.lammps.LammpsTestSupport;
import org.matscreen.worker.IsolatedSession;
import org.matscreen.worker.WorkerPool;

/**
 * A task sends its next candidate to the worker before it records the previous one ({@link SimulationSession#submit}):
 * the split path gives the synchronous path's answer, keeps one calculation in flight, and a session closed with a
 * calculation in flight (its task failed or was killed) stops that worker instead of lending it, busy, to the next
 * borrower, who would read the abandoned answer as its own.
 */
@Tag("lammps")
@Tag("integration")
class IsolatedSessionIntegrationTest {

    private static CalculationRequest cuNi(String id, Supercell sc) {
        return LammpsTestSupport.request(id, "Cu0.5Ni0.5", Prototype.FCC, sc, 3.57, LammpsTestSupport.cuNi(),
                PropertySettings.NONE, 120);
    }

    @Test
    void aSubmittedCalculationEqualsTheSynchronousOneAndOnlyOneIsInFlight(@TempDir Path dir) {
        WorkerConfig cfg = WorkerConfig.forLibrary(LammpsTestSupport.library(), dir);
        try (IsolatedSession session = new IsolatedSession(WorkerPool.shared(), cfg)) {
            CalculationRequest req = cuNi("split", new Supercell(3, 3, 3));
            SimulationSession.Submitted sent = session.submit(req);
            assertThrows(IllegalStateException.class, () -> session.submit(req), "a second one before the await");
            CalculationOutcome split = sent.await();
            CalculationOutcome sync = session.compute(req);
            assertEquals(Status.OK, split.status(), split.errorText());
            assertEquals(sync.energyPerAtomEv(), split.energyPerAtomEv(), 0.0, "same cell, same code, same answer");
            assertEquals(sync.relaxed().volumePerAtom(), split.relaxed().volumePerAtom(), 0.0);
        }
    }

    @Test
    void closingWithACalculationInFlightStopsThatWorker(@TempDir Path dir) {
        WorkerConfig cfg = WorkerConfig.forLibrary(LammpsTestSupport.library(), dir);
        WorkerPool pool = WorkerPool.shared();
        IsolatedSession abandoned = new IsolatedSession(pool, cfg);
        int live = pool.liveCount();
        abandoned.submit(cuNi("abandoned", new Supercell(8, 8, 8))); // 2048 atoms: still computing at the close
        abandoned.close();
        assertEquals(live - 1, pool.liveCount(), "the busy worker was stopped, not returned");
        int started = pool.startedCount();
        try (IsolatedSession next = new IsolatedSession(pool, cfg)) {
            assertEquals(started + 1, pool.startedCount(), "the next borrower got a fresh worker");
            CalculationOutcome o = next.compute(cuNi("next", new Supercell(3, 3, 3)));
            assertEquals(Status.OK, o.status(), o.errorText());
            assertEquals("next", o.candidateId(), "its own answer, not the abandoned one");
        }
    }
}
