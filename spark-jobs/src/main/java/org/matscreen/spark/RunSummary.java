package org.matscreen.spark;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one run of a campaign.
 *
 * @param candidates size of the campaign's candidate space
 * @param computed candidates computed in this run
 * @param skipped candidates already committed by an earlier run
 * @param statusCounts this run's candidates per status
 * @param wallSeconds wall time of the screening stage (after references), s
 * @param nativeSeconds Σ time inside the simulation code, s
 * @param cores task slots (Spark default parallelism)
 * @param tableMetrics metric keys of the ranked table's columns
 * @param top the ranked table
 * @param retried candidates whose committed failure was computed again ({@code run --retry-failed}); part of
 *     {@code computed}
 * @param codeVersion the simulation code's version as the library reports it ("" if nothing was computed)
 * @param counts flags among what the ranking saw (records, or aggregates when sampled), and how many met the
 *     filters but were left out for their flags
 * @param aggregated true when the table ranks per-composition aggregates (means ± standard errors, or across an
 *     ensemble's members)
 * @param potentials the members of the campaign's ensemble of potentials, in order (empty for one potential): the
 *     table then ranks compositions across them, with the standard deviation across the members as the error
 * @param ensembleRanking how the ensemble's compositions are ranked ({@code mean} or {@code worst}; "" without one)
 * @param firstRecordSeconds from the driver JVM's start to the first record this run committed, s (NaN: none)
 */
public record RunSummary(String campaign, String repositoryUri, long candidates, long computed, long skipped,
        Map<String, Long> statusCounts, long passedFilters, double wallSeconds, double referenceSeconds,
        double nativeSeconds, int cores, int partitions, int workerRestarts, List<String> tableMetrics,
        List<TopCandidates.Row> top, long retried, String codeVersion, RankingCounts counts, boolean aggregated,
        List<String> potentials, String ensembleRanking, double firstRecordSeconds) {

    public RunSummary {
        potentials = potentials == null ? List.of() : List.copyOf(potentials);
        ensembleRanking = ensembleRanking == null ? "" : ensembleRanking;
    }

    /** The summary of a campaign with one potential. */
    public RunSummary(String campaign, String repositoryUri, long candidates, long computed, long skipped,
            Map<String, Long> statusCounts, long passedFilters, double wallSeconds, double referenceSeconds,
            double nativeSeconds, int cores, int partitions, int workerRestarts, List<String> tableMetrics,
            List<TopCandidates.Row> top, long retried, String codeVersion, RankingCounts counts, boolean aggregated) {
        this(campaign, repositoryUri, candidates, computed, skipped, statusCounts, passedFilters, wallSeconds,
                referenceSeconds, nativeSeconds, cores, partitions, workerRestarts, tableMetrics, top, retried,
                codeVersion, counts, aggregated, List.of(), "", Double.NaN);
    }

    public long failures() {
        return statusCounts.entrySet().stream().filter(e -> !e.getKey().equals("ok")).mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Candidates computed per second of wall time. */
    public double candidatesPerSecond() {
        return wallSeconds > 0 ? computed / wallSeconds : 0;
    }

    /** Σ native seconds ÷ (wall seconds × cores): the share of the machine spent inside the simulation code. */
    public double efficiency() {
        return wallSeconds > 0 && cores > 0 ? nativeSeconds / (wallSeconds * cores) : 0;
    }
}
