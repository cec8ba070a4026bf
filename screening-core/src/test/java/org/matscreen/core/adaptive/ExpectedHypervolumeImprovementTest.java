package org.matscreen.core.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * EHVI against closed forms (expected improvement, a hand calculation), the exact improvement at zero variance and
 * Monte-Carlo averages of the exact improvement (hypervolume by slicing, an independent code path).
 */
class ExpectedHypervolumeImprovementTest {

    private static double phi(double t) {
        return 0.5 * Erf.erfc(-t / Math.sqrt(2)); // Hipparchus' erfc: not the one the production code uses
    }

    private static double density(double t) {
        return Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
    }

    @Test
    void oneObjectiveIsExpectedImprovement() {
        // Jones, Schonlau & Welch, J. Glob. Optim. 13, 455 (1998), eq. 15: EI = (f* − μ)Φ(u) + σφ(u), u = (f* − μ)/σ
        List<double[]> observed = List.of(new double[] {2.0}, new double[] {3.5});
        NondominatedCells cells = NondominatedCells.of(observed, new double[] {10});
        for (double[] ms : new double[][] {{1.0, 0.5}, {2.0, 1.0}, {4.0, 0.3}, {2.5, 2.0}, {-1, 0.1}}) {
            double u = (2.0 - ms[0]) / ms[1];
            double ei = (2.0 - ms[0]) * phi(u) + ms[1] * density(u);
            assertEquals(ei, ExpectedHypervolumeImprovement.value(cells, new double[] {ms[0]}, new double[] {ms[1]}),
                    1e-12 + 1e-9 * ei);
        }
    }

    @Test
    void twoObjectivesByHand() {
        // Front {(1,1)}, reference (2,2), Y ~ N((1,1), I). The non-dominated region is the strip z2 ≤ 1, z1 ≤ 2 plus
        // the box z1 ≤ 1, 1 ≤ z2 ≤ 2, so EHVI = ψ(1)ψ(0) + ψ(0)(ψ(1) − ψ(0)) with ψ(t) = tΦ(t) + φ(t):
        // ψ(0) = 0.3989423, ψ(1) = 0.8413447 + 0.2419707 = 1.0833155 → 0.4321803 + 0.2730256 = 0.7052059.
        NondominatedCells cells = NondominatedCells.of(List.<double[]>of(new double[] {1, 1}), new double[] {2, 2});
        assertEquals(2, cells.size());
        assertEquals(0.7052059,
                ExpectedHypervolumeImprovement.value(cells, new double[] {1, 1}, new double[] {1, 1}), 1e-6);
    }

    @Test
    void zeroVarianceGivesTheExactImprovement() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int d = 2; d <= 3; d++) {
            for (int trial = 0; trial < 40; trial++) {
                List<double[]> front = randomPoints(rnd, 1 + rnd.nextInt(7), d);
                double[] ref = fill(d, 1.2);
                double[] y = randomPoints(rnd, 1, d).get(0);
                NondominatedCells cells = NondominatedCells.of(front, ref);
                assertEquals(Hypervolume.improvement(front, y, ref),
                        ExpectedHypervolumeImprovement.value(cells, y, new double[d]), 1e-12);
            }
        }
    }

    @Test
    void cellsTileTheNondominatedRegion() {
        // Inside a finite box below the reference, cells + dominated volume = the box's volume.
        SplittableRandom rnd = new SplittableRandom(9);
        for (int d = 2; d <= 4; d++) {
            List<double[]> front = randomPoints(rnd, 6, d);
            double[] ref = fill(d, 1.0);
            NondominatedCells cells = NondominatedCells.of(front, ref);
            double inside = 0;
            for (int i = 0; i < cells.size(); i++) {
                double v = 1;
                for (int k = 0; k < d; k++) {
                    v *= Math.max(0, cells.upper(i)[k] - Math.max(0, cells.lower(i)[k]));
                }
                inside += v;
            }
            assertEquals(1.0, inside + Hypervolume.of(front, ref), 1e-12, "d=" + d);
        }
    }

    @Test
    void agreesWithMonteCarlo() {
        SplittableRandom rnd = new SplittableRandom(21);
        for (int d = 2; d <= 3; d++) {
            List<double[]> front = List.copyOf(Hypervolume.front(randomPoints(rnd, 6, d), fill(d, 1.0)));
            double[] ref = fill(d, 1.0);
            NondominatedCells cells = NondominatedCells.of(front, ref);
            double[] mean = new double[d];
            double[] sd = new double[d];
            for (int k = 0; k < d; k++) {
                mean[k] = 0.3 + 0.3 * rnd.nextDouble();
                sd[k] = 0.1 + 0.2 * rnd.nextDouble();
            }
            int samples = 40_000;
            double sum = 0;
            double sum2 = 0;
            double base = Hypervolume.of(front, ref);
            for (int s = 0; s < samples; s++) {
                double[] y = new double[d];
                for (int k = 0; k < d; k++) {
                    y[k] = mean[k] + sd[k] * gaussian(rnd);
                }
                List<double[]> with = new ArrayList<>(front);
                with.add(y);
                double hvi = Hypervolume.of(with, ref) - base;
                sum += hvi;
                sum2 += hvi * hvi;
            }
            double mc = sum / samples;
            double se = Math.sqrt((sum2 / samples - mc * mc) / samples);
            double exact = ExpectedHypervolumeImprovement.value(cells, mean, sd);
            assertTrue(exact > 0);
            assertEquals(mc, exact, 4 * se, "d=" + d + " mc=" + mc + "±" + se);
        }
    }

    @Test
    void hopelessCandidatesScoreNothing() {
        NondominatedCells cells = NondominatedCells.of(List.of(new double[] {0, 0}), new double[] {1, 1});
        assertEquals(0.0, ExpectedHypervolumeImprovement.value(cells, new double[] {0.5, 0.5},
                new double[] {1e-9, 1e-9}), 1e-300);
        assertEquals(0.0, ExpectedHypervolumeImprovement.value(cells, new double[] {2, 2}, new double[2]));
    }

    static double[] fill(int d, double v) {
        double[] a = new double[d];
        java.util.Arrays.fill(a, v);
        return a;
    }

    static List<double[]> randomPoints(SplittableRandom rnd, int m, int d) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            double[] p = new double[d];
            for (int k = 0; k < d; k++) {
                p[k] = rnd.nextDouble();
            }
            pts.add(p);
        }
        return pts;
    }

    /** Box–Muller, so the test's randomness does not depend on the code under test. */
    static double gaussian(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}
