package org.matscreen.core.adaptive;

import org.apache.commons.numbers.gamma.Erfc;

/** The standard normal distribution and the integral of its CDF, as expected-improvement formulas need them. */
final class Gaussian {
    private static final double SQRT_2 = Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private Gaussian() {}

    /** Φ(t). */
    static double cdf(double t) {
        return 0.5 * Erfc.value(-t / SQRT_2);
    }

    /** φ(t). */
    static double pdf(double t) {
        return INV_SQRT_2PI * Math.exp(-0.5 * t * t);
    }

    /** ψ(t) = t Φ(t) + φ(t), the antiderivative of Φ that vanishes at −∞. */
    static double psi(double t) {
        if (t == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        return t * cdf(t) + pdf(t);
    }

    /**
     * ∫_a^b P(Y ≤ z) dz for Y ~ N(μ, σ²), i.e. σ[ψ((b−μ)/σ) − ψ((a−μ)/σ)]; {@code a} may be −∞. With σ = 0 it is
     * the length of [max(a, μ), b].
     */
    static double cdfIntegral(double a, double b, double mean, double sd) {
        if (!(b > a)) {
            return 0;
        }
        if (sd <= 0) {
            return Math.max(0, b - Math.max(a, mean));
        }
        double v = sd * (psi((b - mean) / sd) - psi((a - mean) / sd));
        return Math.max(0, v); // rounding can leave −1e−17 where the integrand is ~0
    }
}
