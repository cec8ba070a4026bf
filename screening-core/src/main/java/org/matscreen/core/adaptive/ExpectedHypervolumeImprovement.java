package org.matscreen.core.adaptive;

/**
 * Expected hypervolume improvement (EHVI) of a candidate whose costs are independent Gaussians N(μ_k, σ_k²), over
 * the current front (Emmerich, Giannakoglou &amp; Naujoks, IEEE Trans. Evol. Comput. 10, 421 (2006)).
 *
 * <p>The improvement of an outcome y is the volume of {z ≤ r : y ≤ z, z not dominated by the front}; taking the
 * expectation inside the integral (Fubini) gives EHVI = ∫ over the non-dominated region of P(Y ≤ z) dz. On a box
 * [l, u] of that region the integrand factorises, ∏_k P(Y_k ≤ z_k), and each factor integrates in closed form:
 * ∫_l^u Φ((z−μ)/σ) dz = σ[ψ((u−μ)/σ) − ψ((l−μ)/σ)] with ψ(t) = tΦ(t) + φ(t). Summing over the boxes of
 * {@link NondominatedCells} is therefore exact for any number of objectives, as in the box-decomposition EHVI of
 * Yang, Emmerich, Deutz &amp; Bäck, J. Glob. Optim. 75, 3 (2019); with two objectives the m + 1 strips reproduce the
 * exact 2-D formula, and with one objective it is Jones, Schonlau &amp; Welch's expected improvement (J. Glob. Optim.
 * 13, 455 (1998)).
 */
public final class ExpectedHypervolumeImprovement {
    private ExpectedHypervolumeImprovement() {}

    /**
     * EHVI of a candidate with cost means {@code mean} and standard deviations {@code sd} (0 allowed: a known cost).
     */
    public static double value(NondominatedCells cells, double[] mean, double[] sd) {
        int d = cells.dimensions();
        if (mean.length != d || sd.length != d) {
            throw new IllegalArgumentException("expected " + d + " objectives, got " + mean.length);
        }
        double total = 0;
        for (int i = 0; i < cells.size(); i++) {
            double product = 1;
            for (int k = 0; k < d && product > 0; k++) {
                product *= Gaussian.cdfIntegral(cells.lowerAt(i, k), cells.upperAt(i, k), mean[k], sd[k]);
            }
            total += product;
        }
        return total;
    }
}
