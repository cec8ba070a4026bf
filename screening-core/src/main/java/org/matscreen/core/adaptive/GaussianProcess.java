package org.matscreen.core.adaptive;

import java.io.Serializable;
import java.util.Arrays;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Gaussian-process regression with a Matérn 5/2 kernel with one length scale per feature (automatic relevance
 * determination) and Gaussian noise, on standardised targets (Rasmussen &amp; Williams, Gaussian Processes for Machine
 * Learning, MIT Press 2006, eqs. 2.25–2.26 and 4.17; hyperparameters by {@link HyperparameterFit}).
 *
 * <p>The fitted model holds the training inputs, K⁻¹y and the Cholesky factor of K (packed), so it is a few MB at
 * most for a campaign's budget, serializable and broadcast to the executors, where {@link #predict} runs per
 * candidate with no allocation beyond two work arrays.
 */
public final class GaussianProcess implements Serializable {
    private static final long serialVersionUID = 1L;
    static final double SQRT5 = Math.sqrt(5);

    private final double[][] x;
    private final double[] alpha;
    /** Lower Cholesky factor of K, row-major packed: row i holds entries 0..i. */
    private final double[] cholesky;
    private final double[] inverseLengthSquared;
    private final Hyperparameters theta;
    private final double yMean;
    private final double yScale;
    private final double logMarginalLikelihood;
    private final int fitPoints;

    /**
     * Standardised hyperparameters: kernel k(x, x') = signalVariance · m(r) with r² = Σ_d (x_d − x'_d)²/ℓ_d² and
     * m(r) = (1 + √5 r + 5r²/3) e^{−√5 r}, plus noiseVariance on the diagonal; both variances in units of the
     * training targets' variance.
     */
    record Hyperparameters(double signalVariance, double[] lengthScales, double noiseVariance) implements Serializable {}

    private GaussianProcess(double[][] x, double[] alpha, double[] cholesky, Hyperparameters theta, double yMean,
            double yScale, double logMarginalLikelihood, int fitPoints) {
        this.x = x;
        this.alpha = alpha;
        this.cholesky = cholesky;
        this.theta = theta;
        this.inverseLengthSquared = new double[theta.lengthScales().length];
        for (int d = 0; d < inverseLengthSquared.length; d++) {
            inverseLengthSquared[d] = 1 / (theta.lengthScales()[d] * theta.lengthScales()[d]);
        }
        this.yMean = yMean;
        this.yScale = yScale;
        this.logMarginalLikelihood = logMarginalLikelihood;
        this.fitPoints = fitPoints;
    }

    /**
     * Fits hyperparameters by maximising the log marginal likelihood (on at most {@code options.maxFitPoints()}
     * observations), then conditions on all observations.
     *
     * @param x inputs, one row per observation (standardised features)
     * @param y finite targets
     */
    public static GaussianProcess fit(double[][] x, double[] y, HyperparameterFit.Options options) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("need at least two observations with inputs, got " + x.length);
        }
        double mean = Arrays.stream(y).average().orElse(0);
        double var = Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum() / y.length;
        // a constant target still gets a model (a flat one); its scale is then taken from its magnitude
        double scale = var > 0 ? Math.sqrt(var) : Math.max(Math.abs(mean), 1.0);
        double[] z = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            z[i] = (y[i] - mean) / scale;
        }
        HyperparameterFit.Result best = HyperparameterFit.maximise(x, z, options);
        return condition(x, z, best.theta(), mean, scale, best.fitPoints());
    }

    /** The model for fixed standardised hyperparameters (targets standardised by mean and scale). */
    static GaussianProcess condition(double[][] x, double[] z, Hyperparameters theta, double yMean, double yScale,
            int fitPoints) {
        int n = x.length;
        double[][] k = covariance(x, theta);
        CholeskyDecomposition chol = HyperparameterFit.cholesky(k);
        if (chol == null) {
            throw new IllegalStateException("the covariance matrix is not positive definite even with noise variance "
                    + theta.noiseVariance());
        }
        double[] alpha = chol.getSolver().solve(new ArrayRealVector(z, false)).toArray();
        RealMatrix l = chol.getL();
        double[] packed = new double[n * (n + 1) / 2];
        double logDet = 0;
        for (int i = 0, p = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                packed[p++] = l.getEntry(i, j);
            }
            logDet += 2 * Math.log(l.getEntry(i, i));
        }
        double fitTerm = 0;
        for (int i = 0; i < n; i++) {
            fitTerm += z[i] * alpha[i];
        }
        double lml = -0.5 * fitTerm - 0.5 * logDet - 0.5 * n * Math.log(2 * Math.PI);
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            copy[i] = x[i].clone();
        }
        return new GaussianProcess(copy, alpha, packed, theta, yMean, yScale, lml, fitPoints);
    }

    /** K + noise·I for standardised hyperparameters. */
    static double[][] covariance(double[][] x, Hyperparameters theta) {
        int n = x.length;
        double[] inv = new double[theta.lengthScales().length];
        for (int d = 0; d < inv.length; d++) {
            inv[d] = 1 / (theta.lengthScales()[d] * theta.lengthScales()[d]);
        }
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            k[i][i] = theta.signalVariance() + theta.noiseVariance();
            for (int j = 0; j < i; j++) {
                k[i][j] = theta.signalVariance() * matern(Math.sqrt(squaredDistance(x[i], x[j], inv)));
                k[j][i] = k[i][j];
            }
        }
        return k;
    }

    static double matern(double r) {
        double s = SQRT5 * r;
        return (1 + s + s * s / 3) * Math.exp(-s);
    }

    static double squaredDistance(double[] a, double[] b, double[] inverseLengthSquared) {
        double r2 = 0;
        for (int d = 0; d < a.length; d++) {
            double t = a[d] - b[d];
            r2 += t * t * inverseLengthSquared[d];
        }
        return r2;
    }

    public int trainingPoints() {
        return x.length;
    }

    public int features() {
        return inverseLengthSquared.length;
    }

    /** Observations the hyperparameters were fitted on (≤ training points). */
    public int fitPoints() {
        return fitPoints;
    }

    /** Log marginal likelihood of the standardised targets at the fitted hyperparameters. */
    public double logMarginalLikelihood() {
        return logMarginalLikelihood;
    }

    /** Signal standard deviation, in the target's unit. */
    public double signalSd() {
        return Math.sqrt(theta.signalVariance()) * yScale;
    }

    /** Noise standard deviation of an observation, in the target's unit. */
    public double noiseSd() {
        return Math.sqrt(theta.noiseVariance()) * yScale;
    }

    /** Length scale per feature, in standardised feature units. */
    public double[] lengthScales() {
        return theta.lengthScales().clone();
    }

    Hyperparameters theta() {
        return theta;
    }

    /** Covariances k(x*, x_i) with every training input (standardised units). */
    private void crossCovariance(double[] xs, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = theta.signalVariance() * matern(Math.sqrt(squaredDistance(xs, x[i], inverseLengthSquared)));
        }
    }

    /** v = L⁻¹ k (forward substitution on the packed factor), in place. */
    private void forwardSubstitute(double[] v) {
        for (int i = 0, p = 0; i < v.length; i++) {
            double s = v[i];
            for (int j = 0; j < i; j++) {
                s -= cholesky[p++] * v[j];
            }
            v[i] = s / cholesky[p++];
        }
    }

    /**
     * Posterior mean and standard deviation of the latent function at {@code xs}, in the target's unit, written to
     * {@code out[0]} and {@code out[1]}; {@code work} must have length {@link #trainingPoints()}.
     */
    public void predict(double[] xs, double[] work, double[] out) {
        crossCovariance(xs, work);
        double mean = 0;
        for (int i = 0; i < work.length; i++) {
            mean += work[i] * alpha[i];
        }
        forwardSubstitute(work);
        double explained = 0;
        for (double v : work) {
            explained += v * v;
        }
        double var = Math.max(0, theta.signalVariance() - explained);
        out[0] = yMean + yScale * mean;
        out[1] = yScale * Math.sqrt(var);
    }

    /** {@link #predict(double[], double[], double[])} for one point: {mean, latent sd}. */
    public double[] predict(double[] xs) {
        double[] out = new double[2];
        predict(xs, new double[x.length], out);
        return out;
    }

    /** Posterior means of the latent function at several points, in the target's unit. */
    public double[] means(double[][] xs) {
        double[] m = new double[xs.length];
        double[] work = new double[x.length];
        for (int a = 0; a < xs.length; a++) {
            crossCovariance(xs[a], work);
            double s = 0;
            for (int i = 0; i < work.length; i++) {
                s += work[i] * alpha[i];
            }
            m[a] = yMean + yScale * s;
        }
        return m;
    }

    /** Posterior covariance matrix of the latent function at several points, in the target's unit squared. */
    public double[][] posteriorCovariance(double[][] xs) {
        int s = xs.length;
        double[][] v = new double[s][x.length];
        for (int a = 0; a < s; a++) {
            crossCovariance(xs[a], v[a]);
            forwardSubstitute(v[a]);
        }
        double scale2 = yScale * yScale;
        double[][] c = new double[s][s];
        for (int a = 0; a < s; a++) {
            for (int b = 0; b <= a; b++) {
                double prior = a == b ? theta.signalVariance()
                        : theta.signalVariance() * matern(Math.sqrt(squaredDistance(xs[a], xs[b],
                                inverseLengthSquared)));
                double dot = 0;
                for (int i = 0; i < x.length; i++) {
                    dot += v[a][i] * v[b][i];
                }
                double cov = (prior - dot) * scale2;
                c[a][b] = a == b ? Math.max(0, cov) : cov;
                c[b][a] = c[a][b];
            }
        }
        return c;
    }
}
