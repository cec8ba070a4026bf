package org.matscreen.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Counts candidates of running tasks too: executors report their tasks' partial accumulator values with every
 * heartbeat, and this listener keeps the latest per task until the task ends (when the driver's accumulator takes the
 * final value over). Progress therefore moves every heartbeat, not only when a partition finishes.
 */
final class ProgressListener extends SparkListener {
    private final long[] ids;
    /** taskId → partial values aligned with {@link #ids}. */
    private final Map<Long, long[]> running = new ConcurrentHashMap<>();

    ProgressListener(LongAccumulator... accumulators) {
        ids = new long[accumulators.length];
        for (int i = 0; i < accumulators.length; i++) {
            ids[i] = accumulators[i].id();
        }
    }

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
        for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> t
                : CollectionConverters.asJava(update.accumUpdates())) {
            long taskId = (Long) t._1();
            long[] values = running.computeIfAbsent(taskId, k -> new long[ids.length]);
            for (AccumulableInfo info : CollectionConverters.asJava(t._4())) {
                for (int i = 0; i < ids.length; i++) {
                    if (info.id() == ids[i] && info.update().isDefined()) {
                        Object v = info.update().get();
                        if (v instanceof Number n) {
                            values[i] = n.longValue();
                        }
                    }
                }
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        running.remove(end.taskInfo().taskId());
    }

    /** Σ over running tasks of the partial value of accumulator i (completed tasks are in the accumulator itself). */
    long runningPartial(int i) {
        long s = 0;
        for (long[] v : running.values()) {
            s += v[i];
        }
        return s;
    }
}
