package org.matscreen.core.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Neighbour shells against the coordination numbers of the cubic lattices (Kittel, Introduction to Solid State
 * Physics, 8th ed., ch. 1: fcc 12, 6, 24, 12 at a/√2, a, a√(3/2), a√2; bcc 8, 6, 12, 24 at a√3/2, a, a√2, a√(11)/2)
 * and against a brute-force search over a block of images, for cells smaller than the cut-off and sheared ones.
 */
class NeighbourShellsTest {
    private static final double A = 3.6;

    @Test
    void fccPrimitiveCellOfOneSite() {
        Lattice primitive = Lattice.of(0, A / 2, A / 2, A / 2, 0, A / 2, A / 2, A / 2, 0);
        NeighbourShells s = NeighbourShells.of(primitive, new double[] {0, 0, 0}, 4);
        assertShells(s, new int[] {12, 6, 24, 12}, A / Math.sqrt(2), A, A * Math.sqrt(1.5), A * Math.sqrt(2));
        assertEquals(12, s.neighbours(0, 0).length, "one site: its 12 nearest neighbours are all its own images");
    }

    @Test
    void bccConventionalCell() {
        NeighbourShells s = NeighbourShells.of(Lattice.cubic(A), new double[] {0, 0, 0, 0.5, 0.5, 0.5}, 4);
        assertShells(s, new int[] {8, 6, 12, 24}, A * Math.sqrt(3) / 2, A, A * Math.sqrt(2), A * Math.sqrt(11) / 2);
    }

    /** The bench's cell: 180 sites in 5×3×3 conventional fcc cells, two directions shorter than twice the cut-off. */
    @Test
    void fccSupercellAsScreened() {
        double[] frac = fccSites(5, 3, 3);
        Lattice l = Lattice.orthorhombic(5 * A, 3 * A, 3 * A);
        NeighbourShells s = NeighbourShells.of(l, frac, 3);
        assertShells(s, new int[] {12, 6, 24}, A / Math.sqrt(2), A, A * Math.sqrt(1.5));
        assertSameAsBruteForce(l, frac, s);
    }

    /** A sheared cell of two fcc conventional cells with its sites displaced at random: no symmetry to lean on. */
    @Test
    void shearedCellMatchesABruteForceSearch() {
        double[] frac = fccSites(2, 1, 1);
        Lattice l = Lattice.of(2 * A, 0, 0, 0.7, A, 0, -0.4, 0.9, A * 1.1);
        Random rng = new Random(7);
        for (int k = 3; k < frac.length; k++) {
            frac[k] += 0.01 * rng.nextGaussian() + (rng.nextBoolean() ? 1 : -1); // off-cell coordinates too
        }
        // distinct distances of a disordered cell form many shells; every one must hold the right images
        NeighbourShells s = NeighbourShells.of(l, frac, 6);
        assertSameAsBruteForce(l, frac, s);
    }

    private static double[] fccSites(int n0, int n1, int n2) {
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        double[] out = new double[12 * n0 * n1 * n2];
        int p = 0;
        for (int i = 0; i < n0; i++) {
            for (int j = 0; j < n1; j++) {
                for (int k = 0; k < n2; k++) {
                    for (double[] b : basis) {
                        out[p++] = (i + b[0]) / n0;
                        out[p++] = (j + b[1]) / n1;
                        out[p++] = (k + b[2]) / n2;
                    }
                }
            }
        }
        return out;
    }

    private static void assertShells(NeighbourShells s, int[] coordination, double... radii) {
        for (int k = 0; k < coordination.length; k++) {
            assertEquals(radii[k], s.radius(k), 1e-9, "radius of shell " + k);
            for (int i = 0; i < s.siteCount(); i++) {
                assertEquals(coordination[k], s.neighbours(k, i).length, "shell " + k + " of site " + i);
            }
        }
    }

    /** Every site's shell members, with repeats, as a search over 9×9×9 images finds them. */
    private static void assertSameAsBruteForce(Lattice l, double[] frac, NeighbourShells s) {
        int n = frac.length / 3;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < s.shellCount(); k++) {
                List<Integer> expected = new ArrayList<>();
                double r = s.radius(k);
                for (int j = 0; j < n; j++) {
                    for (int a = -4; a <= 4; a++) {
                        for (int b = -4; b <= 4; b++) {
                            for (int g = -4; g <= 4; g++) {
                                double[] x = l.toCartesian(frac[3 * j] - frac[3 * i] + a,
                                        frac[3 * j + 1] - frac[3 * i + 1] + b, frac[3 * j + 2] - frac[3 * i + 2] + g);
                                double d = Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
                                if (Math.abs(d - r) <= 1e-4 * d) {
                                    expected.add(j);
                                }
                            }
                        }
                    }
                }
                int[] got = s.neighbours(k, i).clone();
                Arrays.sort(got);
                assertArrayEquals(expected.stream().mapToInt(Integer::intValue).sorted().toArray(), got,
                        "shell " + k + " of site " + i);
            }
        }
    }
}
