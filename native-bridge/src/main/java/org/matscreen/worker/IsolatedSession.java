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
    /** A submitted calculation not awaited yet. */
    private boolean inFlight;

    public IsolatedSession(WorkerPool pool, WorkerProtocol protocol) {
        this.pool = pool;
        this.protocol = protocol;
        this.worker = pool.borrow(protocol);
    }

    @Override
    public CalculationOutcome compute(CalculationRequest request) {
        return submit(request).await();
    }

    /** Sends the calculation to the worker and returns at once; the worker computes while the caller goes on. */
    @Override
    public Submitted submit(CalculationRequest request) {
        if (worker == null) {
            throw new IllegalStateException("session is closed");
        }
        if (inFlight) {
            throw new IllegalStateException("a calculation is in flight: await it first");
        }
        if (!worker.isUsable()) {
            worker = pool.replace(protocol, worker);
        }
        WorkerProcess w = worker;
        Submitted sent = w.begin(request);
        inFlight = true;
        return () -> {
            CalculationOutcome o = sent.await();
            inFlight = false;
            if (!w.isAlive()) {
                lost++; // replaced lazily, before the next candidate
            }
            return o;
        };
    }

    @Override
    public int workersLost() {
        return lost;
    }

    @Override
    public String codeVersion() {
        return worker == null ? "" : worker.codeVersion();
    }

    /**
     * Returns the worker to the pool, unless a calculation is still in flight (the task failed or was killed while
     * the worker computed): its answer would reach the next borrower, so that worker is stopped instead.
     */
    @Override
    public void close() {
        if (worker != null) {
            if (inFlight) {
                pool.discard(worker);
            } else {
                pool.release(protocol, worker);
            }
            worker = null;
        }
    }
}
