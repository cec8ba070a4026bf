package org.matscreen.core.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Gaussian process: likelihood gradient, fit quality, posterior identities and serialization. */
class GaussianProcessTest {

    static double[][] inputs(SplittableRandom rnd, int n, int d) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                row[k] = 4 * rnd.nextDouble() - 2;
            }
        }
        return x;
    }

    static double target(double[] x) {
        return Math.sin(1.5 * x[0]) + 0.5 * x[1] * x[1] - 0.3 * x[0] * x[1];
    }

    @Test
    void likelihoodGradientMatchesFiniteDifferences() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] x = inputs(rnd, 25, 3);
        double[] z = new double[x.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = target(x[i]) + 0.05 * ExpectedHypervolumeImprovementTest.gaussian(rnd);
        }
        HyperparameterFit.Likelihood lml = new HyperparameterFit.Likelihood(x, z);
        for (int trial = 0; trial < 5; trial++) {
            double[] u = new double[5];
            for (int k = 0; k < u.length; k++) {
                u[k] = rnd.nextDouble() * 2 - 1;
            }
            double[] g = lml.gradient(u);
            for (int k = 0; k < u.length; k++) {
                double h = 1e-5;
                double[] up = u.clone();
                double[] dn = u.clone();
                up[k] += h;
                dn[k] -= h;
                double fd = (lml.value(up) - lml.value(dn)) / (2 * h);
                assertEquals(fd, g[k], 1e-5 * Math.max(1, Math.abs(fd)), "component " + k);
            }
        }
    }

    @Test
    void fitLearnsASmoothFunctionAndIgnoresAnIrrelevantFeature() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[][] x = inputs(rnd, 60, 3); // the third feature does not enter the target
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = 10 + 3 * target(x[i]);
        }
        GaussianProcess gp = GaussianProcess.fit(x, y, new HyperparameterFit.Options(4, 400, 1));
        double[][] test = inputs(new SplittableRandom(99), 200, 3);
        double sse = 0;
        double sst = 0;
        double mean = 0;
        for (double[] t : test) {
            mean += 10 + 3 * target(t);
        }
        mean /= test.length;
        for (double[] t : test) {
            double truth = 10 + 3 * target(t);
            double e = gp.predict(t)[0] - truth;
            sse += e * e;
            sst += (truth - mean) * (truth - mean);
        }
        assertTrue(sse / sst < 0.02, "R² should exceed 0.98, 1 − R² = " + sse / sst);
        double[] ls = gp.lengthScales();
        assertTrue(ls[2] > 3 * Math.max(ls[0], ls[1]), "irrelevant feature should get a long length scale: "
                + java.util.Arrays.toString(ls));
        // the optimum is at least as likely as the default starting point
        GaussianProcess atStart = GaussianProcess.condition(x, standardise(y), HyperparameterFit.theta(
                startPoint(3)), 0, 1, x.length);
        assertTrue(gp.logMarginalLikelihood() >= atStart.logMarginalLikelihood());
    }

    @Test
    void posteriorCovarianceDiagonalIsThePredictedVariance() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[][] x = inputs(rnd, 30, 2);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = target(x[i]);
        }
        GaussianProcess gp = GaussianProcess.fit(x, y, new HyperparameterFit.Options(2, 400, 2));
        double[][] pts = inputs(rnd, 6, 2);
        double[][] c = gp.posteriorCovariance(pts);
        double[] m = gp.means(pts);
        for (int a = 0; a < pts.length; a++) {
            double[] p = gp.predict(pts[a]);
            assertEquals(p[0], m[a], 1e-12);
            assertEquals(p[1] * p[1], c[a][a], 1e-12 * Math.max(1, c[a][a]));
            for (int b = 0; b < a; b++) {
                assertTrue(c[a][b] * c[a][b] <= c[a][a] * c[b][b] * (1 + 1e-9), "Cauchy–Schwarz");
            }
        }
        // at a training input the latent sd is at most about the noise level
        double[] atTraining = gp.predict(x[0]);
        assertTrue(atTraining[1] < 0.05 * gp.signalSd() + gp.noiseSd(), atTraining[1] + " vs " + gp.noiseSd());
    }

    @Test
    void survivesSerialization() throws Exception {
        SplittableRandom rnd = new SplittableRandom(8);
        double[][] x = inputs(rnd, 20, 2);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = target(x[i]);
        }
        GaussianProcess gp = GaussianProcess.fit(x, y, new HyperparameterFit.Options(1, 400, 2));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(gp);
        }
        GaussianProcess back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (GaussianProcess) in.readObject();
        }
        double[] p = new double[] {0.3, -0.7};
        assertEquals(gp.predict(p)[0], back.predict(p)[0], 0.0);
        assertEquals(gp.predict(p)[1], back.predict(p)[1], 0.0);
    }

    private static double[] standardise(double[] y) {
        double m = java.util.Arrays.stream(y).average().orElse(0);
        double s = Math.sqrt(java.util.Arrays.stream(y).map(v -> (v - m) * (v - m)).sum() / y.length);
        return java.util.Arrays.stream(y).map(v -> (v - m) / s).toArray();
    }

    private static double[] startPoint(int dims) {
        double[] u = new double[dims + 2];
        u[0] = HyperparameterFit.toUnbounded(0, HyperparameterFit.LOG_SIGNAL_MIN, HyperparameterFit.LOG_SIGNAL_MAX);
        for (int d = 0; d < dims; d++) {
            u[1 + d] = HyperparameterFit.toUnbounded(0.5 * Math.log(dims), HyperparameterFit.LOG_LENGTH_MIN,
                    HyperparameterFit.LOG_LENGTH_MAX);
        }
        u[dims + 1] = HyperparameterFit.toUnbounded(Math.log(1e-2), HyperparameterFit.LOG_NOISE_MIN,
                HyperparameterFit.LOG_NOISE_MAX);
        return u;
    }
}
