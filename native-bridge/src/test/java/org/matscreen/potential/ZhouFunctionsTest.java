package org.matscreen.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The functional forms against values worked out by hand from the paper's formulas and the parameters in
 * {@code zhou2004.csv} (the arithmetic is in each comment; the numbers were checked with an independent script).
 */
class ZhouFunctionsTest {
    private static final ZhouDatabase DB = ZhouDatabase.standard();
    private static final ZhouParameters CU = DB.parameters("Cu");
    private static final ZhouParameters TA = DB.parameters("Ta");
    private static final ZhouParameters PT = DB.parameters("Pt");

    @Test
    void densityAtEquilibriumDistanceIsFeUpToTheCutoffFactor() {
        // x = 1: f = fe / (1 + (1 - 0.756515)^20) = 1.554485 / (1 + 5.4e-13)
        assertEquals(1.5544849999991663, ZhouFunctions.density(CU, CU.reAngstrom()), 1e-14);
    }

    @Test
    void densityAwayFromEquilibrium() {
        // Cu, r = 3.0: x = 3.0/2.556162 = 1.173634; 1.554485·exp(-4.334731·0.173634) / (1 + 0.417119^20)
        assertEquals(0.7323368264292485, ZhouFunctions.density(CU, 3.0), 1e-14);
        // Ta, r = 0.5: x = 0.174820; 3.086341·exp(4.527748·0.825180) / (1 + (-0.179134)^20) — the value that sets
        // rho_max of a Cu-Ta file
        assertEquals(129.43678377183025, ZhouFunctions.density(TA, 0.5), 1e-10);
    }

    @Test
    void pairAtEquilibriumDistance() {
        // x = 1: A/(1 + (1-0.308782)^20) - B/(1 + (1-0.756515)^20) = 0.396374 - 0.548085 = -0.151711
        assertEquals(-0.1517107006290493, ZhouFunctions.pair(CU, CU.reAngstrom()), 1e-14);
    }

    @Test
    void pairIsRepulsiveAtShortRangeAndAttractiveBeyondRe() {
        // Cu, r = 2.2: x = 0.860666; 0.39662·exp(8.12762·0.139334)/(1 + 0.551884^20)
        //                          - 0.548085·exp(4.334731·0.139334)/(1 + 0.104151^20)
        assertEquals(0.22815709021153974, ZhouFunctions.pair(CU, 2.2), 1e-14);
        // Ta, r = 3.3: x = 1.153813
        assertEquals(-0.4065761181676101, ZhouFunctions.pair(TA, 3.3), 1e-14);
    }

    @Test
    void crossPairFollowsTheMixingRuleAndIsSymmetric() {
        // r = 2.7: f_Cu = 1.218017, f_Ta = 3.976425, phi_CuCu = -0.179150, phi_TaTa = -0.350866
        // phi = 0.5·(3.976425/1.218017·(-0.179150) + 1.218017/3.976425·(-0.350866)) = -0.346170
        double expected = -0.34617019631468515;
        assertEquals(expected, ZhouFunctions.pair(CU, TA, 2.7), 1e-14);
        assertEquals(expected, ZhouFunctions.pair(TA, CU, 2.7), 1e-14);
        assertEquals(ZhouFunctions.pair(CU, 2.7), ZhouFunctions.pair(CU, CU, 2.7));
    }

    @Test
    void embeddingInEachBranch() {
        // rho = 0, low branch, t = -1: Fi0 - Fi1 + Fi2 - Fi3 = -2.170269 + 0.263788 + 1.088878 + 0.817603 = 0
        assertEquals(0.0, ZhouFunctions.embedding(CU, 0.0), 1e-12);
        // rho = 0.5 rho_e < 0.85 rho_e, t = 0.5/0.85 - 1 = -7/17
        assertEquals(-1.8199501872582942, ZhouFunctions.embedding(CU, 0.5 * CU.rhoE()), 1e-13);
        // rho = rho_e, medium branch, t = 0: F0
        assertEquals(-2.19, ZhouFunctions.embedding(CU, CU.rhoE()), 1e-15);
        // rho = 1.1 rho_e, medium branch above rho_e (Fm4), t = 0.1: -2.19 + 0.56183·0.01 - 2.100595·0.001
        assertEquals(-2.186482295, ZhouFunctions.embedding(CU, 1.1 * CU.rhoE()), 1e-13);
        // rho = 2 rho_e >= 1.15 rho_e, high branch: s = 2·21.175871/21.175395 = 2.0000450,
        // Fe·(1 - 0.31049·ln s)·s^0.31049 = -2.186568·0.784778·1.240137
        assertEquals(-2.1280386197658525, ZhouFunctions.embedding(CU, 2 * CU.rhoE()), 1e-13);
    }

    @Test
    void platinumMediumBranchStartsAtAQuarterOfRhoE() {
        // Pt's rho_n is 0.25 rho_e, so 0.5 rho_e is in the medium branch, t = -0.5:
        // -4.17 + 0 + 3.010561·0.25 - 2.420128·(-0.125) = -3.11484375
        assertEquals(-3.11484375, ZhouFunctions.embedding(PT, 0.5 * PT.rhoE()), 1e-13);
        // 0.2 rho_e is in the low branch, t = 0.2/0.25 - 1 = -0.2:
        // -1.455568 + 0.4299904 + 0.02113964 - 0.009783 = -1.01422096
        assertEquals(-1.01422096, ZhouFunctions.embedding(PT, 0.2 * PT.rhoE()), 1e-13);
    }

    @Test
    void embeddingIsContinuousAtBothBranchPointsForAll17Metals() {
        // The fitted coefficients make the three branches meet; a mistyped parameter would show up as a jump.
        for (String el : DB.elements()) {
            ZhouParameters p = DB.parameters(el);
            for (double rho : new double[] {p.rhoN(), p.rho0()}) {
                double jump = ZhouFunctions.embedding(p, rho) - ZhouFunctions.embedding(p, Math.nextDown(rho));
                assertTrue(Math.abs(jump) < 1e-6, el + ": F jumps by " + jump + " eV at rho = " + rho);
            }
            assertTrue(Math.abs(ZhouFunctions.embedding(p, 0)) < 2e-6, el + ": F(0) = "
                    + ZhouFunctions.embedding(p, 0));
        }
    }
}
