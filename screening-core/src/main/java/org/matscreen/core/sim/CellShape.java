package org.matscreen.core.sim;

import org.matscreen.core.structure.Prototype;

/**
 * The symmetry a shape-fixed relaxation holds, from the prototype: what "the prototype's cell" means to a simulation
 * code. Tilts stay as they are in both cases.
 */
public enum CellShape {
    /** All three edges scale together (volume only): fcc and bcc supercells. */
    CUBIC,
    /** Edges a and b scale together, c independently (c/a free): hcp in its orthohombic setting. */
    HEXAGONAL;

    /**
     * Voigt strain (xx, yy, zz, yz, xz, xy; shear as engineering strain) applied to a shape-fixed relaxed cell before
     * the free relaxation of the instability probe: a tetragonal and three shear components, 0.2–1 %, so a cell that is
     * unstable against any homogeneous shape change finds a downhill direction, while a stable one relaxes back.
     */
    public static final double[] PROBE_STRAIN = {0.01, -0.005, -0.005, 0.004, 0.003, 0.002};

    /** The shape a prototype's supercell keeps in a shape-fixed relaxation. */
    public static CellShape of(Prototype prototype) {
        return prototype.isCubic() ? CUBIC : HEXAGONAL;
    }
}
