package org.matscreen.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.matscreen.core.space.Candidate;
import org.matscreen.core.space.CandidateSpace;

/**
 * The work of one Spark partition: candidates {@code [start, end)} of the campaign's enumeration, or, for a round of
 * an adaptive campaign, the explicit {@code indices} (which need not be contiguous; {@code start} and {@code end}
 * then bound them), and the committed chunk files that overlap them (found by the driver from file names), whose
 * ids the executor skips.
 *
 * @param indices the candidates to compute, in this order; empty for the whole span {@code [start, end)}
 */
public record CandidateRange(int partition, long start, long end, List<String> committedChunks, List<Long> indices)
        implements Serializable {

    public CandidateRange {
        committedChunks = List.copyOf(committedChunks);
        indices = List.copyOf(indices);
    }

    /** A contiguous span. */
    public CandidateRange(int partition, long start, long end, List<String> committedChunks) {
        this(partition, start, end, committedChunks, List.of());
    }

    /** Explicit candidates (at least one), bounded by their smallest and largest index. */
    public static CandidateRange of(int partition, List<Long> indices, List<String> committedChunks) {
        if (indices.isEmpty()) {
            throw new IllegalArgumentException("an explicit range needs at least one candidate");
        }
        long lo = indices.stream().mapToLong(Long::longValue).min().getAsLong();
        long hi = indices.stream().mapToLong(Long::longValue).max().getAsLong();
        return new CandidateRange(partition, lo, hi + 1, committedChunks, indices);
    }

    public boolean explicit() {
        return !indices.isEmpty();
    }

    /** Candidates this range computes. */
    public long size() {
        return explicit() ? indices.size() : end - start;
    }

    /** The range's candidates, generated as they are consumed. */
    public Iterator<Candidate> candidates(CandidateSpace space) {
        if (!explicit()) {
            return space.range(start, end);
        }
        Iterator<Long> it = indices.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Candidate next() {
                return space.candidate(it.next());
            }
        };
    }

    /** Whether a committed chunk spanning indices {@code [first, last]} may hold one of this range's candidates. */
    public boolean overlaps(long first, long last) {
        if (!explicit()) {
            return first < end && last >= start;
        }
        for (long i : indices) {
            if (i >= first && i <= last) {
                return true;
            }
        }
        return false;
    }
}
