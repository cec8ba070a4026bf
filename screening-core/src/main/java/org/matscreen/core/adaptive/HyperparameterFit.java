package org.matscreen.core.adaptive;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.hipparchus.random.GaussianRandomGenerator;
import org.hipparchus.random.UncorrelatedRandomVectorGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Type-II maximum likelihood for {@link GaussianProcess}: the log marginal likelihood
 * log p(y|X,θ) = −½ yᵀK⁻¹y − ½ log|K| − (n/2) log 2π and its gradient ½ tr((ααᵀ − K⁻¹) ∂K/∂θ_j)
 * (Rasmussen &amp; Williams 2006, eqs. 5.8–5.9) maximised by Hipparchus' Polak–Ribière conjugate gradients from
 * several starts (the first at a default, the others drawn from a seeded generator), keeping the best point any
 * start reached.
 *
 * <p>Hyperparameters live in boxes on the log scale (length scales 0.05–100 standardised feature units, signal
 * variance 0.01–100 and noise variance 10⁻⁶–1 target variances), mapped to unbounded coordinates by a logistic
 * function so the optimiser needs no constraints. A noise floor of 10⁻⁶ keeps K well conditioned; it is far below
 * the scatter of simulated properties between random orderings.
 */
public final class HyperparameterFit {
    static final double LOG_LENGTH_MIN = Math.log(0.05);
    static final double LOG_LENGTH_MAX = Math.log(100);
    static final double LOG_SIGNAL_MIN = Math.log(0.01);
    static final double LOG_SIGNAL_MAX = Math.log(100);
    static final double LOG_NOISE_MIN = Math.log(1e-6);
    static final double LOG_NOISE_MAX = Math.log(1);
    private static final int EVALUATIONS_PER_START = 300;
    private static final double START_SPREAD = 1.5;

    private HyperparameterFit() {}

    /**
     * @param restarts starts of the optimiser (at least 1)
     * @param maxFitPoints hyperparameters are fitted on a seeded random subset of at most this many observations
     * @param seed seed of the subset and of the starts
     */
    public record Options(int restarts, int maxFitPoints, long seed) {
        public Options {
            if (restarts < 1 || maxFitPoints < 2) {
                throw new IllegalArgumentException("restarts >= 1 and maxFitPoints >= 2 required");
            }
        }
    }

    /** The best hyperparameters found, their log marginal likelihood and the observations they were fitted on. */
    record Result(GaussianProcess.Hyperparameters theta, double logMarginalLikelihood, int fitPoints) {}

    static Result maximise(double[][] x, double[] z, Options options) {
        int[] subset = subset(x.length, options.maxFitPoints(), options.seed());
        double[][] xs = new double[subset.length][];
        double[] zs = new double[subset.length];
        for (int i = 0; i < subset.length; i++) {
            xs[i] = x[subset[i]];
            zs[i] = z[subset[i]];
        }
        int dims = x[0].length;
        Likelihood lml = new Likelihood(xs, zs);
        double[] start = new double[dims + 2];
        start[0] = toUnbounded(0, LOG_SIGNAL_MIN, LOG_SIGNAL_MAX);
        for (int d = 0; d < dims; d++) {
            start[1 + d] = toUnbounded(0.5 * Math.log(Math.max(1, dims)), LOG_LENGTH_MIN, LOG_LENGTH_MAX);
        }
        start[dims + 1] = toUnbounded(Math.log(1e-2), LOG_NOISE_MIN, LOG_NOISE_MAX);
        double[] spread = new double[start.length];
        Arrays.fill(spread, START_SPREAD);
        UncorrelatedRandomVectorGenerator starts = new UncorrelatedRandomVectorGenerator(start, spread,
                new GaussianRandomGenerator(new Well19937c(options.seed())));
        for (int s = 0; s < options.restarts(); s++) {
            double[] u0 = s == 0 ? start : starts.nextVector();
            NonLinearConjugateGradientOptimizer cg = new NonLinearConjugateGradientOptimizer(
                    NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-9, 1e-7),
                    1e-6, 1e-8, 0.5);
            try {
                cg.optimize(new MaxEval(EVALUATIONS_PER_START), new ObjectiveFunction(lml::value),
                        new ObjectiveFunctionGradient(lml::gradient), GoalType.MAXIMIZE, new InitialGuess(u0));
            } catch (MathRuntimeException e) {
                // the evaluation budget of this start ran out, or its line search failed to bracket: the best point
                // it reached is kept by lml
            }
        }
        if (lml.bestPoint == null) {
            throw new IllegalStateException("no hyperparameters give a positive-definite covariance");
        }
        return new Result(theta(lml.bestPoint), lml.bestValue, subset.length);
    }

    /** Indices of a seeded random subset of {0..n−1} of size min(n, max), sorted. */
    static int[] subset(int n, int max, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (n <= max) {
            return all;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < max; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = Arrays.copyOf(all, max);
        Arrays.sort(out);
        return out;
    }

    static GaussianProcess.Hyperparameters theta(double[] u) {
        int dims = u.length - 2;
        double[] lengths = new double[dims];
        for (int d = 0; d < dims; d++) {
            lengths[d] = Math.exp(toBounded(u[1 + d], LOG_LENGTH_MIN, LOG_LENGTH_MAX));
        }
        return new GaussianProcess.Hyperparameters(Math.exp(toBounded(u[0], LOG_SIGNAL_MIN, LOG_SIGNAL_MAX)), lengths,
                Math.exp(toBounded(u[dims + 1], LOG_NOISE_MIN, LOG_NOISE_MAX)));
    }

    static double toBounded(double u, double lo, double hi) {
        return lo + (hi - lo) / (1 + Math.exp(-u));
    }

    /** d(bounded)/du. */
    private static double slope(double u, double lo, double hi) {
        double s = 1 / (1 + Math.exp(-u));
        return (hi - lo) * s * (1 - s);
    }

    static double toUnbounded(double v, double lo, double hi) {
        double p = (v - lo) / (hi - lo);
        p = Math.min(1 - 1e-9, Math.max(1e-9, p));
        return Math.log(p / (1 - p));
    }

    /** Cholesky factor of a covariance matrix, or null if it is not numerically positive definite. */
    static CholeskyDecomposition cholesky(double[][] k) {
        try {
            return new CholeskyDecomposition(new Array2DRowRealMatrix(k, false), 1e-9, 1e-14);
        } catch (MathIllegalArgumentException e) {
            return null;
        }
    }

    /** Log marginal likelihood and gradient in the unbounded coordinates, remembering the best point evaluated. */
    static final class Likelihood {
        private final double[][] x;
        private final double[] z;
        private double[] cachedAt;
        private CholeskyDecomposition cachedChol;
        private double[][] cachedK;
        private double cachedValue;
        double[] bestPoint;
        double bestValue = Double.NEGATIVE_INFINITY;

        Likelihood(double[][] x, double[] z) {
            this.x = x;
            this.z = z;
        }

        private void evaluate(double[] u) {
            if (cachedAt != null && Arrays.equals(cachedAt, u)) {
                return;
            }
            cachedAt = u.clone();
            cachedK = GaussianProcess.covariance(x, theta(u));
            cachedChol = cholesky(cachedK);
            if (cachedChol == null) {
                cachedValue = -1e10; // outside the positive-definite region: a cliff the line search backs off
                return;
            }
            double[] alpha = cachedChol.getSolver().solve(new ArrayRealVector(z, false)).toArray();
            RealMatrix l = cachedChol.getL();
            double v = -0.5 * z.length * Math.log(2 * Math.PI);
            for (int i = 0; i < z.length; i++) {
                v -= 0.5 * z[i] * alpha[i] + Math.log(l.getEntry(i, i));
            }
            cachedValue = v;
            if (v > bestValue) {
                bestValue = v;
                bestPoint = u.clone();
            }
        }

        double value(double[] u) {
            evaluate(u);
            return cachedValue;
        }

        double[] gradient(double[] u) {
            evaluate(u);
            double[] g = new double[u.length];
            if (cachedChol == null) {
                return g;
            }
            int n = z.length;
            int dims = u.length - 2;
            DecompositionSolver solver = cachedChol.getSolver();
            double[] alpha = solver.solve(new ArrayRealVector(z, false)).toArray();
            double[][] kinv = solver.getInverse().getData();
            GaussianProcess.Hyperparameters t = theta(u);
            double[] inv = new double[dims];
            for (int d = 0; d < dims; d++) {
                inv[d] = 1 / (t.lengthScales()[d] * t.lengthScales()[d]);
            }
            double gSignal = 0;
            double gNoise = 0;
            double[] gLength = new double[dims];
            for (int i = 0; i < n; i++) {
                double wii = alpha[i] * alpha[i] - kinv[i][i];
                gSignal += 0.5 * wii * t.signalVariance();
                gNoise += 0.5 * wii * t.noiseVariance();
                for (int j = 0; j < i; j++) {
                    double w = alpha[i] * alpha[j] - kinv[i][j]; // W is symmetric: count the pair twice
                    double r = Math.sqrt(GaussianProcess.squaredDistance(x[i], x[j], inv));
                    double s = GaussianProcess.SQRT5 * r;
                    double e = Math.exp(-s);
                    gSignal += w * t.signalVariance() * (1 + s + s * s / 3) * e;
                    // ∂k/∂log ℓ_d = (5/3) σ_f² (1 + √5 r) e^{−√5 r} (x_d − x'_d)²/ℓ_d²
                    double common = w * (5.0 / 3.0) * t.signalVariance() * (1 + s) * e;
                    for (int d = 0; d < dims; d++) {
                        double diff = x[i][d] - x[j][d];
                        gLength[d] += common * diff * diff * inv[d];
                    }
                }
            }
            g[0] = gSignal * slope(u[0], LOG_SIGNAL_MIN, LOG_SIGNAL_MAX);
            for (int d = 0; d < dims; d++) {
                g[1 + d] = gLength[d] * slope(u[1 + d], LOG_LENGTH_MIN, LOG_LENGTH_MAX);
            }
            g[dims + 1] = gNoise * slope(u[dims + 1], LOG_NOISE_MIN, LOG_NOISE_MAX);
            return g;
        }
    }
}
