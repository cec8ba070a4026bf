package org.matscreen.potential;

/**
 * The analytic functions of the Zhou–Johnson–Wadley EAM (Phys. Rev. B 69, 144113 (2004)), in double precision. With
 * x = r/r_e (r in Å):
 *
 * <ul>
 *   <li>density f(r) = f_e·exp[−β(x−1)] / (1 + (x−λ)^20)
 *   <li>pair φ(r) = A·exp[−α(x−1)] / (1 + (x−κ)^20) − B·exp[−β(x−1)] / (1 + (x−λ)^20), eV
 *   <li>cross pair φ_ab(r) = ½·[f_b(r)/f_a(r)·φ_aa(r) + f_a(r)/f_b(r)·φ_bb(r)], eV — Johnson's mixing rule; the
 *       database fits no alloy data, so every unlike interaction comes from this rule alone
 *   <li>embedding F(ρ), eV, in three branches: Σ F_ni·(ρ/ρ_n − 1)^i below ρ_n; Σ F_i·(ρ/ρ_e − 1)^i from ρ_n to ρ_0;
 *       F_e·[1 − η·ln(ρ/ρ_s)]·(ρ/ρ_s)^η from ρ_0 on
 * </ul>
 *
 * <p>These are the functions themselves; the clamping of distances below {@link #MIN_DISTANCE_ANGSTROM} is a
 * tabulation convention applied by {@link ZhouEamGenerator}.
 */
public final class ZhouFunctions {
    /**
     * Tables are evaluated at max(r, 0.5 Å), as the LAMMPS {@code create.f} tool does: below 0.5 Å the
     * exponentials grow without physical meaning (nuclei never get that close in a relaxation), and clamping keeps
     * the tables finite and the files comparable with the published ones.
     */
    public static final double MIN_DISTANCE_ANGSTROM = 0.5;

    private ZhouFunctions() {}

    /** Electron density f(r) that an atom of this metal contributes at distance r (Å). */
    public static double density(ZhouParameters p, double rAngstrom) {
        double x = rAngstrom / p.reAngstrom();
        return p.fe() * Math.exp(-p.densityBeta() * (x - 1)) / (1 + Math.pow(x - p.densityLambda(), 20));
    }

    /** Pair energy φ(r) of two atoms of this metal at distance r (Å), eV. */
    public static double pair(ZhouParameters p, double rAngstrom) {
        double x = rAngstrom / p.reAngstrom();
        double repulsion = p.a() * Math.exp(-p.alpha() * (x - 1)) / (1 + Math.pow(x - p.kappa(), 20));
        double attraction = p.b() * Math.exp(-p.beta() * (x - 1)) / (1 + Math.pow(x - p.lambda(), 20));
        return repulsion - attraction;
    }

    /**
     * Pair energy φ_ab(r) of an a–b pair at distance r (Å), eV. For a = b this is {@link #pair}; otherwise Johnson's
     * mixing rule ½·[f_b/f_a·φ_aa + f_a/f_b·φ_bb], which is symmetric in a and b.
     */
    public static double pair(ZhouParameters pa, ZhouParameters pb, double rAngstrom) {
        if (pa.equals(pb)) {
            return pair(pa, rAngstrom);
        }
        double fa = density(pa, rAngstrom);
        double fb = density(pb, rAngstrom);
        return 0.5 * (fb / fa * pair(pa, rAngstrom) + fa / fb * pair(pb, rAngstrom));
    }

    /**
     * Embedding energy F(ρ) of an atom of this metal in host density ρ ≥ 0, eV. Between ρ_n and ρ_0 the cubic
     * coefficient is F_3 below ρ_e and {@code Fm4} from ρ_e on, as in {@code create.f} (the two are equal for every
     * metal of the database, so the function is the paper's single cubic).
     */
    public static double embedding(ZhouParameters p, double rho) {
        if (rho < p.rhoN()) {
            double t = rho / p.rhoN() - 1;
            return p.fn0() + t * (p.fn1() + t * (p.fn2() + t * p.fn3()));
        }
        if (rho < p.rho0()) {
            double t = rho / p.rhoE() - 1;
            double cubic = rho < p.rhoE() ? p.f3() : p.f3Upper();
            return p.f0() + t * (p.f1() + t * (p.f2() + t * cubic));
        }
        double s = rho / p.rhoS();
        return p.fE() * (1 - p.eta() * Math.log(s)) * Math.pow(s, p.eta());
    }
}
