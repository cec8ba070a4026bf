package org.matscreen.core.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hypervolume against hand calculations, analytic fronts and inclusion–exclusion (an independent method). */
class HypervolumeTest {

    @Test
    void twoObjectivesByHand() {
        // staircase of (1,3), (2,2), (3,1) below (4,4): 3·1 + 2·1 + 1·1 = 6
        List<double[]> pts = List.of(new double[] {1, 3}, new double[] {2, 2}, new double[] {3, 1});
        assertEquals(6.0, Hypervolume.of(pts, new double[] {4, 4}), 1e-12);
        // a dominated point, a duplicate and one past the reference change nothing
        List<double[]> more = new ArrayList<>(pts);
        more.add(new double[] {3, 3});
        more.add(new double[] {2, 2});
        more.add(new double[] {5, 0});
        assertEquals(6.0, Hypervolume.of(more, new double[] {4, 4}), 1e-12);
        assertEquals(3, Hypervolume.front(more, new double[] {4, 4}).size());
        // (1,1) dominates all three: the box [1,4]² = 9, of which 6 was dominated already
        assertEquals(3.0, Hypervolume.improvement(pts, new double[] {1, 1}, new double[] {4, 4}), 1e-12);
    }

    @Test
    void threeObjectivesByHand() {
        // unit vectors below (2,2,2): three boxes of 1·2·2 = 4, pairwise overlaps 1·1·2 = 2, triple 1: 12 − 6 + 1 = 7
        List<double[]> pts = List.of(new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1});
        assertEquals(7.0, Hypervolume.of(pts, new double[] {2, 2, 2}), 1e-12);
    }

    @Test
    void zdt1FrontApproachesTwoThirds() {
        // ZDT1's Pareto front f2 = 1 − √f1 (Zitzler, Deb & Thiele, Evol. Comput. 8, 173 (2000)) dominates
        // ∫₀¹ √f1 df1 = 2/3 of the unit square below (1, 1); N points on it miss at most max Δf1 · Σ Δf2 = 1/(N−1).
        int n = 2001;
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double f1 = i / (n - 1.0);
            pts.add(new double[] {f1, 1 - Math.sqrt(f1)});
        }
        double hv = Hypervolume.of(pts, new double[] {1, 1});
        assertTrue(hv < 2.0 / 3.0, "a finite sample dominates less than the front: " + hv);
        assertEquals(2.0 / 3.0, hv, 1.0 / (n - 1));
    }

    @Test
    void dtlz2FrontApproachesOneMinusPiOverSix() {
        // DTLZ2's front is the unit sphere's positive octant (Deb et al., Evolutionary Multiobjective Optimization,
        // Springer 2005, 105); below (1,1,1) it dominates the cube minus the ball's octant: 1 − π/6.
        double exact = 1 - Math.PI / 6;
        double previous = 0;
        double previousError = Double.NaN;
        for (int m : new int[] {10, 20, 40}) {
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i <= m; i++) {
                for (int j = 0; j <= m; j++) {
                    double th = 0.5 * Math.PI * i / m;
                    double ph = 0.5 * Math.PI * j / m;
                    pts.add(new double[] {Math.cos(th) * Math.cos(ph), Math.cos(th) * Math.sin(ph), Math.sin(th)});
                }
            }
            double hv = Hypervolume.of(pts, new double[] {1, 1, 1});
            assertTrue(hv < exact && hv > previous, m + ": " + hv);
            // the staircase misses a layer whose thickness is proportional to the grid spacing
            double ratio = previousError / (exact - hv);
            assertTrue(Double.isNaN(ratio) || (ratio > 1.8 && ratio < 2.2), "error should halve: " + ratio);
            previous = hv;
            previousError = exact - hv;
        }
        assertEquals(exact, previous, 0.02);
    }

    @Test
    void agreesWithInclusionExclusion() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int d = 2; d <= 4; d++) {
            for (int trial = 0; trial < 30; trial++) {
                int m = 1 + rnd.nextInt(8);
                List<double[]> pts = new ArrayList<>();
                for (int i = 0; i < m; i++) {
                    double[] p = new double[d];
                    for (int k = 0; k < d; k++) {
                        p[k] = rnd.nextDouble();
                    }
                    pts.add(p);
                }
                double[] ref = new double[d];
                java.util.Arrays.fill(ref, 1.1);
                assertEquals(inclusionExclusion(pts, ref), Hypervolume.of(pts, ref), 1e-12, "d=" + d);
            }
        }
    }

    /** Σ over non-empty subsets S of (−1)^{|S|+1} vol(∩_{p∈S} [p, r]); the intersection is [max p, r]. */
    static double inclusionExclusion(List<double[]> pts, double[] ref) {
        int m = pts.size();
        double total = 0;
        for (int mask = 1; mask < (1 << m); mask++) {
            double[] corner = new double[ref.length];
            java.util.Arrays.fill(corner, Double.NEGATIVE_INFINITY);
            for (int i = 0; i < m; i++) {
                if ((mask & (1 << i)) != 0) {
                    for (int k = 0; k < ref.length; k++) {
                        corner[k] = Math.max(corner[k], pts.get(i)[k]);
                    }
                }
            }
            double vol = 1;
            for (int k = 0; k < ref.length; k++) {
                vol *= Math.max(0, ref[k] - corner[k]);
            }
            total += (Integer.bitCount(mask) % 2 == 1 ? 1 : -1) * vol;
        }
        return total;
    }
}
