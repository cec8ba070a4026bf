package org.matscreen.core.structure;

/**
 * Warren–Cowley short-range-order parameters α_ij(s) = 1 − P_ij(s)/c_j, where P_ij(s) is the probability that a
 * neighbour in shell s of an atom of species i is of species j and c_j is the concentration of j
 * (J. M. Cowley, Phys. Rev. 77, 669 (1950)). A perfectly random alloy has α = 0; α &lt; 0 means i–j pairs are
 * preferred, α &gt; 0 that they are avoided.
 */
public final class WarrenCowley {
    private WarrenCowley() {}

    /**
     * α[s][i][j] for the given site species (indices 0..species-1) and shells.
     */
    public static double[][][] parameters(NeighbourShells shells, int[] siteSpecies, int speciesCount) {
        double[][][] bonds = bondCounts(shells, siteSpecies, speciesCount);
        return fromBondCounts(bonds, siteSpecies, speciesCount, shells);
    }

    /** bonds[s][i][j]: number of (site of species i, neighbour of species j) pairs in shell s. */
    static double[][][] bondCounts(NeighbourShells shells, int[] siteSpecies, int speciesCount) {
        double[][][] bonds = new double[shells.shellCount()][speciesCount][speciesCount];
        for (int s = 0; s < shells.shellCount(); s++) {
            for (int i = 0; i < siteSpecies.length; i++) {
                for (int j : shells.neighbours(s, i)) {
                    bonds[s][siteSpecies[i]][siteSpecies[j]]++;
                }
            }
        }
        return bonds;
    }

    static double[][][] fromBondCounts(double[][][] bonds, int[] siteSpecies, int speciesCount,
            NeighbourShells shells) {
        int n = siteSpecies.length;
        double[] count = new double[speciesCount];
        for (int s : siteSpecies) {
            count[s]++;
        }
        double[][][] alpha = new double[bonds.length][speciesCount][speciesCount];
        for (int s = 0; s < bonds.length; s++) {
            int z = shells.coordination(s);
            for (int i = 0; i < speciesCount; i++) {
                for (int j = 0; j < speciesCount; j++) {
                    double p = bonds[s][i][j] / (count[i] * z);
                    alpha[s][i][j] = 1 - p / (count[j] / n);
                }
            }
        }
        return alpha;
    }

    /** Sum over shells and species pairs of α², the quantity an SQS search minimises. */
    public static double objective(double[][][] alpha) {
        double sum = 0;
        for (double[][] shell : alpha) {
            for (double[] row : shell) {
                for (double a : row) {
                    sum += a * a;
                }
            }
        }
        return sum;
    }
}
