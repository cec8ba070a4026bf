package org.matscreen.core.plan;

import org.matscreen.core.structure.Lattice;

/**
 * Estimated cost of a plane-wave DFT candidate, s: a per-(k-point × atom²) constant times the cell's full
 * Monkhorst–Pack mesh and the square of its atoms, doubled with spin polarisation, scaled by the plane-wave count
 * (∝ cut-off^1.5). Atoms² stands for bands × plane waves, both proportional to the cell's size; for the 1–16-atom
 * cells of a DFT tier the cubic orthogonalisation term is still small. A shape-fixed relaxation from a good start
 * (2–3 ionic steps) is the unit; each E(V) point, a single SCF cycle from a neighbouring density, costs a third of
 * it. The constant is a prior until the tier's own records correct it ({@link #calibrated}).
 *
 * <p>Prior: GPAW 22.8 on one x86-64 core of the CI machine, "test" preset (PW 400 eV, d = 3.5 Å, Methfessel–Paxton
 * 0.1 eV), shape-fixed relaxations from 1.5–2 % off: spin-polarised Ni₃Al (4 atoms, 7³ k) 170 s, NiAl (2 atoms, 8³)
 * 67 s, i.e. 31–33 ms per k-point·atom² with spin; spin-free Cu (1 atom, 11³) 11 s and Al (10³) 16 s, 8–16 ms
 * (CI log of test_gpaw_reference.py, 2026-12-06). 16 ms per k-point·atom² without spin at 400 eV.
 *
 * @param secondsPerKpointAtom2 seconds per full-mesh k-point per atom² for a spin-free relaxation at 400 eV
 */
public record DftCostModel(double secondsPerKpointAtom2) {
    public static final double PRIOR_SECONDS_PER_KPOINT_ATOM2 = 0.016;
    /** Cut-off the prior was measured at, eV. */
    static final double PRIOR_CUTOFF_EV = 400;
    /** Cost of one E(V) point relative to the relaxation. */
    static final double EOS_POINT_SHARE = 1.0 / 3;

    public static DftCostModel prior() {
        return new DftCostModel(PRIOR_SECONDS_PER_KPOINT_ATOM2);
    }

    /**
     * The Γ-centred mesh n_i = max(1, ⌈d |b_i|⌉) with |b_i| the reciprocal lattice vectors including 2π (the DFT
     * worker's rule), as its three counts.
     */
    public static int[] mesh(Lattice cell, double densityPerInvAngstrom) {
        int[] n = new int[3];
        for (int i = 0; i < 3; i++) {
            double length = 2 * Math.PI / cell.height(i);
            n[i] = Math.max(1, (int) Math.ceil(densityPerInvAngstrom * length - 1e-9));
        }
        return n;
    }

    /** Estimated seconds for one candidate. */
    public double seconds(Lattice cell, int atoms, double cutoffEv, double kpointDensity, boolean spin,
            int eosPoints) {
        int[] k = mesh(cell, kpointDensity);
        double kpoints = (double) k[0] * k[1] * k[2];
        double unit = secondsPerKpointAtom2 * kpoints * atoms * (double) atoms * (spin ? 2 : 1)
                * Math.pow(cutoffEv / PRIOR_CUTOFF_EV, 1.5);
        return unit * (1 + EOS_POINT_SHARE * eosPoints);
    }

    /** The constant implied by a measured candidate (its cell, settings and measured seconds). */
    public DftCostModel calibrated(Lattice cell, int atoms, double cutoffEv, double kpointDensity, boolean spin,
            int eosPoints, double measuredSeconds) {
        double predicted = seconds(cell, atoms, cutoffEv, kpointDensity, spin, eosPoints);
        if (!(measuredSeconds > 0) || !(predicted > 0)) {
            return this;
        }
        return new DftCostModel(secondsPerKpointAtom2 * measuredSeconds / predicted);
    }
}
