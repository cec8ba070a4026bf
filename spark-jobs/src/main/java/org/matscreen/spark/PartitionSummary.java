package org.matscreen.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a partition reports to the driver: bounded counts and timings plus its candidates for the ranked table.
 *
 * @param statusCounts candidates computed per status key
 * @param skipped candidates already committed by an earlier run
 * @param nativeSeconds Σ time inside the simulation code, s
 * @param wallSeconds wall time of the partition, s
 * @param workerRestarts worker processes lost to a crash or a timeout (each replaced by a fresh one)
 * @param codeVersion the simulation code version the worker reported
 * @param top the partition's first Pareto fronts among candidates that passed the filters and the flag gate
 * @param counts flags of the partition's OK records, and those left out of the ranking for them
 */
public record PartitionSummary(int partition, Map<String, Long> statusCounts, long skipped, long passedFilters,
        double nativeSeconds, double wallSeconds, int workerRestarts, String codeVersion, List<RankedEntry> top,
        RankingCounts counts) implements Serializable {

    public long computed() {
        return statusCounts.values().stream().mapToLong(Long::longValue).sum();
    }
}
