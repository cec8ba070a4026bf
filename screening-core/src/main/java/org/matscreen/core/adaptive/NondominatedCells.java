package org.matscreen.core.adaptive;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The region below a reference point that a Pareto front does not dominate, {z ≤ r : no p ∈ P with p ≤ z}, as a
 * union of disjoint axis-aligned boxes whose lower bounds may be −∞ (costs: smaller is better). Expected hypervolume
 * improvement integrates over these boxes (see {@link ExpectedHypervolumeImprovement}).
 *
 * <p>Built by slicing along the last objective: between two consecutive front values of that objective, the points
 * at or below the slice dominate a fixed (d−1)-dimensional region, decomposed the same way. Two objectives give
 * m + 1 boxes for a front of m points (the strips of Emmerich, Giannakoglou &amp; Naujoks, IEEE Trans. Evol. Comput.
 * 10, 421 (2006)); three give O(m²). Yang, Emmerich, Deutz &amp; Bäck, J. Glob. Optim. 75, 3 (2019) compute EHVI on
 * such box decompositions.
 */
public final class NondominatedCells implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double[] reference;
    private final double[][] lower;
    private final double[][] upper;

    private NondominatedCells(double[] reference, List<double[][]> cells) {
        this.reference = reference.clone();
        this.lower = new double[cells.size()][];
        this.upper = new double[cells.size()][];
        for (int i = 0; i < cells.size(); i++) {
            lower[i] = cells.get(i)[0];
            upper[i] = cells.get(i)[1];
        }
    }

    /** The decomposition for the given points (any set: dominated points and points past the reference are ignored). */
    public static NondominatedCells of(List<double[]> points, double[] reference) {
        List<double[]> front = Hypervolume.front(points, reference);
        return new NondominatedCells(reference, cells(front, reference, reference.length));
    }

    public int dimensions() {
        return reference.length;
    }

    public double[] reference() {
        return reference.clone();
    }

    public int size() {
        return lower.length;
    }

    /** Lower corner of box {@code i} (entries may be −∞). */
    public double[] lower(int i) {
        return lower[i].clone();
    }

    /** Upper corner of box {@code i}. */
    public double[] upper(int i) {
        return upper[i].clone();
    }

    double lowerAt(int i, int k) {
        return lower[i][k];
    }

    double upperAt(int i, int k) {
        return upper[i][k];
    }

    /** Boxes covering the non-dominated part of {z ≤ ref} in the first d coordinates. */
    private static List<double[][]> cells(List<double[]> front, double[] ref, int d) {
        List<double[][]> out = new ArrayList<>();
        if (front.isEmpty()) {
            double[] lo = new double[d];
            Arrays.fill(lo, Double.NEGATIVE_INFINITY);
            out.add(new double[][] {lo, Arrays.copyOf(ref, d)});
            return out;
        }
        if (d == 1) {
            double best = ref[0];
            for (double[] p : front) {
                best = Math.min(best, p[0]);
            }
            out.add(new double[][] {{Double.NEGATIVE_INFINITY}, {best}});
            return out;
        }
        int last = d - 1;
        List<double[]> sorted = new ArrayList<>(front);
        sorted.sort(Comparator.comparingDouble(p -> p[last]));
        // below every point in the last coordinate nothing is dominated
        addSlice(out, cells(List.of(), ref, last), Double.NEGATIVE_INFINITY, sorted.get(0)[last]);
        for (int i = 0; i < sorted.size(); i++) {
            double lo = sorted.get(i)[last];
            double hi = i + 1 < sorted.size() ? sorted.get(i + 1)[last] : ref[last];
            if (hi > lo) {
                List<double[]> active = new ArrayList<>();
                for (double[] p : sorted.subList(0, i + 1)) {
                    active.add(Arrays.copyOf(p, last));
                }
                addSlice(out, cells(Hypervolume.front(active, Arrays.copyOf(ref, last)), ref, last), lo, hi);
            }
        }
        return out;
    }

    private static void addSlice(List<double[][]> out, List<double[][]> base, double lo, double hi) {
        for (double[][] c : base) {
            double[] l = Arrays.copyOf(c[0], c[0].length + 1);
            double[] u = Arrays.copyOf(c[1], c[1].length + 1);
            l[c[0].length] = lo;
            u[c[1].length] = hi;
            boolean empty = false;
            for (int k = 0; k < u.length; k++) {
                empty |= !(u[k] > l[k]);
            }
            if (!empty) {
                out.add(new double[][] {l, u});
            }
        }
    }
}
