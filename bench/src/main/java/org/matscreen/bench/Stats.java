package org.matscreen.bench;

import java.util.Arrays;

/** Order statistics of a sample (timings are skewed by a loaded machine, so medians and percentiles, not means). */
final class Stats {
    private Stats() {}

    static double median(double[] v) {
        return percentile(v, 50);
    }

    /** The p-th percentile (0–100) by linear interpolation between order statistics; NaN for an empty sample. */
    static double percentile(double[] v, double p) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        double rank = p / 100 * (s.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return s[lo] + (s[hi] - s[lo]) * (rank - lo);
    }

    static double sum(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }

    static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
