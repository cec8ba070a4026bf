package org.matscreen.core.structure;

import java.util.SplittableRandom;

/**
 * Special quasi-random structure search (Zunger, Wei, Ferreira, Bernard, Phys. Rev. Lett. 65, 353 (1990)): swaps of
 * two sites of different species are proposed at random and kept when they do not increase Σ α_ij(s)², so the
 * Warren–Cowley parameters of the first shells approach those of the ideal random alloy (zero). Bond counts are
 * updated incrementally, so a swap costs O(coordination) rather than O(sites).
 */
final class SqsSearch {
    private SqsSearch() {}

    /** Optimises {@code species} in place; returns the Warren–Cowley parameters reached. */
    static double[][][] optimise(NeighbourShells shells, int[] species, int speciesCount, int sweeps,
            SplittableRandom rng) {
        double[][][] bonds = WarrenCowley.bondCounts(shells, species, speciesCount);
        double best = WarrenCowley.objective(WarrenCowley.fromBondCounts(bonds, species, speciesCount, shells));
        int n = species.length;
        long attempts = (long) sweeps * n;
        for (long t = 0; t < attempts && best > 1e-12; t++) {
            int p = rng.nextInt(n);
            int q = rng.nextInt(n);
            if (species[p] == species[q]) {
                continue;
            }
            apply(shells, species, bonds, p, q, -1);
            swap(species, p, q);
            apply(shells, species, bonds, p, q, +1);
            double value = WarrenCowley.objective(WarrenCowley.fromBondCounts(bonds, species, speciesCount, shells));
            if (value <= best) {
                best = value;
            } else {
                apply(shells, species, bonds, p, q, -1);
                swap(species, p, q);
                apply(shells, species, bonds, p, q, +1);
            }
        }
        return WarrenCowley.fromBondCounts(bonds, species, speciesCount, shells);
    }

    private static void swap(int[] species, int p, int q) {
        int t = species[p];
        species[p] = species[q];
        species[q] = t;
    }

    /** Adds (sign +1) or removes (-1) every ordered neighbour pair that involves site p or q. */
    private static void apply(NeighbourShells shells, int[] species, double[][][] bonds, int p, int q, int sign) {
        for (int s = 0; s < shells.shellCount(); s++) {
            for (int i : new int[] {p, q}) {
                for (int j : shells.neighbours(s, i)) {
                    bonds[s][species[i]][species[j]] += sign;
                    if (j != p && j != q) { // the mirrored pair (j, i); pairs among {p, q} are already counted
                        bonds[s][species[j]][species[i]] += sign;
                    }
                }
            }
        }
    }
}
