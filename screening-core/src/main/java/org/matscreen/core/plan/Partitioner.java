package org.matscreen.core.plan;

import java.util.ArrayList;
import java.util.List;
import org.matscreen.core.structure.Prototype;

/**
 * Cuts the enumeration [0, size) into contiguous ranges of about equal estimated cost. Candidate i has prototype
 * {@code prototypes[i % P]}, so the cost of any prefix is known in closed form and cutting needs no pass over the
 * candidates. The number of ranges aims at {@code targetSeconds} of work each, but is at least {@code minRanges} (a
 * few per task slot, so the last wave is short and stragglers cannot dominate) and at most the number of candidates.
 *
 * <p>With {@code taperSlots > 0} the work of the last {@code taperSlots} ranges is cut into ranges of a half, a
 * quarter, an eighth and an eighth of a range each, {@code taperSlots} of every size. Spark hands ranges out in order
 * as slots free up, so the slots then finish within about an eighth of a range of one another instead of half a
 * range: the idle tail of a run shrinks fourfold for {@code 3 × taperSlots} more ranges.
 */
public final class Partitioner {
    private Partitioner() {}

    /** A range and its estimated cost, s. */
    public record Range(long start, long end, double estimatedSeconds) {}

    /** The tail's ranges per slot, as fractions of an ordinary range's cost; they add up to one. */
    private static final double[] TAPER = {0.5, 0.25, 0.125, 0.125};

    public static List<Range> split(long size, List<Prototype> prototypes, CostModel cost, double targetSeconds,
            int minRanges, int maxRanges) {
        return split(size, prototypes, cost, targetSeconds, minRanges, maxRanges, 0);
    }

    /** As {@link #split(long, List, CostModel, double, int, int)}, with the last wave tapered over {@code taperSlots}. */
    public static List<Range> split(long size, List<Prototype> prototypes, CostModel cost, double targetSeconds,
            int minRanges, int maxRanges, int taperSlots) {
        return split(size, prototypes, cost, targetSeconds, minRanges, maxRanges, taperSlots, 0);
    }

    /**
     * As {@link #split(long, List, CostModel, double, int, int, int)}, with no ordinary range estimated below
     * {@code minRangeSeconds} unless that would leave fewer than two per slot: every range pays a fixed cost (its
     * task's hand-out, set-up and the commit of its chunk, about 18 ms measured on 2 cores), which {@code minRanges}
     * ranges of a small campaign's few seconds of work would multiply.
     */
    public static List<Range> split(long size, List<Prototype> prototypes, CostModel cost, double targetSeconds,
            int minRanges, int maxRanges, int taperSlots, double minRangeSeconds) {
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
        if (minRangeSeconds > 0) {
            n = Math.min(n, Math.max(2L * Math.max(taperSlots, 1), (long) Math.floor(total / minRangeSeconds)));
        }
        n = Math.min(n, Math.min(size, maxRanges));
        n = Math.max(n, 1);
        // Cumulative cost at each cut, as a multiple of one ordinary range's cost.
        double[] cuts;
        long extra = (long) taperSlots * (TAPER.length - 1);
        if (taperSlots > 0 && n > taperSlots && n + extra <= Math.min(size, maxRanges)) {
            int plain = (int) (n - taperSlots);
            cuts = new double[plain + taperSlots * TAPER.length];
            for (int r = 0; r < plain; r++) {
                cuts[r] = r + 1;
            }
            double at = plain;
            int next = plain;
            for (double share : TAPER) {
                for (int j = 0; j < taperSlots; j++) {
                    at += share;
                    cuts[next++] = at;
                }
            }
        } else {
            cuts = new double[(int) n];
            for (int r = 0; r < n; r++) {
                cuts[r] = r + 1;
            }
        }
        int m = cuts.length;
        List<Range> out = new ArrayList<>(m);
        long start = 0;
        for (int r = 1; r <= m; r++) {
            long end = r == m ? size : indexAtCost(total * cuts[r - 1] / n, size, c, perCycle);
            end = Math.max(end, start + 1);
            end = Math.min(end, size - (m - r));
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
