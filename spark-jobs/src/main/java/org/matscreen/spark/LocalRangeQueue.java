package org.matscreen.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The ranges of a local-mode job, handed out to its tasks from one queue in the driver's JVM, where local mode runs
 * the executors too.
 *
 * <p>Why: with one Spark task per range, every range paid a task's hand-out (closure and broadcast deserialised), a
 * session opened, a chunk file written, and a pipeline that ran dry at its end, where the worker waited for the last
 * record, the commit and the next task's first cell: 15 ranges of 200 Cu-Ni candidates on 2 cores, 18 ms each. One
 * task per slot that takes range after range keeps the session, the one-ahead pipeline and the pending chunk across
 * ranges, while the load still balances range by range as slots free up. Clusters keep one task per range: there the
 * executors are other JVMs, and Spark's scheduler is the shared queue.
 */
final class LocalRangeQueue {
    private static final Map<String, Queue<CandidateRange>> QUEUES = new ConcurrentHashMap<>();

    private LocalRangeQueue() {}

    /** Registers a job's ranges, in the order they are to be handed out; returns the job's token. */
    static String register(List<CandidateRange> ranges) {
        String token = UUID.randomUUID().toString();
        QUEUES.put(token, new ConcurrentLinkedQueue<>(ranges));
        return token;
    }

    /** Forgets a job's queue (its ranges not handed out yet are dropped). */
    static void remove(String token) {
        QUEUES.remove(token);
    }

    /** Jobs whose queue is registered in this JVM. */
    static int registered() {
        return QUEUES.size();
    }

    /**
     * The job's ranges as one task takes them: each {@code next()} hands out the next range no other task took. A
     * token unknown in this JVM (a task sent to a non-local executor) has none, so such a task ends without work.
     */
    static Iterator<CandidateRange> taker(String token) {
        return new Iterator<>() {
            private CandidateRange ahead;

            @Override
            public boolean hasNext() {
                if (ahead == null) {
                    Queue<CandidateRange> q = QUEUES.get(token);
                    ahead = q == null ? null : q.poll();
                }
                return ahead != null;
            }

            @Override
            public CandidateRange next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CandidateRange r = ahead;
                ahead = null;
                return r;
            }
        };
    }

    /** What the driver parallelises in place of the ranges: one slot per task, all taking from one queue. */
    record Slot(String token) implements Serializable {}
}
