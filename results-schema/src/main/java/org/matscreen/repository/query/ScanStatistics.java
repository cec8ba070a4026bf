package org.matscreen.repository.query;

import java.util.List;

/**
 * What a scan did, for the user and for benchmarks.
 *
 * @param chunks committed chunk files in the repository
 * @param chunksPruned files skipped without opening them, because their chemical system cannot match
 * @param chunksMigrated files read whole and migrated (older schema versions)
 * @param rowsInReadChunks rows in the files that were opened
 * @param rowsMatched rows that matched the filter
 * @param warnings the filter's warnings (properties of unknown providers)
 * @param seconds wall time of the scan, s
 */
public record ScanStatistics(long chunks, long chunksPruned, long chunksMigrated, long rowsInReadChunks,
        long rowsMatched, List<String> warnings, double seconds) {}
