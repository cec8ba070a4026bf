package org.matscreen.core.properties;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Third-order Birch–Murnaghan equation of state (F. Birch, Phys. Rev. 71, 809 (1947)):
 * E(V) = E0 + (9 V0 B0 / 16) {[η − 1]³ B0' + [η − 1]² (6 − 4η)}, η = (V0/V)^(2/3),
 * fitted by Levenberg–Marquardt least squares (Commons Math).
 */
public final class BirchMurnaghan {
    /** 1 eV/Å³ in GPa (e = 1.602176634e-19 C; 1 Å³ = 1e-30 m³). */
    public static final double EV_PER_A3_IN_GPA = 160.21766208;

    private BirchMurnaghan() {}

    /**
     * Fitted parameters.
     *
     * @param e0Ev minimum energy, eV (per atom if the data were per atom)
     * @param v0A3 equilibrium volume, Å³ (per atom if the data were)
     * @param b0Gpa bulk modulus at V0, GPa
     * @param b0Prime pressure derivative of the bulk modulus, dimensionless
     * @param rmsResidualEv root-mean-square energy residual of the fit, eV
     */
    public record Fit(double e0Ev, double v0A3, double b0Gpa, double b0Prime, double rmsResidualEv) {}

    /** Energy (eV) at volume v (Å³) for parameters e0 (eV), v0 (Å³), b0 (eV/Å³), b0p. */
    public static double energy(double v, double e0, double v0, double b0, double b0p) {
        double eta = Math.pow(v0 / v, 2.0 / 3.0);
        double x = eta - 1;
        return e0 + 9 * v0 * b0 / 16 * (x * x * x * b0p + x * x * (6 - 4 * eta));
    }

    /** Fits E(V) data (at least 5 points spanning the minimum). */
    public static Fit fit(double[] volumes, double[] energies) {
        if (volumes.length != energies.length || volumes.length < 5) {
            throw new IllegalArgumentException("need at least 5 (V, E) points");
        }
        double[] start = parabolaStart(volumes, energies);
        MultivariateJacobianFunction model = p -> {
            double e0 = p.getEntry(0);
            double v0 = p.getEntry(1);
            double b0 = p.getEntry(2);
            double b0p = p.getEntry(3);
            RealVector value = new ArrayRealVector(volumes.length);
            Array2DRowRealMatrix jac = new Array2DRowRealMatrix(volumes.length, 4);
            for (int i = 0; i < volumes.length; i++) {
                double v = volumes[i];
                value.setEntry(i, energy(v, e0, v0, b0, b0p));
                // Central-difference Jacobian: the analytic one is long and the model is cheap.
                double[] p0 = {e0, v0, b0, b0p};
                for (int k = 0; k < 4; k++) {
                    double h = 1e-6 * Math.max(Math.abs(p0[k]), 1e-3);
                    double[] plus = p0.clone();
                    double[] minus = p0.clone();
                    plus[k] += h;
                    minus[k] -= h;
                    jac.setEntry(i, k, (energy(v, plus[0], plus[1], plus[2], plus[3])
                            - energy(v, minus[0], minus[1], minus[2], minus[3])) / (2 * h));
                }
            }
            return new Pair<>(value, jac);
        };
        LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-15)
                .withParameterRelativeTolerance(1e-15)
                .optimize(new LeastSquaresBuilder()
                        .start(start)
                        .model(model)
                        .target(energies)
                        .maxEvaluations(10_000)
                        .maxIterations(10_000)
                        .build());
        RealVector p = opt.getPoint();
        return new Fit(p.getEntry(0), p.getEntry(1), p.getEntry(2) * EV_PER_A3_IN_GPA, p.getEntry(3), opt.getRMS());
    }

    /** Starting point from a parabola through the data: V0 at its vertex, B0 = V0·E''(V0), B0' = 4. */
    private static double[] parabolaStart(double[] v, double[] e) {
        // Least-squares parabola e = a v² + b v + c via the normal equations on centred volumes.
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double s0 = v.length, s1 = 0, s2 = 0, s3 = 0, s4 = 0, t0 = 0, t1 = 0, t2 = 0;
        for (int i = 0; i < v.length; i++) {
            double x = v[i] - mean;
            s1 += x;
            s2 += x * x;
            s3 += x * x * x;
            s4 += x * x * x * x;
            t0 += e[i];
            t1 += x * e[i];
            t2 += x * x * e[i];
        }
        Array2DRowRealMatrix m = new Array2DRowRealMatrix(new double[][] {{s4, s3, s2}, {s3, s2, s1}, {s2, s1, s0}});
        RealVector abc = new org.apache.commons.math3.linear.LUDecomposition(m).getSolver()
                .solve(new ArrayRealVector(new double[] {t2, t1, t0}));
        double a = abc.getEntry(0);
        double b = abc.getEntry(1);
        double c = abc.getEntry(2);
        if (!(a > 0)) {
            throw new IllegalArgumentException("E(V) data have no minimum (not convex); cannot fit an equation of state");
        }
        double x0 = -b / (2 * a);
        double v0 = mean + x0;
        double e0 = c - b * b / (4 * a);
        return new double[] {e0, v0, 2 * a * v0, 4.0};
    }
}
