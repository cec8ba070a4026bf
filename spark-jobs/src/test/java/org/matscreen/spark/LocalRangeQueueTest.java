package org.matscreen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every range goes to exactly one task, in plan order, however the tasks interleave. */
class LocalRangeQueueTest {

    private static List<CandidateRange> plan(int n) {
        List<CandidateRange> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new CandidateRange(i, 10L * i, 10L * i + 10, List.of()));
        }
        return out;
    }

    @Test
    void twoTakersShareTheRangesOnceEachInOrder() {
        String token = LocalRangeQueue.register(plan(7));
        try {
            Iterator<CandidateRange> a = LocalRangeQueue.taker(token);
            Iterator<CandidateRange> b = LocalRangeQueue.taker(token);
            List<Integer> order = new ArrayList<>();
            List<Integer> ofA = new ArrayList<>();
            // a task asks again only when its range is done: a takes two in a row, then they alternate
            for (Iterator<CandidateRange> t : List.of(a, a, b, a, b, b, a)) {
                int p = t.next().partition();
                order.add(p);
                if (t == a) {
                    ofA.add(p);
                }
            }
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), order);
            assertEquals(List.of(0, 1, 3, 6), ofA);
            assertFalse(a.hasNext());
            assertFalse(b.hasNext());
        } finally {
            LocalRangeQueue.remove(token);
        }
    }

    @Test
    void hasNextDoesNotTakeARangeFromAnotherTaskTwice() {
        String token = LocalRangeQueue.register(plan(2));
        try {
            Iterator<CandidateRange> a = LocalRangeQueue.taker(token);
            Iterator<CandidateRange> b = LocalRangeQueue.taker(token);
            // a's look-ahead holds range 0 for a; b gets range 1, and a still gets 0
            assertEquals(true, a.hasNext());
            assertEquals(true, a.hasNext());
            assertEquals(1, b.next().partition());
            assertEquals(0, a.next().partition());
            assertFalse(a.hasNext());
        } finally {
            LocalRangeQueue.remove(token);
        }
    }

    @Test
    void anUnknownOrRemovedJobHasNoRanges() {
        assertFalse(LocalRangeQueue.taker("no-such-job").hasNext());
        String token = LocalRangeQueue.register(plan(3));
        Iterator<CandidateRange> a = LocalRangeQueue.taker(token);
        assertEquals(0, a.next().partition());
        int before = LocalRangeQueue.registered();
        LocalRangeQueue.remove(token);
        assertEquals(before - 1, LocalRangeQueue.registered());
        assertFalse(a.hasNext(), "a job's queue dropped at its end hands out nothing more");
    }
}
