package org.matscreen.core.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.matscreen.core.sim.StrainStress;

class ElasticConstantsTest {

    static double[][] cubic(double c11, double c12, double c44) {
        double[][] c = new double[6][6];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[i][j] = i == j ? c11 : c12;
            }
            c[i + 3][i + 3] = c44;
        }
        return c;
    }

    @Test
    void copperModuliByHand() {
        // Cu (experiment, Simmons & Wang): C11 168.4, C12 121.4, C44 75.4 GPa.
        ElasticConstants ec = ElasticConstants.fromTensor(cubic(168.4, 121.4, 75.4));
        assertEquals((168.4 + 2 * 121.4) / 3, ec.bulkModulusGpa(), 1e-12);
        double gv = (168.4 - 121.4 + 3 * 75.4) / 5;
        double gr = 5 * (168.4 - 121.4) * 75.4 / (4 * 75.4 + 3 * (168.4 - 121.4));
        assertEquals(gv, ec.shearVoigtGpa(), 1e-12);
        assertEquals(gr, ec.shearReussGpa(), 1e-12);
        assertEquals((gv + gr) / 2, ec.shearHillGpa(), 1e-12);
        assertEquals(ec.bulkModulusGpa() / ((gv + gr) / 2), ec.pughRatio(), 1e-12);
        assertEquals(0, ec.cubicDeviationGpa(), 1e-12);
        assertTrue(ec.mechanicallyStable());
        assertFalse(ElasticConstants.fromTensor(cubic(100, 120, 50)).mechanicallyStable());
    }

    @Test
    void centralDifferencesOfLinearStressesGiveTheTensor() {
        double[][] c = cubic(250, 150, 120);
        double e = 0.005;
        double[][] plus = new double[6][6];
        double[][] minus = new double[6][6];
        double[] residual = {0.01, 0.02, -0.01, 0, 0.003, 0};
        for (int j = 0; j < 6; j++) {
            for (int i = 0; i < 6; i++) {
                plus[j][i] = residual[i] + c[i][j] * e + 30 * e * e; // quadratic term cancels
                minus[j][i] = residual[i] - c[i][j] * e + 30 * e * e;
            }
        }
        double[][] got = new StrainStress(e, plus, minus).stiffnessGpa();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(c[i][j], got[i][j], 1e-9);
            }
        }
    }
}
