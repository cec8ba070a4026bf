package org.matscreen.core.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.matscreen.core.sim.StrainStress;

/**
 * Born criteria, projections and moduli against published elastic constants (acceptance (d) of issue 13) and hand
 * calculations.
 */
class ElasticConstantsTest {

    static double[][] cubic(double c11, double c12, double c44) {
        return ElasticConstants.cubic(c11, c12, c44).tensor();
    }

    // C. Kittel, Introduction to Solid State Physics, 8th ed., ch. 3, Table 3 (room temperature, 10^12 dyn/cm²
    // = 100 GPa): Cu 1.684 1.214 0.754; Al 1.068 0.607 0.282; W 5.326 2.049 1.631.
    static final ElasticConstants CU = ElasticConstants.cubic(168.4, 121.4, 75.4);
    static final ElasticConstants AL = ElasticConstants.cubic(106.8, 60.7, 28.2);
    static final ElasticConstants W = ElasticConstants.cubic(532.6, 204.9, 163.1);
    // Simple-cubic Ru from the NRL tight-binding model (M. J. Mehl and D. A. Papaconstantopoulos, NRL tight-binding
    // elastic-constant notes, "elastic constants of cubic materials": C11 482, C12 86, C44 −17 GPa): unstable
    // against shear, which the authors take as the reason Ru cannot form in that structure.
    static final ElasticConstants SC_RU = ElasticConstants.cubic(482, 86, -17);
    // Mg: L. J. Slutsky and C. W. Garland, Phys. Rev. 107, 972 (1957): C11 59.40, C12 25.61, C13 21.44, C33 61.60,
    // C44 16.40 GPa; C66 = (C11 − C12)/2.
    static final ElasticConstants MG = ElasticConstants.hexagonal(59.40, 25.61, 21.44, 61.60, 16.40,
            (59.40 - 25.61) / 2);
    // α-Ti: E. S. Fisher and C. J. Renken, Phys. Rev. 135, A482 (1964): C11 162.4, C12 92.0, C13 69.0, C33 180.7,
    // C44 46.7 GPa.
    static final ElasticConstants TI = ElasticConstants.hexagonal(162.4, 92.0, 69.0, 180.7, 46.7, (162.4 - 92.0) / 2);

    @Test
    void publishedStableCubicSetsMeetTheBornCriteria() {
        assertTrue(CU.mechanicallyStable());
        assertTrue(AL.mechanicallyStable());
        assertTrue(W.mechanicallyStable());
    }

    @Test
    void publishedUnstableCubicSetFailsOnItsShearConstant() {
        assertFalse(SC_RU.mechanicallyStable(), "C44 < 0");
        // each cubic criterion on its own, at the published Cu values with one constant moved across its bound
        assertFalse(ElasticConstants.cubic(121.4, 121.5, 75.4).mechanicallyStable(), "C11 − C12 < 0 (Bain shear)");
        assertFalse(ElasticConstants.cubic(100, -50.1, 75.4).mechanicallyStable(), "C11 + 2 C12 < 0");
    }

    @Test
    void publishedHexagonalSetsMeetTheBornCriteria() {
        assertTrue(MG.mechanicallyStable());
        assertTrue(TI.mechanicallyStable());
    }

    @Test
    void eachHexagonalCriterionFailsOnItsOwn() {
        // No published unstable hexagonal set was at hand: the published Mg set with one constant moved just across
        // each bound in turn, which checks every branch of the criterion.
        double c11 = 59.40;
        double c12 = 25.61;
        double c13 = 21.44;
        double c33 = 61.60;
        double c44 = 16.40;
        double c66 = (c11 - c12) / 2;
        assertFalse(ElasticConstants.hexagonal(c11, 59.5, c13, c33, c44, c66).mechanicallyStable(), "C11 < |C12|");
        assertFalse(ElasticConstants.hexagonal(c11, -59.5, c13, c33, c44, c66).mechanicallyStable(), "C11 < |C12|");
        double c13Bound = Math.sqrt(c33 * (c11 + c12) / 2); // 2 C13² = C33 (C11 + C12)
        assertTrue(ElasticConstants.hexagonal(c11, c12, 0.999 * c13Bound, c33, c44, c66).mechanicallyStable());
        assertFalse(ElasticConstants.hexagonal(c11, c12, 1.001 * c13Bound, c33, c44, c66).mechanicallyStable());
        assertFalse(ElasticConstants.hexagonal(c11, c12, c13, c33, -0.1, c66).mechanicallyStable(), "C44 < 0");
        assertFalse(ElasticConstants.hexagonal(c11, c12, c13, c33, c44, -0.1).mechanicallyStable(), "C66 < 0");
    }

    @Test
    void copperModuliByHand() {
        ElasticConstants ec = ElasticConstants.fromTensor(cubic(168.4, 121.4, 75.4), false);
        double b = (168.4 + 2 * 121.4) / 3;
        assertEquals(b, ec.bulkVoigtGpa(), 1e-9);
        assertEquals(b, ec.bulkReussGpa(), 1e-9, "Voigt = Reuss for cubic symmetry");
        double gv = (168.4 - 121.4 + 3 * 75.4) / 5;
        double gr = 5 * (168.4 - 121.4) * 75.4 / (4 * 75.4 + 3 * (168.4 - 121.4));
        assertEquals(gv, ec.shearVoigtGpa(), 1e-9);
        assertEquals(gr, ec.shearReussGpa(), 1e-9);
        assertEquals((gv + gr) / 2, ec.shearHillGpa(), 1e-9);
        assertEquals(b / ((gv + gr) / 2), ec.pughRatio(), 1e-9);
        assertEquals(0, ec.symmetryDeviationGpa(), 1e-12);
    }

    @Test
    void hexagonalBulkModuliMatchTheClosedForms() {
        // Closed forms for hexagonal symmetry: B_V = [2 (C11 + C12) + C33 + 4 C13] / 9,
        // B_R = [(C11 + C12) C33 − 2 C13²] / (C11 + C12 + 2 C33 − 4 C13).
        for (ElasticConstants c : new ElasticConstants[] {MG, TI}) {
            double s = c.c11Gpa() + c.c12Gpa();
            assertEquals((2 * s + c.c33Gpa() + 4 * c.c13Gpa()) / 9, c.bulkVoigtGpa(), 1e-9);
            assertEquals((s * c.c33Gpa() - 2 * c.c13Gpa() * c.c13Gpa())
                    / (s + 2 * c.c33Gpa() - 4 * c.c13Gpa()), c.bulkReussGpa(), 1e-9);
            assertTrue(c.bulkReussGpa() <= c.bulkVoigtGpa());
        }
        assertEquals(35.26, MG.bulkReussGpa(), 0.01, "Mg by hand: 4317.3 / 122.45 GPa");
    }

    @Test
    void projectionAveragesEquivalentEntriesAndMeasuresTheRest() {
        double[][] c = TI.tensor();
        c[0][0] += 2; // C11 ≠ C22 by 4 GPa: an alloy that is hexagonal only on average
        c[1][1] -= 2;
        c[0][1] += 0.5; // and a slightly asymmetric finite-difference tensor
        ElasticConstants p = ElasticConstants.fromTensor(c, true);
        assertEquals(162.4, p.c11Gpa(), 1e-9);
        assertEquals(92.0 + 0.25, p.c12Gpa(), 1e-9);
        assertEquals(69.0, p.c13Gpa(), 1e-9);
        assertEquals(2, p.symmetryDeviationGpa(), 1e-9);
        assertTrue(p.hexagonal());
        ElasticConstants cubicProjection = ElasticConstants.fromTensor(cubic(200, 100, 80), false);
        assertEquals(200, cubicProjection.c33Gpa(), 1e-12, "cubic: C33 = C11");
        assertEquals(100, cubicProjection.c13Gpa(), 1e-12, "cubic: C13 = C12");
    }

    @Test
    void smallestEigenvalueDetectsTheSoftMode() {
        // cubic eigenvalues: C11 + 2 C12 (once), C11 − C12 (twice), C44 (three times)
        assertEquals(168.4 - 121.4, ElasticConstants.smallestEigenvalueGpa(cubic(168.4, 121.4, 75.4)), 1e-9);
        assertEquals(-17, ElasticConstants.smallestEigenvalueGpa(cubic(482, 86, -17)), 1e-9);
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
