package org.matscreen.core.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Non-dominated sorting (Deb et al., IEEE Trans. Evol. Comput. 6, 182 (2002)): rank 1 is the Pareto front, rank 2
 * the front once rank 1 is removed, and so on. Costs are "smaller is better" (see {@link Objective#cost(double)}).
 * A point with an unknown (NaN) cost gets rank 0, meaning "not ranked".
 */
public final class ParetoRanking {
    private ParetoRanking() {}

    /** True if a is at least as good as b in every cost and strictly better in one. */
    public static boolean dominates(double[] a, double[] b) {
        boolean strictly = false;
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k]) {
                return false;
            }
            if (a[k] < b[k]) {
                strictly = true;
            }
        }
        return strictly;
    }

    /** Pareto rank (1-based; 0 for points with unknown costs) of every point. O(M·N²). */
    public static int[] ranks(List<double[]> costs) {
        int n = costs.size();
        int[] rank = new int[n];
        List<Integer> valid = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (Arrays.stream(costs.get(i)).noneMatch(Double::isNaN)) {
                valid.add(i);
            }
        }
        int[] dominatedBy = new int[n];
        List<List<Integer>> dominates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dominates.add(new ArrayList<>());
        }
        for (int a = 0; a < valid.size(); a++) {
            for (int b = a + 1; b < valid.size(); b++) {
                int i = valid.get(a);
                int j = valid.get(b);
                if (dominates(costs.get(i), costs.get(j))) {
                    dominates.get(i).add(j);
                    dominatedBy[j]++;
                } else if (dominates(costs.get(j), costs.get(i))) {
                    dominates.get(j).add(i);
                    dominatedBy[i]++;
                }
            }
        }
        List<Integer> front = new ArrayList<>();
        for (int i : valid) {
            if (dominatedBy[i] == 0) {
                front.add(i);
            }
        }
        for (int r = 1; !front.isEmpty(); r++) {
            List<Integer> next = new ArrayList<>();
            for (int i : front) {
                rank[i] = r;
                for (int j : dominates.get(i)) {
                    if (--dominatedBy[j] == 0) {
                        next.add(j);
                    }
                }
            }
            front = next;
        }
        return rank;
    }
}
