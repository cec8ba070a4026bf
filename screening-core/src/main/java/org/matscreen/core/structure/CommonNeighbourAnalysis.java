package org.matscreen.core.structure;

import java.util.ArrayList;
import java.util.List;

/**
 * Conventional common-neighbour analysis in Java, for cells a simulation code did not analyse (a DFT code has none):
 * the same two passes, cut-offs and signatures as LAMMPS' {@code compute cna/atom} as matscreen runs it (see
 * {@link LocalStructure}), so a record's structure identity means the same whichever code computed it. Periodic images
 * are neighbours like any atom, so a four-site cell is analysed as the crystal it stands for.
 *
 * <p>For a pair of neighbours i, j (within the cut-off): the number of neighbours they share, the bonds (pairs within
 * the cut-off) among those, and the bonds of the largest connected cluster of them. Signatures: fcc, all 12 pairs
 * (4,2,1); hcp, 6 (4,2,1) and 6 (4,2,2); icosahedral, 12 (5,5,5); bcc, 14 neighbours, 8 (6,6,6) and 6 (4,4,4).
 * Cost: O(n · images) per site; meant for cells of up to a few hundred sites.
 */
public final class CommonNeighbourAnalysis {
    private CommonNeighbourAnalysis() {}

    /** A neighbour's Cartesian position, Å (an atom of the cell or of a periodic image). */
    private record Neighbour(double x, double y, double z) {}

    /** One {@link LocalStructure#code()} per site of {@code s}. */
    public static int[] classify(Structure s) {
        int n = s.siteCount();
        double rootV = Math.cbrt(s.lattice().volume() / n);
        int[] fccPass = pass(s, LocalStructure.FCC_CUTOFF_PER_VOLUME_ROOT * rootV);
        int[] bccPass = pass(s, LocalStructure.BCC_CUTOFF_PER_VOLUME_ROOT * rootV);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = LocalStructure.combine(fccPass[i], bccPass[i]);
        }
        return out;
    }

    private static int[] pass(Structure s, double cutoff) {
        int n = s.siteCount();
        PeriodicImages images = new PeriodicImages(s.lattice(), s.fractionalCoordinates(), cutoff);
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            // the neighbours of site i (at the origin), periodic images included; their common neighbours are found
            // among them
            List<Neighbour> neighbours = new ArrayList<>();
            images.around(i, (j, dx, dy, dz) -> {
                double d2 = dx * dx + dy * dy + dz * dz;
                if (d2 > 1e-12 && d2 < cutoff * cutoff) {
                    neighbours.add(new Neighbour(dx, dy, dz));
                }
            });
            codes[i] = signature(neighbours, cutoff).code();
        }
        return codes;
    }

    private static LocalStructure signature(List<Neighbour> ni, double cutoff) {
        if (ni.size() != 12 && ni.size() != 14) {
            return LocalStructure.OTHER;
        }
        int c421 = 0;
        int c422 = 0;
        int c555 = 0;
        int c444 = 0;
        int c666 = 0;
        for (Neighbour j : ni) {
            List<Neighbour> common = new ArrayList<>();
            for (Neighbour k : ni) {
                if (k != j && distance2(j, k) < cutoff * cutoff) {
                    common.add(k);
                }
            }
            int bonds = 0;
            int[] parent = new int[common.size()];
            int[] clusterBonds = new int[common.size()];
            for (int a = 0; a < parent.length; a++) {
                parent[a] = a;
            }
            for (int a = 0; a < common.size(); a++) {
                for (int b = a + 1; b < common.size(); b++) {
                    if (distance2(common.get(a), common.get(b)) < cutoff * cutoff) {
                        bonds++;
                        int ra = root(parent, a);
                        int rb = root(parent, b);
                        if (ra != rb) {
                            parent[rb] = ra;
                            clusterBonds[ra] += clusterBonds[rb];
                        }
                        clusterBonds[ra]++;
                    }
                }
            }
            int longest = 0;
            for (int a = 0; a < parent.length; a++) {
                if (parent[a] == a) {
                    longest = Math.max(longest, clusterBonds[a]);
                }
            }
            int m = common.size();
            if (m == 4 && bonds == 2 && longest == 1) {
                c421++;
            } else if (m == 4 && bonds == 2 && longest == 2) {
                c422++;
            } else if (m == 5 && bonds == 5 && longest == 5) {
                c555++;
            } else if (m == 4 && bonds == 4 && longest == 4) {
                c444++;
            } else if (m == 6 && bonds == 6 && longest == 6) {
                c666++;
            }
        }
        if (ni.size() == 12) {
            if (c421 == 12) {
                return LocalStructure.FCC;
            }
            if (c421 == 6 && c422 == 6) {
                return LocalStructure.HCP;
            }
            return c555 == 12 ? LocalStructure.ICOSAHEDRAL : LocalStructure.OTHER;
        }
        return c444 == 6 && c666 == 8 ? LocalStructure.BCC : LocalStructure.OTHER;
    }

    private static int root(int[] parent, int a) {
        while (parent[a] != a) {
            parent[a] = parent[parent[a]];
            a = parent[a];
        }
        return a;
    }

    private static double distance2(Neighbour p, Neighbour q) {
        double dx = p.x() - q.x();
        double dy = p.y() - q.y();
        double dz = p.z() - q.z();
        return dx * dx + dy * dy + dz * dz;
    }
}
