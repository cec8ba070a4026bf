package org.matscreen.optimade.index;

/**
 * A column of single values that can be sorted: it gives each row a dense rank (equal values, equal ranks; larger
 * values, larger ranks), computed on first use and kept, so a sort is a counting sort over ranks.
 */
abstract class ScalarColumn implements IndexColumn {
    private volatile int[] ranks;

    /** Ranks of all rows, -1 for unknown values; ranks run from 0 to {@link #maxRank()}. */
    final int[] ranks() {
        int[] r = ranks;
        if (r == null) {
            synchronized (this) {
                r = ranks;
                if (r == null) {
                    r = computeRanks();
                    ranks = r;
                }
            }
        }
        return r;
    }

    /** The largest rank (an upper bound is enough). */
    abstract int maxRank();

    abstract int[] computeRanks();
}
