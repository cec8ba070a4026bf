package org.matscreen.spark;

import java.io.Serializable;
import java.util.List;

/**
 * The work of one Spark partition: candidates {@code [start, end)} of the campaign's enumeration, and the committed
 * chunk files that overlap the range (found by the driver from file names), whose ids the executor skips.
 */
public record CandidateRange(int partition, long start, long end, List<String> committedChunks)
        implements Serializable {

    public CandidateRange {
        committedChunks = List.copyOf(committedChunks);
    }

    public long size() {
        return end - start;
    }
}
