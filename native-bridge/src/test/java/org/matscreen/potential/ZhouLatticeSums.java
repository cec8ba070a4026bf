package org.matscreen.potential;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.matscreen.core.structure.Lattice;
import org.matscreen.core.structure.Prototype;

/**
 * Reference energies of perfect crystals straight from the analytic Zhou functions: E/atom = F(Σ f(r_j)) + ½ Σ φ(r_j)
 * over all neighbours closer than the cut-off, minimised over the lattice parameter (and c/a for hcp) with Brent's
 * method. No table, spline, file or LAMMPS is involved, so agreement with a LAMMPS relaxation on a generated file
 * checks tabulation, the setfl writer, LAMMPS' reading and interpolation and the relaxation protocol together.
 */
final class ZhouLatticeSums {
    /** A minimum: cohesive energy (positive, eV/atom), lattice parameter a (Å) and c/a (NaN for cubic cells). */
    record Minimum(double cohesiveEnergyEv, double aAngstrom, double cOverA) {}

    private ZhouLatticeSums() {}

    /** Energy per atom (eV) of the perfect crystal at lattice parameter a (Å) and, for hcp, axial ratio c/a. */
    static double energyPerAtom(ZhouParameters p, Prototype proto, double a, double cOverA, double cutoff) {
        Lattice cell = proto == Prototype.HCP ? Lattice.orthorhombic(a, Math.sqrt(3) * a, cOverA * a)
                : proto.conventionalCell(a);
        double[][] basis = proto.basis();
        int[] reach = new int[3];
        for (int k = 0; k < 3; k++) {
            reach[k] = (int) Math.ceil(cutoff / cell.length(k)) + 1;
        }
        double rho = 0;
        double pairSum = 0;
        // All atoms are equivalent in fcc, bcc and hcp: the energy of the atom at basis[0] is the energy per atom.
        for (int i = -reach[0]; i <= reach[0]; i++) {
            for (int j = -reach[1]; j <= reach[1]; j++) {
                for (int k = -reach[2]; k <= reach[2]; k++) {
                    for (double[] b : basis) {
                        double[] x = cell.toCartesian(i + b[0] - basis[0][0], j + b[1] - basis[0][1],
                                k + b[2] - basis[0][2]);
                        double r = Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
                        if (r > 1e-9 && r < cutoff) {
                            rho += ZhouFunctions.density(p, r);
                            pairSum += ZhouFunctions.pair(p, r);
                        }
                    }
                }
            }
        }
        return ZhouFunctions.embedding(p, rho) + 0.5 * pairSum;
    }

    /** The minimum-energy crystal of p's ground-state structure with the given cut-off (Å). */
    static Minimum minimise(ZhouParameters p, double cutoff) {
        Prototype proto = p.groundState();
        double a0 = p.latticeParameterAngstrom();
        if (proto != Prototype.HCP) {
            UnivariatePointValuePair m = brent(a -> energyPerAtom(p, proto, a, Double.NaN, cutoff), 0.95 * a0,
                    1.05 * a0, a0);
            return new Minimum(-m.getValue(), m.getPoint(), Double.NaN);
        }
        // Nested: for each c/a the best a, then the best c/a.
        UnivariatePointValuePair best = brent(q -> innerHcp(p, q, cutoff).getValue(), 1.50, 1.75,
                Prototype.IDEAL_C_OVER_A);
        UnivariatePointValuePair inner = innerHcp(p, best.getPoint(), cutoff);
        return new Minimum(-inner.getValue(), inner.getPoint(), best.getPoint());
    }

    private static UnivariatePointValuePair innerHcp(ZhouParameters p, double cOverA, double cutoff) {
        double a0 = p.latticeParameterAngstrom();
        return brent(a -> energyPerAtom(p, Prototype.HCP, a, cOverA, cutoff), 0.95 * a0, 1.05 * a0, a0);
    }

    private static UnivariatePointValuePair brent(DoubleUnaryOperator f, double lo, double hi,
            double start) {
        return new BrentOptimizer(1e-11, 1e-14).optimize(new MaxEval(2000),
                new UnivariateObjectiveFunction(f::applyAsDouble), GoalType.MINIMIZE,
                new SearchInterval(lo, hi, start));
    }
}
