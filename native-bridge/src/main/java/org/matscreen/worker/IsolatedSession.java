package org.matscreen.worker;

import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.SimulationSession;

/**
 * A {@link SimulationSession} whose code runs in a pooled worker process: a crash or a timeout of one candidate
 * costs a worker restart, never the caller's process. Borrowed from the {@link WorkerPool} on open and returned on
 * close.
 */
public final class IsolatedSession implements SimulationSession {
    private final WorkerPool pool;
    private final WorkerProtocol protocol;
    private WorkerProcess worker;
    private int lost;

    public IsolatedSession(WorkerPool pool, WorkerProtocol protocol) {
        this.pool = pool;
        this.protocol = protocol;
        this.worker = pool.borrow(protocol);
    }

    @Override
    public CalculationOutcome compute(CalculationRequest request) {
        if (worker == null) {
            throw new IllegalStateException("session is closed");
        }
        if (!worker.isUsable()) {
            worker = pool.replace(protocol, worker);
        }
        CalculationOutcome o = worker.compute(request);
        if (!worker.isAlive()) {
            lost++; // replaced lazily, before the next candidate
        }
        return o;
    }

    @Override
    public int workersLost() {
        return lost;
    }

    @Override
    public String codeVersion() {
        return worker == null ? "" : worker.codeVersion();
    }

    @Override
    public void close() {
        if (worker != null) {
            pool.release(protocol, worker);
            worker = null;
        }
    }
}
