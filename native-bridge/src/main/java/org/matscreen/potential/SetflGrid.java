package org.matscreen.potential;

import java.io.Serializable;
import java.util.Locale;

/**
 * The two grids of a DYNAMO setfl ({@code eam/alloy}) file: embedding energies are tabulated at ρ_i = i·Δρ for
 * i = 0..nρ−1, densities and r·φ at r_i = i·Δr for i = 0..nr−1; pairs interact up to the cut-off.
 *
 * @param nRho number of density points (≥ 5, LAMMPS interpolates with cubic splines)
 * @param dRho density spacing Δρ, in the potential's density unit
 * @param nR number of distance points (≥ 5)
 * @param dRAngstrom distance spacing Δr, Å
 * @param cutoffAngstrom interaction cut-off, Å
 */
public record SetflGrid(int nRho, double dRho, int nR, double dRAngstrom, double cutoffAngstrom)
        implements Serializable {

    public SetflGrid {
        if (nRho < 5 || nR < 5) {
            throw new IllegalArgumentException("a setfl grid needs at least 5 points, got nrho=" + nRho + ", nr=" + nR);
        }
        if (!(dRho > 0 && Double.isFinite(dRho) && dRAngstrom > 0 && Double.isFinite(dRAngstrom)
                && cutoffAngstrom > 0 && Double.isFinite(cutoffAngstrom))) {
            throw new IllegalArgumentException("setfl grid spacings and cut-off must be positive and finite: drho="
                    + dRho + ", dr=" + dRAngstrom + ", cutoff=" + cutoffAngstrom);
        }
    }

    /** Density of grid point i, i·Δρ. */
    public double rho(int i) {
        return i * dRho;
    }

    /** Distance of grid point i, i·Δr (Å). */
    public double r(int i) {
        return i * dRAngstrom;
    }

    /** Largest tabulated density, (nρ−1)·Δρ. */
    public double rhoMax() {
        return rho(nRho - 1);
    }

    /** Stable text of the grid with full precision, part of a generated file's content key. */
    public String canonicalText() {
        return String.format(Locale.ROOT, "nrho=%d,drho=%s,nr=%d,dr=%s,cutoff=%s", nRho, Double.toString(dRho), nR,
                Double.toString(dRAngstrom), Double.toString(cutoffAngstrom));
    }
}
