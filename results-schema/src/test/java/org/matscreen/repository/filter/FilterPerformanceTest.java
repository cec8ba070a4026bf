package org.matscreen.repository.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A sanity bound, not a benchmark: a filter compiled once evaluates 10^6 in-memory entries in well under the bound
 * (a few hundred milliseconds on a 2-core machine, cold JIT included; the bound leaves room for a loaded CI host).
 * The count is checked against a hand-written predicate so that a fast but wrong evaluator fails too.
 */
class FilterPerformanceTest {
    private static final int ENTRIES = 1_000_000;
    private static final long BOUND_MILLIS = 5_000;
    private static final String[] SYMBOLS = {"Al", "Co", "Cr", "Cu", "Fe", "Mn", "Ni", "Ti", "V", "Zr"};

    /** A compact entry: the elements list is shared from a small pool, the rest are primitives. */
    private record Entry(int index, List<String> elements, double bandGap) implements FilterTarget {
        @Override
        public Optional<?> value(String property) {
            switch (property) {
                case "id":
                    return Optional.of("e" + index);
                case "nelements":
                    return Optional.of((long) elements.size());
                case "elements":
                    return Optional.of(elements);
                case "_matscreen_band_gap":
                    return index % 10 == 0 ? Optional.empty() : Optional.of(bandGap);
                default:
                    return Optional.empty();
            }
        }
    }

    @Test
    void compiledFilterEvaluatesAMillionEntriesQuickly() {
        List<List<String>> pool = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            List<String> elements = new ArrayList<>();
            for (int b = 0; b < SYMBOLS.length; b++) {
                if (((i * 37 + 11) >> (b % 6) & 1) == 1 || b == i % SYMBOLS.length) {
                    elements.add(SYMBOLS[b]);
                }
            }
            pool.add(List.copyOf(elements));
        }
        Entry[] entries = new Entry[ENTRIES];
        for (int i = 0; i < ENTRIES; i++) {
            entries[i] = new Entry(i, pool.get(i % pool.size()), (i % 1000) / 250.0);
        }
        CompiledFilter filter = FilterCompiler.compile("elements HAS ALL \"Al\", \"Ni\" AND nelements <= 5"
                + " AND NOT elements HAS ANY \"Cu\", \"Zr\" AND (_matscreen_band_gap < 1.5 OR nelements = 2)",
                FilterFixtures.CATALOGUE);

        long expected = 0;
        for (Entry e : entries) {
            boolean gapKnown = e.index() % 10 != 0;
            boolean gapOrTwo = (gapKnown && e.bandGap() < 1.5) || e.elements().size() == 2;
            if (e.elements().contains("Al") && e.elements().contains("Ni") && e.elements().size() <= 5
                    && !e.elements().contains("Cu") && !e.elements().contains("Zr") && gapOrTwo) {
                expected++;
            }
        }

        long start = System.nanoTime();
        long matched = 0;
        for (Entry e : entries) {
            if (filter.test(e)) {
                matched++;
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(expected, matched);
        assertTrue(matched > 0 && matched < ENTRIES, "the filter should split the entries: " + matched);
        assertTrue(millis < BOUND_MILLIS, "10^6 evaluations took " + millis + " ms");
    }
}
