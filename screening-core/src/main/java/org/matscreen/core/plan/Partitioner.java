package org.matscreen.core.plan;

import java.util.ArrayList;
import java.util.List;
import org.matscreen.core.structure.Prototype;

/**
 * Cuts the enumeration [0, size) into contiguous ranges of about equal estimated cost. Candidate i has prototype
 * {@code prototypes[i % P]}, so the cost of any prefix is known in closed form and cutting needs no pass over the
 * candidates. The number of ranges aims at {@code targetSeconds} of work each, but is at least {@code minRanges} (a
 * few per task slot, so the last wave is short and stragglers cannot dominate) and at most the number of candidates.
 */
public final class Partitioner {
    private Partitioner() {}

    /** A range and its estimated cost, s. */
    public record Range(long start, long end, double estimatedSeconds) {}

    public static List<Range> split(long size, List<Prototype> prototypes, CostModel cost, double targetSeconds,
            int minRanges, int maxRanges) {
        int k = prototypes.size();
        double[] c = new double[k];
        double perCycle = 0;
        for (int i = 0; i < k; i++) {
            c[i] = cost.seconds(prototypes.get(i));
            perCycle += c[i];
        }
        double total = prefix(size, c, perCycle);
        long n = (long) Math.ceil(total / targetSeconds);
        n = Math.max(n, minRanges);
        n = Math.min(n, Math.min(size, maxRanges));
        n = Math.max(n, 1);
        List<Range> out = new ArrayList<>();
        long start = 0;
        for (long r = 1; r <= n; r++) {
            long end = r == n ? size : indexAtCost(total * r / n, size, c, perCycle);
            end = Math.max(end, start + 1);
            end = Math.min(end, size - (n - r));
            out.add(new Range(start, end, prefix(end, c, perCycle) - prefix(start, c, perCycle)));
            start = end;
        }
        return out;
    }

    /** Estimated cost of candidates [0, i). */
    static double prefix(long i, double[] c, double perCycle) {
        long cycles = i / c.length;
        double s = cycles * perCycle;
        for (int j = 0; j < i % c.length; j++) {
            s += c[j];
        }
        return s;
    }

    /** Smallest i with prefix(i) >= target. */
    static long indexAtCost(double target, long size, double[] c, double perCycle) {
        long lo = 0;
        long hi = size;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (prefix(mid, c, perCycle) >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
