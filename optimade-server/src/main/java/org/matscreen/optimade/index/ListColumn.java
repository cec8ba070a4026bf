package org.matscreen.optimade.index;

import java.util.function.IntPredicate;
import org.matscreen.repository.filter.ComparisonOperator;
import org.matscreen.repository.filter.SetOperator;

/**
 * A list per row in compressed-sparse-row form: the items of row {@code r} are at flat positions
 * {@code offsets[r] .. offsets[r+1]-1} of the subclass's item array. Items are never unknown (the record schema's lists
 * hold no nulls); a row whose whole list is unknown is absent from {@link #known()}.
 */
abstract class ListColumn implements IndexColumn {
    final int[] offsets;
    final long[] known;

    ListColumn(int[] offsets, long[] known) {
        this.offsets = offsets;
        this.known = known;
    }

    int rows() {
        return offsets.length - 1;
    }

    @Override
    public long[] known() {
        return known.clone();
    }

    /**
     * {@code HAS}, {@code HAS ALL}, {@code HAS ANY} or {@code HAS ONLY}, with one test per value entry; a test takes
     * the flat position of an item.
     */
    Selection has(SetOperator op, IntPredicate[] entries) {
        int n = rows();
        long[] t = Words.forRows(n);
        long[] f = Words.forRows(n);
        for (int r = 0; r < n; r++) {
            if (!Words.get(known, r)) {
                continue;
            }
            int from = offsets[r];
            int to = offsets[r + 1];
            boolean result = switch (op) {
                case HAS, HAS_ANY -> anyEntryAnyItem(entries, from, to);
                case HAS_ALL -> everyEntrySomeItem(entries, from, to);
                case HAS_ONLY -> everyItemSomeEntry(entries, from, to);
            };
            Words.set(result ? t : f, r);
        }
        return Selection.of(t, f);
    }

    /** {@code list LENGTH op constant}. */
    Selection length(ComparisonOperator op, Number constant) {
        Threshold th = Threshold.of(constant);
        int n = rows();
        long[] t = Words.forRows(n);
        long[] f = Words.forRows(n);
        for (int r = 0; r < n; r++) {
            if (Words.get(known, r)) {
                Words.set(th.test(offsets[r + 1] - offsets[r], op) ? t : f, r);
            }
        }
        return Selection.of(t, f);
    }

    private static boolean anyEntryAnyItem(IntPredicate[] entries, int from, int to) {
        for (IntPredicate e : entries) {
            for (int i = from; i < to; i++) {
                if (e.test(i)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean everyEntrySomeItem(IntPredicate[] entries, int from, int to) {
        for (IntPredicate e : entries) {
            boolean found = false;
            for (int i = from; i < to && !found; i++) {
                found = e.test(i);
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean everyItemSomeEntry(IntPredicate[] entries, int from, int to) {
        for (int i = from; i < to; i++) {
            boolean found = false;
            for (int j = 0; j < entries.length && !found; j++) {
                found = entries[j].test(i);
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
