package org.matscreen.repository.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.matscreen.core.screening.ParetoRanking;

/**
 * The first Pareto front (rank 1 of {@link ParetoRanking}) in O(N·F) for N points and F points on the front, so a
 * report over 10^5 records does not need ParetoRanking's O(N²) full ranking. Points are visited in lexicographic
 * order of their costs; a point can only be dominated by one visited before it, so comparing it with the front found
 * so far decides it.
 */
final class ParetoFront {
    private ParetoFront() {}

    /** For each point (costs, smaller is better, none NaN), whether it is on the first front. */
    static boolean[] of(List<double[]> costs) {
        Integer[] order = new Integer[costs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(costs::get, ParetoFront::lexicographic));
        boolean[] onFront = new boolean[costs.size()];
        List<double[]> front = new ArrayList<>();
        for (int i : order) {
            double[] p = costs.get(i);
            if (front.stream().noneMatch(f -> ParetoRanking.dominates(f, p))) {
                front.add(p);
                onFront[i] = true;
            }
        }
        return onFront;
    }

    private static int lexicographic(double[] a, double[] b) {
        for (int k = 0; k < a.length; k++) {
            int c = Double.compare(a[k], b[k]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
