package org.matscreen.worker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Worker processes kept for reuse across candidates, partitions and Spark jobs within one JVM (a Spark executor or a
 * local-mode driver), of every code, each kept under its {@link WorkerProtocol}. A worker start costs most of a second
 * (a LAMMPS worker's JVM plus MPI start-up; a GPAW worker's Python imports), a LAMMPS calculation on a small cell
 * milliseconds, so workers are borrowed per partition and returned, never started per candidate. Each borrowed worker
 * serves one thread, which keeps the one-LAMMPS-per-process rule.
 */
public final class WorkerPool {
    private static final WorkerPool SHARED = new WorkerPool();

    private final Map<WorkerProtocol, Deque<WorkerProcess>> idle = new HashMap<>();
    /** Workers being started by {@link #warm} per configuration: a borrower waits for one rather than start its own. */
    private final Map<WorkerProtocol, Integer> warming = new HashMap<>();
    private final List<WorkerProcess> all = new ArrayList<>();
    private int started;
    /** Set by {@link #shutdown}: a task still running while the JVM exits must not start a worker nobody stops. */
    private boolean closed;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SHARED::shutdown, "matscreen-worker-pool-shutdown"));
    }

    private WorkerPool() {}

    /** The pool of this JVM. */
    public static WorkerPool shared() {
        return SHARED;
    }

    /** An idle live worker for {@code protocol}, or a newly started one. */
    public WorkerProcess borrow(WorkerProtocol protocol) {
        List<WorkerProcess> unusable = new ArrayList<>();
        try {
            return borrow(protocol, unusable);
        } finally {
            unusable.forEach(WorkerProcess::close); // outside the lock: a live one gets its shutdown frame
        }
    }

    private WorkerProcess borrow(WorkerProtocol protocol, List<WorkerProcess> unusable) {
        synchronized (this) {
            while (true) {
                Deque<WorkerProcess> q = idle.get(protocol);
                while (q != null && !q.isEmpty()) {
                    WorkerProcess w = q.pollFirst();
                    if (w.isUsable()) {
                        return w;
                    }
                    all.remove(w);
                    unusable.add(w);
                }
                if (warming.getOrDefault(protocol, 0) == 0 || closed) {
                    break;
                }
                try {
                    wait(); // a worker started by warm() is on its way
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        synchronized (this) {
            if (closed) {
                awaitExit();
                throw new IllegalStateException("the worker pool is shut down (the JVM is exiting)");
            }
        }
        WorkerProcess w = WorkerProcess.start(protocol); // outside the lock: starting takes most of a second
        synchronized (this) {
            if (!closed) {
                all.add(w);
                started++;
                return w;
            }
        }
        w.close();
        synchronized (this) {
            awaitExit();
        }
        throw new IllegalStateException("the worker pool is shut down (the JVM is exiting)");
    }

    /**
     * Starts {@code count} workers for {@code protocol} in the background (minus those already idle) and keeps them
     * idle, returning at once. A local run calls it before Spark starts, so worker start-up (JVM, MPI, imports)
     * overlaps Spark's instead of following it; borrowers wait for these workers rather than start more. A failed
     * start is dropped here: the first borrower then starts its own and reports the error with its candidate.
     */
    public void warm(WorkerProtocol protocol, int count) {
        int n;
        synchronized (this) {
            Deque<WorkerProcess> q = idle.get(protocol);
            n = count - (q == null ? 0 : q.size()) - warming.getOrDefault(protocol, 0);
            if (closed || n <= 0) {
                return;
            }
            warming.merge(protocol, n, Integer::sum);
        }
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                WorkerProcess w = null;
                try {
                    w = WorkerProcess.start(protocol);
                } catch (RuntimeException e) {
                    // the first borrower starts its own worker and reports why that fails
                }
                boolean keep;
                synchronized (this) {
                    warming.merge(protocol, -1, Integer::sum);
                    keep = w != null && !closed;
                    if (keep) {
                        all.add(w);
                        started++;
                        idle.computeIfAbsent(protocol, k -> new ArrayDeque<>()).addLast(w);
                    }
                    notifyAll();
                }
                if (w != null && !keep) {
                    w.close();
                }
            }, "matscreen-worker-warm-" + i);
            t.setDaemon(true); // a worker whose parent exits sees its pipe close and exits too
            t.start();
        }
    }

    /**
     * Only the JVM's shutdown closes this pool, and its hook runs in parallel with the others (Spark's, and the CLI's
     * signal notice, which quiets the logs). A task that asks for a worker in that window would fail at once, and
     * Spark would log its stack trace under the one-line notice. Such a task instead waits here until the JVM halts or
     * Spark interrupts it (a killed task is logged quietly); the bound only matters if the JVM is not exiting after all.
     */
    private void awaitExit() {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        try {
            for (long left; (left = until - System.nanoTime()) > 0; ) {
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns a worker for reuse; a dead one is dropped. */
    public void release(WorkerProtocol protocol, WorkerProcess w) {
        synchronized (this) {
            if (w.isAlive()) {
                idle.computeIfAbsent(protocol, k -> new ArrayDeque<>()).addFirst(w);
                return;
            }
            all.remove(w);
        }
        w.close();
    }

    /** Stops a worker that must not be lent again (it may still be computing for a caller that is gone). */
    public void discard(WorkerProcess w) {
        synchronized (this) {
            all.remove(w);
        }
        w.destroy();
    }

    /** Replaces a dead worker: drops it and starts a fresh one for the same configuration. */
    public WorkerProcess replace(WorkerProtocol protocol, WorkerProcess dead) {
        synchronized (this) {
            all.remove(dead);
        }
        dead.close();
        return borrow(protocol);
    }

    /** Workers started by this pool since the JVM started (restarts included). */
    public synchronized int startedCount() {
        return started;
    }

    public synchronized int liveCount() {
        return (int) all.stream().filter(WorkerProcess::isAlive).count();
    }

    /** Stops every worker. */
    public void shutdown() {
        List<WorkerProcess> copy;
        synchronized (this) {
            closed = true;
            notifyAll();
            copy = new ArrayList<>(all);
            all.clear();
            idle.clear();
        }
        copy.parallelStream().forEach(WorkerProcess::close);
    }
}
