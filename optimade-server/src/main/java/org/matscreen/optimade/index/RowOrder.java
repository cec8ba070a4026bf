package org.matscreen.optimade.index;

import java.util.BitSet;
import java.util.List;

/**
 * Sorting by ranks: every sortable column gives each row a dense rank ({@link ScalarColumn#ranks()}, computed once per
 * column), so ordering the matched rows by several keys is one stable counting sort per key, least significant key
 * first — linear in the number of rows, with no comparisons and no boxing.
 */
final class RowOrder {
    private RowOrder() {}

    static int[] sort(StructureIndex index, BitSet matched, List<IndexQuery.SortKey> keys) {
        int[] rows = matched.stream().toArray();
        for (int k = keys.size() - 1; k >= 0; k--) {
            IndexQuery.SortKey key = keys.get(k);
            ScalarColumn column = (ScalarColumn) index.column(key.property()).orElseThrow(
                    () -> new IllegalArgumentException(key.property().name() + " is not in the index"));
            rows = countingSort(rows, column.ranks(), column.maxRank(), key.descending());
        }
        return rows;
    }

    /** A stable sort of {@code rows} by rank; unknown values (rank -1) last in either direction. */
    private static int[] countingSort(int[] rows, int[] ranks, int maxRank, boolean descending) {
        int buckets = maxRank + 2; // ranks 0..maxRank, then unknown
        int[] start = new int[buckets + 1];
        for (int r : rows) {
            start[bucket(ranks[r], maxRank, descending) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            start[b + 1] += start[b];
        }
        int[] out = new int[rows.length];
        for (int r : rows) {
            out[start[bucket(ranks[r], maxRank, descending)]++] = r;
        }
        return out;
    }

    private static int bucket(int rank, int maxRank, boolean descending) {
        if (rank < 0) {
            return maxRank + 1;
        }
        return descending ? maxRank - rank : rank;
    }
}
