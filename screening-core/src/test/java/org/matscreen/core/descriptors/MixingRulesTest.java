package org.matscreen.core.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The formulas on small inputs worked out by hand. */
class MixingRulesTest {

    @Test
    void deltaOfEquiatomicBinary() {
        // r = 100 and 120: r̄ = 110, δ = 100·sqrt(0.5·(1/11)² + 0.5·(1/11)²) = 100/11.
        assertEquals(100.0 / 11, MixingRules.deltaPct(new double[] {0.5, 0.5}, new double[] {100, 120}), 1e-12);
    }

    @Test
    void deltaIsIndependentOfTheRadiusUnit() {
        double[] c = {0.2, 0.3, 0.5};
        assertEquals(MixingRules.deltaPct(c, new double[] {125, 130, 141}),
                MixingRules.deltaPct(c, new double[] {1.25, 1.30, 1.41}), 1e-12);
    }

    @Test
    void entropyOfEquiatomicAlloyIsRLnN() {
        for (int n = 1; n <= 6; n++) {
            double[] c = new double[n];
            java.util.Arrays.fill(c, 1.0 / n);
            assertEquals(MixingRules.GAS_CONSTANT_J_PER_MOL_K * Math.log(n), MixingRules.idealMixingEntropyJPerMolK(c),
                    1e-12);
        }
    }

    @Test
    void enthalpyOfEquiatomicBinaryEqualsThePairValue() {
        // 4·ΔH_AB·0.5·0.5 = ΔH_AB: the Takeuchi–Inoue values are those of the equiatomic liquid.
        double[][] h = {{0, -22}, {-22, 0}};
        assertEquals(-22, MixingRules.mixingEnthalpy(new double[] {0.5, 0.5}, h), 1e-12);
        double[][] missing = {{0, Double.NaN}, {Double.NaN, 0}};
        assertTrue(Double.isNaN(MixingRules.mixingEnthalpy(new double[] {0.5, 0.5}, missing)));
    }

    @Test
    void omegaCases() {
        assertEquals(1800 * 10.0 / 5000, MixingRules.omega(1800, 10, -5), 1e-12);
        assertEquals(1800 * 10.0 / 5000, MixingRules.omega(1800, 10, 5), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, MixingRules.omega(1800, 10, 0));
        assertEquals(Double.POSITIVE_INFINITY, MixingRules.omega(1800, 10, 1e-16));
        assertTrue(Double.isNaN(MixingRules.omega(1800, 0, 0)));
        assertTrue(Double.isNaN(MixingRules.omega(Double.NaN, 10, -5)));
        assertTrue(Double.isNaN(MixingRules.omega(1800, 10, Double.NaN)));
    }
}
