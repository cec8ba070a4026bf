package org.matscreen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.matscreen.core.space.Candidate;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.core.space.ChemicalSpace;
import org.matscreen.core.structure.Prototype;
import org.matscreen.repository.RepositoryLayout;

/** A round's candidates as Spark partitions: explicit indices, split evenly, each with the chunks it must check. */
class ExplicitRangesTest {
    static RepositoryLayout.Chunk chunk(long first, long last) {
        return new RepositoryLayout.Chunk(new Path("file:/r/data/system=Cu-Ni/chunk-" + first + "-" + last
                + "-t.parquet"), first, last, 100);
    }

    @Test
    void picksAreSortedSplitEvenlyAndMatchedToTheChunksThatMayHoldThem() {
        List<Long> picks = List.of(40L, 3L, 17L, 25L, 9L, 3L, 31L);
        List<RepositoryLayout.Chunk> chunks = List.of(chunk(0, 2), chunk(3, 3), chunk(10, 16), chunk(18, 24),
                chunk(26, 40));
        List<CandidateRange> ranges = ScreeningJob.explicitRanges(picks, 4, chunks);
        assertEquals(List.of(List.of(3L, 9L), List.of(17L, 25L), List.of(31L), List.of(40L)),
                ranges.stream().map(CandidateRange::indices).toList(), "duplicates dropped, 6 split 2-2-1-1");
        assertEquals(List.of(0, 1, 2, 3), ranges.stream().map(CandidateRange::partition).toList());
        // [3, 9] spans chunks 0-2, 3-3 and 10-16 but only 3-3 can hold 3 or 9
        assertEquals(List.of("file:/r/data/system=Cu-Ni/chunk-3-3-t.parquet"), ranges.get(0).committedChunks());
        assertEquals(List.of(), ranges.get(1).committedChunks(), "17 and 25 fall between the chunks");
        assertEquals(1, ranges.get(2).committedChunks().size());
        assertEquals(3, ranges.get(0).start());
        assertEquals(10, ranges.get(0).end());
        assertEquals(2, ranges.get(0).size());
        assertEquals(1, ScreeningJob.explicitRanges(picks, 1, chunks).size());
        assertEquals(6, ScreeningJob.explicitRanges(picks, 100, chunks).size(), "at most one range per candidate");
    }

    @Test
    void anExplicitRangeGeneratesExactlyItsCandidates() {
        CandidateSpace space = CandidateSpace.of(new ChemicalSpace(List.of("Cu", "Ni"), List.of(1, 2), 40, Map.of(),
                Map.of(), List.of(), false, List.of()), List.of(Prototype.FCC), "t");
        CandidateRange r = CandidateRange.of(0, List.of(30L, 2L, 11L), List.of());
        List<Long> seen = new ArrayList<>();
        for (Iterator<Candidate> it = r.candidates(space); it.hasNext(); ) {
            Candidate c = it.next();
            assertEquals(space.candidate(c.index()).composition(), c.composition());
            seen.add(c.index());
        }
        assertEquals(List.of(30L, 2L, 11L), seen);
        assertTrue(r.explicit());
        assertFalse(new CandidateRange(0, 0, 5, List.of()).explicit());
        assertEquals(5, new CandidateRange(0, 0, 5, List.of()).size());
        assertTrue(r.overlaps(11, 11) && !r.overlaps(12, 29));
    }
}
