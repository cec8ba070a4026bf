package org.matscreen.core.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BirchMurnaghanTest {

    @Test
    void recoversKnownParametersFromSyntheticData() {
        double e0 = -3.54;
        double v0 = 11.81;
        double b0Gpa = 138.0;
        double b0p = 4.8;
        double b0 = b0Gpa / BirchMurnaghan.EV_PER_A3_IN_GPA;
        int n = 9;
        double[] v = new double[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = v0 * (0.94 + 0.12 * i / (n - 1));
            e[i] = BirchMurnaghan.energy(v[i], e0, v0, b0, b0p);
        }
        BirchMurnaghan.Fit fit = BirchMurnaghan.fit(v, e);
        assertEquals(e0, fit.e0Ev(), 1e-9);
        assertEquals(v0, fit.v0A3(), 1e-7);
        assertEquals(b0Gpa, fit.b0Gpa(), 1e-5);
        assertEquals(b0p, fit.b0Prime(), 1e-4);
        assertEquals(0, fit.rmsResidualEv(), 1e-9);
    }

    @Test
    void noisyDataGiveTheParametersWithinTheNoiseAndReportTheResidual() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] v = new double[11];
        double[] e = new double[11];
        for (int i = 0; i < v.length; i++) {
            v[i] = 16.0 * (0.94 + 0.012 * i);
            e[i] = BirchMurnaghan.energy(v[i], -5.0, 16.0, 200 / BirchMurnaghan.EV_PER_A3_IN_GPA, 4.2)
                    + 1e-5 * (rng.nextDouble() - 0.5);
        }
        BirchMurnaghan.Fit fit = BirchMurnaghan.fit(v, e);
        assertEquals(200, fit.b0Gpa(), 2.0);
        assertEquals(16.0, fit.v0A3(), 1e-3);
        assertEquals(2.9e-6, fit.rmsResidualEv(), 2.5e-6);
    }

    @Test
    void dataWithoutAMinimumAreRefused() {
        double[] v = {1, 2, 3, 4, 5};
        double[] e = {5, 4, 3, 2, 1};
        assertThrows(IllegalArgumentException.class, () -> BirchMurnaghan.fit(v, e));
    }
}
