package org.matscreen.core.space;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The integer vectors (n_0 … n_{k−1}) with lo_i ≤ n_i ≤ hi_i and Σ n_i = total, in lexicographic order, with exact
 * counting and random access by rank (no enumeration needed to find the millionth one). A composition grid of step
 * 1/total over k elements is such a set; ranking is what lets executors generate their own slice of a campaign from
 * two numbers.
 */
public final class BoundedCompositions implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int total;
    private final int[] lo;
    private final int[] hi;
    /** ways[i][s] = number of ways parts i..k-1 sum to s. */
    private final long[][] ways;

    public BoundedCompositions(int total, int[] lo, int[] hi) {
        if (lo.length != hi.length || lo.length == 0) {
            throw new IllegalArgumentException("bounds must be non-empty and of equal length");
        }
        this.total = total;
        this.lo = lo.clone();
        this.hi = hi.clone();
        int k = lo.length;
        ways = new long[k + 1][total + 1];
        ways[k][0] = 1;
        for (int i = k - 1; i >= 0; i--) {
            for (int s = 0; s <= total; s++) {
                long w = 0;
                for (int v = Math.max(0, lo[i]); v <= Math.min(hi[i], s); v++) {
                    w = Math.addExact(w, ways[i + 1][s - v]);
                }
                ways[i][s] = w;
            }
        }
    }

    /** How many vectors there are. */
    public long count() {
        return ways[0][total];
    }

    public int parts() {
        return lo.length;
    }

    public int total() {
        return total;
    }

    /** The vector of rank {@code index} (0-based, lexicographic with the first part varying slowest). */
    public int[] unrank(long index) {
        if (index < 0 || index >= count()) {
            throw new IndexOutOfBoundsException("rank " + index + " of " + count());
        }
        int k = lo.length;
        int[] n = new int[k];
        int remaining = total;
        long idx = index;
        for (int i = 0; i < k; i++) {
            for (int v = Math.max(0, lo[i]); v <= Math.min(hi[i], remaining); v++) {
                long c = ways[i + 1][remaining - v];
                if (idx < c) {
                    n[i] = v;
                    remaining -= v;
                    break;
                }
                idx -= c;
            }
        }
        return n;
    }

    /** The rank of a vector (inverse of {@link #unrank(long)}). */
    public long rank(int[] n) {
        if (n.length != lo.length || Arrays.stream(n).sum() != total) {
            throw new IllegalArgumentException("not a vector of this set: " + Arrays.toString(n));
        }
        long r = 0;
        int remaining = total;
        for (int i = 0; i < n.length; i++) {
            if (n[i] < lo[i] || n[i] > hi[i]) {
                throw new IllegalArgumentException("part " + i + " out of bounds: " + Arrays.toString(n));
            }
            for (int v = Math.max(0, lo[i]); v < n[i]; v++) {
                r += ways[i + 1][remaining - v];
            }
            remaining -= n[i];
        }
        return r;
    }
}
