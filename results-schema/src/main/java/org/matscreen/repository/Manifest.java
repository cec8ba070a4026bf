package org.matscreen.repository;

import java.util.List;
import java.util.Map;

/**
 * The per-campaign manifest ({@code manifest.json}): what the campaign was, what has been computed and with what.
 * It is rewritten at the end of every run (and at its start), atomically.
 *
 * @param schemaVersion record schema version of the data files
 * @param campaignYaml the campaign file's text as run, so the repository alone reproduces the campaign
 * @param fingerprint hash of the chemical space, structures and method: a rerun must match it to resume
 * @param candidates size of the campaign's candidate space
 * @param statusCounts committed records per status
 * @param runs every run of the campaign, oldest first
 */
public record Manifest(int schemaVersion, String campaign, String description, String campaignYaml,
        String createdAt, String updatedAt, String fingerprint, long candidates, Map<String, Long> statusCounts, String matscreenVersion,
        String matscreenCommit, String codeVersion, Potential potential, List<Run> runs) {

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
     * @param cores task slots the run had
     * @param wallSeconds wall time of the screening stage, s
     * @param nativeSeconds Σ time inside the simulation code, s
     */
    public record Run(String startedAt, String finishedAt, String master, int cores, long computed, long skipped,
            Map<String, Long> statusCounts, double wallSeconds, double nativeSeconds, boolean complete) {}
}
