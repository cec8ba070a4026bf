package org.matscreen.core.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Neighbour shells of every site of a periodic structure (periodic images included, so a small cell's neighbour
 * that is its own image counts as many times as it appears). Shell s (0-based) holds the pairs at the s-th smallest
 * distinct distance, grouped with a relative tolerance of 1e-4.
 */
public final class NeighbourShells {
    private final int sites;
    private final double[] radii;
    /** neighbours[s][i] = the site indices (with repetition) in shell s of site i. */
    private final int[][][] neighbours;

    private NeighbourShells(int sites, double[] radii, int[][][] neighbours) {
        this.sites = sites;
        this.radii = radii;
        this.neighbours = neighbours;
    }

    /** The first {@code shellCount} shells of {@code structure}'s sites. */
    public static NeighbourShells of(Lattice lattice, double[] fractional, int shellCount) {
        int n = fractional.length / 3;
        // Distinct distances from site 0 (every site of a prototype supercell is equivalent) to find shell radii.
        double volumePerSite = lattice.volume() / n;
        double cutoff = 2.2 * Math.cbrt(volumePerSite) * Math.max(1, Math.sqrt(shellCount));
        List<Double> distinct = new ArrayList<>();
        forEachPair(new PeriodicImages(lattice, fractional, cutoff), 0, cutoff, (j, d) -> {
            for (double r : distinct) {
                if (Math.abs(r - d) <= 1e-4 * d) {
                    return;
                }
            }
            distinct.add(d);
        });
        double[] radii = distinct.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (radii.length < shellCount) {
            throw new IllegalArgumentException("found only " + radii.length + " shells within " + cutoff + " Å");
        }
        radii = Arrays.copyOf(radii, shellCount);
        final double[] shellRadii = radii;
        @SuppressWarnings("unchecked")
        List<Integer>[][] lists = new List[shellCount][n];
        double outer = radii[shellCount - 1] * (1 + 1e-4);
        int[] bins = bins(lattice, outer);
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < shellCount; s++) {
                lists[s][i] = new ArrayList<>();
            }
        }
        PairConsumerOf collect = (site, j, d) -> {
            for (int s = 0; s < shellCount; s++) {
                if (Math.abs(shellRadii[s] - d) <= 1e-4 * d) {
                    lists[s][site].add(j);
                    return;
                }
            }
        };
        if (bins == null) {
            PeriodicImages images = new PeriodicImages(lattice, fractional, outer);
            for (int i = 0; i < n; i++) {
                final int site = i;
                forEachPair(images, i, outer, (j, d) -> collect.accept(site, j, d));
            }
        } else {
            // Large cells: a cell list makes this O(sites) instead of O(sites²); with at least three bins of at least
            // the cut-off per direction every neighbour is one minimum image in an adjacent bin.
            forEachPairBinned(lattice, fractional, bins, outer, collect);
        }
        int[][][] neighbours = new int[shellCount][n][];
        for (int s = 0; s < shellCount; s++) {
            for (int i = 0; i < n; i++) {
                neighbours[s][i] = lists[s][i].stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return new NeighbourShells(n, radii, neighbours);
    }

    /**
     * The same shells in the lattice scaled by {@code factor}: every radius times {@code factor}, the same neighbours
     * (a uniform scaling keeps every distance's rank and shell).
     */
    public NeighbourShells scaled(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scale factor must be positive and finite: " + factor);
        }
        double[] r = radii.clone();
        for (int s = 0; s < r.length; s++) {
            r[s] *= factor;
        }
        return new NeighbourShells(sites, r, neighbours);
    }

    private interface PairConsumer {
        void accept(int j, double distance);
    }

    private interface PairConsumerOf {
        void accept(int i, int j, double distance);
    }

    /** Bins per lattice direction for a cell list with bins at least {@code cutoff} wide, or null if fewer than 3. */
    private static int[] bins(Lattice lattice, double cutoff) {
        if (!lattice.isAxisAlignedOrthogonal(1e-9)) {
            return null; // the binned search's minimum image assumes an orthogonal cell
        }
        int[] b = new int[3];
        for (int k = 0; k < 3; k++) {
            b[k] = (int) Math.floor(lattice.length(k) / cutoff);
            if (b[k] < 3) {
                return null;
            }
        }
        return b;
    }

    private static void forEachPairBinned(Lattice lattice, double[] fractional, int[] bins, double cutoff,
            PairConsumerOf c) {
        int n = fractional.length / 3;
        int[] binOf = new int[n];
        int total = bins[0] * bins[1] * bins[2];
        int[] count = new int[total + 1];
        for (int i = 0; i < n; i++) {
            int[] b = new int[3];
            for (int k = 0; k < 3; k++) {
                double f = fractional[3 * i + k] - Math.floor(fractional[3 * i + k]);
                b[k] = Math.min(bins[k] - 1, (int) (f * bins[k]));
            }
            binOf[i] = (b[0] * bins[1] + b[1]) * bins[2] + b[2];
            count[binOf[i] + 1]++;
        }
        for (int i = 0; i < total; i++) {
            count[i + 1] += count[i];
        }
        int[] members = new int[n];
        int[] fill = count.clone();
        for (int i = 0; i < n; i++) {
            members[fill[binOf[i]]++] = i;
        }
        double[] len = {lattice.length(0), lattice.length(1), lattice.length(2)};
        for (int i = 0; i < n; i++) {
            int b0 = binOf[i] / (bins[1] * bins[2]);
            int b1 = (binOf[i] / bins[2]) % bins[1];
            int b2 = binOf[i] % bins[2];
            for (int d0 = -1; d0 <= 1; d0++) {
                for (int d1 = -1; d1 <= 1; d1++) {
                    for (int d2 = -1; d2 <= 1; d2++) {
                        int nb = ((Math.floorMod(b0 + d0, bins[0]) * bins[1] + Math.floorMod(b1 + d1, bins[1]))
                                * bins[2]) + Math.floorMod(b2 + d2, bins[2]);
                        for (int m = count[nb]; m < count[nb + 1]; m++) {
                            int j = members[m];
                            double dist2 = 0;
                            for (int k = 0; k < 3; k++) {
                                double df = fractional[3 * j + k] - fractional[3 * i + k];
                                df -= Math.rint(df);
                                dist2 += df * len[k] * df * len[k];
                            }
                            double d = Math.sqrt(dist2);
                            if (d > 1e-8 && d <= cutoff) {
                                c.accept(i, j, d);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Every image of every site within {@code cutoff} (Å) of site i, with its distance. */
    private static void forEachPair(PeriodicImages images, int i, double cutoff, PairConsumer c) {
        images.around(i, (j, dx, dy, dz) -> {
            double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
            if (d > 1e-8 && d <= cutoff) {
                c.accept(j, d);
            }
        });
    }

    public int shellCount() {
        return radii.length;
    }

    public int siteCount() {
        return sites;
    }

    /** Radius of shell s, Å. */
    public double radius(int s) {
        return radii[s];
    }

    /**
     * Neighbours of site i in shell s (site indices, repeated for repeated images). The array is shared by every
     * {@link #scaled} copy and, through the builder's cache, by every cell of a geometry: read it, never write it.
     */
    public int[] neighbours(int s, int i) {
        return neighbours[s][i];
    }

    /** Coordination number of shell s (the same for every site of a prototype supercell). */
    public int coordination(int s) {
        return neighbours[s][0].length;
    }
}
