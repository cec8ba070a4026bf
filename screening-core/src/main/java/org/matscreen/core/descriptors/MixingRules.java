package org.matscreen.core.descriptors;

/**
 * The formulas behind the descriptors, on plain arrays of atom fractions {@code c} (summing to 1) and per-element
 * values in the same order. No data lookup happens here, so each formula can be checked by hand.
 */
public final class MixingRules {
    /** Molar gas constant R, J/(mol·K), exact in the 2019 SI (CODATA 2018). */
    public static final double GAS_CONSTANT_J_PER_MOL_K = 8.314462618;
    /**
     * |ΔH_mix| below which it is treated as zero for Ω, kJ/mol. The pair values are whole kJ/mol, so a true zero can
     * come out as ±1e-16 from cancelling terms; any physical ΔH_mix is many orders of magnitude larger.
     */
    public static final double ZERO_ENTHALPY_KJ_PER_MOL = 1e-9;

    private MixingRules() {}

    /** Σ w_i x_i. NaN if any x_i is NaN. */
    public static double weightedSum(double[] weights, double[] values) {
        check(weights, values);
        double s = 0;
        for (int i = 0; i < weights.length; i++) {
            s += weights[i] * values[i];
        }
        return s;
    }

    /** δ = 100·sqrt(Σ c_i (1 − r_i/r̄)²) with r̄ = Σ c_i r_i, in % (Yang &amp; Zhang 2012). Any unit of r. */
    public static double deltaPct(double[] c, double[] radii) {
        double mean = weightedSum(c, radii);
        double s = 0;
        for (int i = 0; i < c.length; i++) {
            double d = 1 - radii[i] / mean;
            s += c[i] * d * d;
        }
        return 100 * Math.sqrt(s);
    }

    /** Ideal configurational entropy of mixing −R Σ c_i ln c_i, J/(mol·K). Zero fractions contribute nothing. */
    public static double idealMixingEntropyJPerMolK(double[] c) {
        double s = 0;
        for (double ci : c) {
            if (ci > 0) {
                s -= ci * Math.log(ci);
            }
        }
        return GAS_CONSTANT_J_PER_MOL_K * s;
    }

    /**
     * Regular-solution mixing enthalpy Σ_{i&lt;j} 4 ΔH_ij c_i c_j, in the unit of {@code pairEnthalpy} (kJ/mol for the
     * Takeuchi–Inoue values). {@code pairEnthalpy[i][j]} for i &lt; j is read; NaN there gives NaN.
     */
    public static double mixingEnthalpy(double[] c, double[][] pairEnthalpy) {
        double s = 0;
        for (int i = 0; i < c.length; i++) {
            for (int j = i + 1; j < c.length; j++) {
                s += 4 * pairEnthalpy[i][j] * c[i] * c[j];
            }
        }
        return s;
    }

    /**
     * Ω = T_m ΔS_mix / |ΔH_mix| of Yang &amp; Zhang, Mater. Chem. Phys. 132, 233 (2012).
     *
     * @param meltingPointK rule-of-mixtures melting point, K
     * @param entropyJPerMolK ideal mixing entropy, J/(mol·K)
     * @param enthalpyKjPerMol mixing enthalpy, kJ/mol
     * @return Ω; +∞ when |ΔH_mix| &lt; {@link #ZERO_ENTHALPY_KJ_PER_MOL} and ΔS_mix &gt; 0 (the limit ΔH → 0, which
     *     satisfies the Ω ≥ 1.1 criterion, rather than an arbitrary clamp of ΔH); NaN when ΔS_mix = 0 (a single
     *     element, where Ω is undefined) or an input is NaN
     */
    public static double omega(double meltingPointK, double entropyJPerMolK, double enthalpyKjPerMol) {
        if (Double.isNaN(meltingPointK) || Double.isNaN(entropyJPerMolK) || Double.isNaN(enthalpyKjPerMol)
                || entropyJPerMolK <= 0) {
            return Double.NaN;
        }
        if (Math.abs(enthalpyKjPerMol) < ZERO_ENTHALPY_KJ_PER_MOL) {
            return Double.POSITIVE_INFINITY;
        }
        // ΔH is tabulated in kJ/mol and ΔS in J/(mol·K): convert ΔH to J/mol so Ω is dimensionless.
        return meltingPointK * entropyJPerMolK / (Math.abs(enthalpyKjPerMol) * 1000);
    }

    private static void check(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("arrays differ in length: " + a.length + " vs " + b.length);
        }
    }
}
