package org.matscreen.potential;

import org.matscreen.core.structure.Prototype;

/**
 * The 27 parameters of one metal in the Zhou–Johnson–Wadley generalized embedded-atom method (X. W. Zhou, R. A.
 * Johnson, H. N. G. Wadley, Phys. Rev. B 69, 144113 (2004); Cr from Z. Lin, R. A. Johnson, L. V. Zhigilei, Phys. Rev.
 * B 77, 214108 (2008)), plus the structure the metal was fitted to. Component names follow the paper; the Javadoc
 * gives the name of the same number in the LAMMPS {@code EAM_code}/{@code create.f} tables, which is also the column
 * name in {@code zhou2004.csv}. Lengths in Å, energies in eV, electron densities in the model's own arbitrary unit.
 *
 * @param element element symbol, e.g. {@code Cu}
 * @param reAngstrom r_e, the equilibrium nearest-neighbour distance, Å ({@code re})
 * @param fe f_e, prefactor of the density function ({@code fe})
 * @param rhoE ρ_e, the equilibrium host density ({@code rhoe})
 * @param rhoS ρ_s, the density scale of the high-density embedding branch ({@code rhos})
 * @param alpha α, decay of the repulsive pair term ({@code alpha})
 * @param beta β, decay of the attractive pair term ({@code beta})
 * @param a A, prefactor of the repulsive pair term, eV ({@code A})
 * @param b B, prefactor of the attractive pair term, eV ({@code B})
 * @param kappa κ, cut-off position of the repulsive pair term in units of r_e ({@code cai})
 * @param lambda λ, cut-off position of the attractive pair term in units of r_e ({@code ramda})
 * @param fn0 F_n0, low-density embedding coefficients, eV ({@code Fi0}..{@code Fi3})
 * @param fn1 F_n1, eV
 * @param fn2 F_n2, eV
 * @param fn3 F_n3, eV
 * @param f0 F_0, medium-density embedding coefficients, eV ({@code Fm0}..{@code Fm3})
 * @param f1 F_1, eV
 * @param f2 F_2, eV
 * @param f3 F_3, the cubic coefficient used for ρ < ρ_e, eV
 * @param eta η, exponent of the high-density branch ({@code fnn})
 * @param fE F_e, prefactor of the high-density branch, eV ({@code Fn})
 * @param atomicNumber Z ({@code ielement})
 * @param massAmu atomic mass, g/mol ({@code amass})
 * @param f3Upper the cubic coefficient create.f uses for ρ ≥ ρ_e, eV ({@code Fm4}; equal to F_3 for all 17 metals)
 * @param densityBeta β of the density function f(r) ({@code beta1}; equal to β for all 17 metals)
 * @param densityLambda λ of the density function f(r) ({@code ramda1}; equal to λ for all 17 metals)
 * @param rhoLow ρ_n/ρ_e, start of the medium-density branch ({@code rhol}; 0.85, but 0.25 for Pt)
 * @param rhoHigh ρ_0/ρ_e, start of the high-density branch ({@code rhoh}; 1.15)
 * @param groundState the structure the parameters were fitted to
 */
public record ZhouParameters(String element, double reAngstrom, double fe, double rhoE, double rhoS, double alpha,
        double beta, double a, double b, double kappa, double lambda, double fn0, double fn1, double fn2, double fn3,
        double f0, double f1, double f2, double f3, double eta, double fE, int atomicNumber, double massAmu,
        double f3Upper, double densityBeta, double densityLambda, double rhoLow, double rhoHigh,
        Prototype groundState) {

    public ZhouParameters {
        if (element == null || element.isBlank()) {
            throw new IllegalArgumentException("element symbol is missing");
        }
        double[] all = {reAngstrom, fe, rhoE, rhoS, alpha, beta, a, b, kappa, lambda, fn0, fn1, fn2, fn3, f0, f1, f2,
            f3, eta, fE, massAmu, f3Upper, densityBeta, densityLambda, rhoLow, rhoHigh};
        for (double v : all) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(element + ": every Zhou parameter must be finite");
            }
        }
        if (!(reAngstrom > 0 && rhoE > 0 && rhoS > 0 && fe > 0 && massAmu > 0)) {
            throw new IllegalArgumentException(element + ": r_e, f_e, rho_e, rho_s and the mass must be positive");
        }
        if (!(rhoLow > 0 && rhoLow < 1 && rhoHigh > 1)) {
            throw new IllegalArgumentException(element + ": need 0 < rhol < 1 < rhoh, got " + rhoLow + ", " + rhoHigh);
        }
        if (groundState == null) {
            throw new IllegalArgumentException(element + ": ground-state structure is missing");
        }
    }

    /** ρ_n = rhol·ρ_e: below it the low-density polynomial applies. */
    public double rhoN() {
        return rhoLow * rhoE;
    }

    /** ρ_0 = rhoh·ρ_e: at and above it the logarithmic high-density form applies. */
    public double rho0() {
        return rhoHigh * rhoE;
    }

    /**
     * Lattice parameter of the fitted structure implied by r_e, Å: fcc √2·r_e, bcc 2·r_e/√3, hcp r_e (the ideal-c/a
     * nearest-neighbour distance). A starting value for relaxations and the informational lattice constant of a setfl
     * element header.
     */
    public double latticeParameterAngstrom() {
        return switch (groundState) {
            case FCC -> Math.sqrt(2) * reAngstrom;
            case BCC -> 2 * reAngstrom / Math.sqrt(3);
            case HCP -> reAngstrom;
        };
    }

    /**
     * Every number that defines this metal's functions, in a fixed order with full precision: the part of a
     * generated file's content key that comes from this element.
     */
    public String canonicalText() {
        double[] all = {reAngstrom, fe, rhoE, rhoS, alpha, beta, a, b, kappa, lambda, fn0, fn1, fn2, fn3, f0, f1, f2,
            f3, eta, fE, massAmu, f3Upper, densityBeta, densityLambda, rhoLow, rhoHigh};
        StringBuilder sb = new StringBuilder(element).append(':').append(atomicNumber);
        for (double v : all) {
            sb.append(',').append(Double.toString(v));
        }
        return sb.append(',').append(groundState.key()).toString();
    }
}
