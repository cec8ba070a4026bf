package org.matscreen.core.sim;

import java.io.Serializable;

/**
 * Stresses of the relaxed cell under ± finite strains, for elastic constants. Strains and stresses use Voigt order
 * (xx, yy, zz, yz, xz, xy); shear strains are engineering strains (γ = 2ε). Stress is positive in tension, GPa.
 *
 * @param strain magnitude of each applied strain
 * @param stressPlusGpa stressPlusGpa[j][i]: stress component i after applying +strain along Voigt component j
 * @param stressMinusGpa the same for −strain
 */
public record StrainStress(double strain, double[][] stressPlusGpa, double[][] stressMinusGpa) implements Serializable {

    public StrainStress {
        if (stressPlusGpa.length != 6 || stressMinusGpa.length != 6) {
            throw new IllegalArgumentException("need 6 strained states each way");
        }
    }

    /** Elastic tensor C_ij = (σ_i(+e_j) − σ_i(−e_j)) / (2 e), GPa, by central differences (second order). */
    public double[][] stiffnessGpa() {
        double[][] c = new double[6][6];
        for (int j = 0; j < 6; j++) {
            for (int i = 0; i < 6; i++) {
                c[i][j] = (stressPlusGpa[j][i] - stressMinusGpa[j][i]) / (2 * strain);
            }
        }
        return c;
    }
}
