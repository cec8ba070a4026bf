package org.matscreen.repository;

import java.util.List;
import java.util.Map;

/**
 * The per-campaign manifest ({@code manifest.json}): what the campaign was, what has been computed and with what.
 * Its campaign identity is written before a run's first record is committed, and the whole file is rewritten at the end
 * of every run, atomically, under the repository's manifest mutex (see {@link Repository#updateManifest}).
 *
 * @param schemaVersion record schema version of the data files
 * @param campaignYaml the campaign file's text as run, so the repository alone reproduces the campaign
 * @param fingerprint hash of the chemical space, structures and method: a rerun must match it to resume
 * @param candidates size of the campaign's candidate space
 * @param statusCounts committed records per status
 * @param runs every run of the campaign, oldest first
 * @param adaptive rounds and outputs of an adaptive campaign; null for an exhaustive one
 */
public record Manifest(int schemaVersion, String campaign, String description, String campaignYaml,
        String createdAt, String updatedAt, String fingerprint, long candidates, Map<String, Long> statusCounts, String matscreenVersion,
        String matscreenCommit, String codeVersion, Potential potential, List<Run> runs, AdaptiveManifest adaptive) {

    /** The manifest of an exhaustive campaign. */
    public Manifest(int schemaVersion, String campaign, String description, String campaignYaml, String createdAt,
            String updatedAt, String fingerprint, long candidates, Map<String, Long> statusCounts,
            String matscreenVersion, String matscreenCommit, String codeVersion, Potential potential, List<Run> runs) {
        this(schemaVersion, campaign, description, campaignYaml, createdAt, updatedAt, fingerprint, candidates,
                statusCounts, matscreenVersion, matscreenCommit, codeVersion, potential, runs, null);
    }

    /** This manifest with its adaptive part replaced. */
    public Manifest withAdaptive(AdaptiveManifest a) {
        return new Manifest(schemaVersion, campaign, description, campaignYaml, createdAt, updatedAt, fingerprint,
                candidates, statusCounts, matscreenVersion, matscreenCommit, codeVersion, potential, runs, a);
    }

    /**
     * The potential all records of the campaign were computed with.
     *
     * @param key SHA-256 of the file, or of the definition of a generated family or per-system map
     */
    public record Potential(String name, String pairStyle, String key, String citation, List<String> elements) {}

    /**
     * One run.
     *
     * @param computed candidates computed in this run
     * @param skipped candidates skipped because already committed (resume)
     * @param complete every candidate of the campaign was committed at the end (adaptive: the strategy had
     *     nothing left to compute)
     * @param cores task slots the run had
     * @param wallSeconds wall time of the screening stage, s
     * @param nativeSeconds Σ time inside the simulation code, s
     * @param retriedStatuses statuses whose committed records this run computed again ({@code run --retry-failed});
     *     empty for an ordinary run
     * @param retried candidates computed again because of {@code retriedStatuses} (part of {@code computed})
     * @param firstRecordSeconds from the start of the driver's JVM to the first record this run committed, s; −1 when
     *     it committed none (or the manifest predates the field)
     */
    public record Run(String startedAt, String finishedAt, String master, int cores, long computed, long skipped,
            Map<String, Long> statusCounts, double wallSeconds, double nativeSeconds, boolean complete,
            List<String> retriedStatuses, long retried, Double firstRecordSeconds) {

        /** {@link #firstRecordSeconds} of a run that committed nothing. */
        public static final double NO_RECORD = -1;

        public Run {
            retriedStatuses = retriedStatuses == null ? List.of() : List.copyOf(retriedStatuses);
            firstRecordSeconds = firstRecordSeconds == null ? NO_RECORD : firstRecordSeconds;
        }

        /** A run without the time to its first record. */
        public Run(String startedAt, String finishedAt, String master, int cores, long computed, long skipped,
                Map<String, Long> statusCounts, double wallSeconds, double nativeSeconds, boolean complete,
                List<String> retriedStatuses, long retried) {
            this(startedAt, finishedAt, master, cores, computed, skipped, statusCounts, wallSeconds, nativeSeconds,
                    complete, retriedStatuses, retried, NO_RECORD);
        }

        /** An ordinary run (nothing retried). */
        public Run(String startedAt, String finishedAt, String master, int cores, long computed, long skipped,
                Map<String, Long> statusCounts, double wallSeconds, double nativeSeconds, boolean complete) {
            this(startedAt, finishedAt, master, cores, computed, skipped, statusCounts, wallSeconds, nativeSeconds,
                    complete, List.of(), 0);
        }
    }
}
