package org.matscreen.core.adaptive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.matscreen.core.screening.ParetoRanking;

/**
 * The hypervolume indicator of a set of cost vectors (smaller is better in every coordinate): the Lebesgue measure of
 * the region they dominate below a reference point. Computed exactly by slicing along the last objective
 * (the "hypervolume by slicing objectives" scheme of While, Hingston, Barone &amp; Huband, IEEE Trans. Evol. Comput.
 * 10, 29 (2006)), with a sort-and-sweep for two objectives. Exponential in the number of objectives, which is fine
 * for the two to four objectives and fronts of a few hundred points that a campaign has.
 */
public final class Hypervolume {
    private Hypervolume() {}

    /**
     * The non-dominated points among those strictly better than {@code reference} in every coordinate (the others
     * dominate nothing below it), duplicates removed, in a deterministic order (lexicographic).
     */
    public static List<double[]> front(List<double[]> points, double[] reference) {
        List<double[]> inside = new ArrayList<>();
        for (double[] p : points) {
            if (p.length != reference.length) {
                throw new IllegalArgumentException("point of dimension " + p.length + ", reference " + reference.length);
            }
            if (strictlyBelow(p, reference)) {
                inside.add(p);
            }
        }
        inside.sort(LEXICOGRAPHIC);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < inside.size(); i++) {
            double[] p = inside.get(i);
            if (i > 0 && Arrays.equals(p, inside.get(i - 1))) {
                continue;
            }
            boolean dominated = false;
            for (double[] q : inside) {
                if (ParetoRanking.dominates(q, p)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                out.add(p);
            }
        }
        return out;
    }

    /** The hypervolume dominated by {@code points} below {@code reference}. */
    public static double of(List<double[]> points, double[] reference) {
        List<double[]> f = front(points, reference);
        return f.isEmpty() ? 0 : slice(f, reference, reference.length);
    }

    /** HV(front ∪ {y}) − HV(front): what adding {@code y} would add. */
    public static double improvement(List<double[]> points, double[] y, double[] reference) {
        List<double[]> with = new ArrayList<>(points);
        with.add(y);
        return of(with, reference) - of(points, reference);
    }

    static final Comparator<double[]> LEXICOGRAPHIC = Arrays::compare;

    static boolean strictlyBelow(double[] p, double[] reference) {
        for (int k = 0; k < p.length; k++) {
            if (!(p[k] < reference[k])) {
                return false;
            }
        }
        return true;
    }

    /** Volume dominated in the first {@code d} coordinates by points all strictly below the reference there. */
    private static double slice(List<double[]> pts, double[] ref, int d) {
        if (d == 1) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] p : pts) {
                best = Math.min(best, p[0]);
            }
            return ref[0] - best;
        }
        if (d == 2) {
            double[][] s = pts.toArray(new double[0][]);
            Arrays.sort(s, Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
            double area = 0;
            double lowest = ref[1];
            for (double[] p : s) {
                if (p[1] < lowest) {
                    area += (ref[0] - p[0]) * (lowest - p[1]);
                    lowest = p[1];
                }
            }
            return area;
        }
        int last = d - 1;
        List<double[]> sorted = new ArrayList<>(pts);
        sorted.sort(Comparator.comparingDouble(p -> p[last]));
        double volume = 0;
        for (int i = 0; i < sorted.size(); i++) {
            double lo = sorted.get(i)[last];
            double hi = i + 1 < sorted.size() ? sorted.get(i + 1)[last] : ref[last];
            if (hi > lo) {
                volume += slice(sorted.subList(0, i + 1), ref, d - 1) * (hi - lo);
            }
        }
        return volume;
    }
}
