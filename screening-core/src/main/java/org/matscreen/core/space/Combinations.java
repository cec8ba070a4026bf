package org.matscreen.core.space;

/** Binomial coefficients and k-subsets in lexicographic order (the combinatorial number system). */
public final class Combinations {
    private Combinations() {}

    /** C(n, k) exactly, or an ArithmeticException on overflow. */
    public static long choose(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        k = Math.min(k, n - k);
        long c = 1;
        for (int i = 1; i <= k; i++) {
            c = Math.multiplyExact(c, n - k + i) / i;
        }
        return c;
    }

    /** The first k-subset of {0..n-1} in lexicographic order: {0, 1, …, k−1}. */
    public static int[] first(int k) {
        int[] c = new int[k];
        for (int i = 0; i < k; i++) {
            c[i] = i;
        }
        return c;
    }

    /** Advances {@code c} to the next k-subset of {0..n-1}; returns false after the last. */
    public static boolean next(int[] c, int n) {
        int k = c.length;
        int i = k - 1;
        while (i >= 0 && c[i] == n - k + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        c[i]++;
        for (int j = i + 1; j < k; j++) {
            c[j] = c[j - 1] + 1;
        }
        return true;
    }
}
