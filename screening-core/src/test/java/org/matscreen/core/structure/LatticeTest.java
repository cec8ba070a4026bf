package org.matscreen.core.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatticeTest {

    @Test
    void lammpsFormKeepsLengthsAnglesAndVolume() {
        Lattice l = Lattice.of(3, 0.2, 0.1, 0.5, 4, -0.3, 0.7, 0.4, 5);
        double[] b = l.toLammpsForm();
        Lattice r = Lattice.fromLammps(b[0], b[1], b[2], b[3], b[4], b[5]);
        for (int i = 0; i < 3; i++) {
            assertEquals(l.length(i), r.length(i), 1e-12);
        }
        assertEquals(l.angleDegrees(1, 2), r.angleDegrees(1, 2), 1e-10);
        assertEquals(l.angleDegrees(0, 2), r.angleDegrees(0, 2), 1e-10);
        assertEquals(l.angleDegrees(0, 1), r.angleDegrees(0, 1), 1e-10);
        assertEquals(l.volume(), r.volume(), 1e-10);
    }

    @Test
    void fractionalCartesianRoundTrip() {
        Lattice l = Lattice.of(3, 0.2, 0.1, 0.5, 4, -0.3, 0.7, 0.4, 5);
        double[] c = l.toCartesian(0.1, 0.7, 0.3);
        assertArrayEquals(new double[] {0.1, 0.7, 0.3}, l.toFractional(c[0], c[1], c[2]), 1e-13);
    }

    @Test
    void leftHandedOrFlatCellsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Lattice.of(1, 0, 0, 0, 1, 0, 0, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> Lattice.of(1, 0, 0, 2, 0, 0, 0, 0, 1));
    }

    @Test
    void prototypeVolumes() {
        assertEquals(3.615 * 3.615 * 3.615 / 4, Prototype.FCC.volumePerAtom(3.615), 1e-12);
        assertEquals(2.87 * 2.87 * 2.87 / 2, Prototype.BCC.volumePerAtom(2.87), 1e-12);
        // hcp: V = (sqrt(3)/2) a^2 c / 2 per atom with ideal c/a
        double a = 3.2;
        assertEquals(Math.sqrt(3) / 2 * a * a * a * Prototype.IDEAL_C_OVER_A / 2, Prototype.HCP.volumePerAtom(a),
                1e-12);
        assertEquals(3.615, Prototype.FCC.latticeParameterForVolume(Prototype.FCC.volumePerAtom(3.615)), 1e-12);
    }
}
