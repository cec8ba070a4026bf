package org.matscreen.core.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.matscreen.core.structure.Lattice;
import org.matscreen.core.structure.Prototype;

class DftCostModelTest {
    @Test
    void meshFollowsTheWorkersRule() {
        // The worker chose these meshes in CI (test_gpaw_reference.py, d = 3.5 /Å): L1_2 Ni3Al, a = 3.62 Å -> 7^3;
        // B2 NiAl, a = 2.85 Å -> 8^3. Hand: |b| = 2 pi / a; 3.5 * 2 pi / 3.62 = 6.07 -> 7; 3.5 * 2 pi / 2.85 = 7.72 -> 8
        assertArrayEquals(new int[] {7, 7, 7}, DftCostModel.mesh(Lattice.cubic(3.62), 3.5));
        assertArrayEquals(new int[] {8, 8, 8}, DftCostModel.mesh(Lattice.cubic(2.85), 3.5));
        assertArrayEquals(new int[] {4, 7, 7}, DftCostModel.mesh(Lattice.orthorhombic(7.24, 3.62, 3.62), 3.5));
    }

    @Test
    void priorReproducesTheMeasuredCellsWithinAFactorOfTwo() {
        DftCostModel m = DftCostModel.prior();
        // measured (CI, GPAW 22.8, test preset): Ni3Al 170 s spin-polarised; NiAl 67 s
        double ni3al = m.seconds(Prototype.FCC.conventionalCell(3.62), 4, 400, 3.5, true, 0);
        double nial = m.seconds(Prototype.BCC.conventionalCell(2.85), 2, 400, 3.5, true, 0);
        assertEquals(0, Math.log(ni3al / 170) / Math.log(2), 1.0, "Ni3Al " + ni3al);
        assertEquals(0, Math.log(nial / 67) / Math.log(2), 1.0, "NiAl " + nial);
        // calibrating to a measurement reproduces it
        DftCostModel c = m.calibrated(Prototype.FCC.conventionalCell(3.62), 4, 400, 3.5, true, 0, 170);
        assertEquals(170, c.seconds(Prototype.FCC.conventionalCell(3.62), 4, 400, 3.5, true, 0), 1e-9);
        // seven E(V) points add 7/3 of the relaxation
        assertEquals(170 * (1 + 7.0 / 3), c.seconds(Prototype.FCC.conventionalCell(3.62), 4, 400, 3.5, true, 7),
                1e-9);
    }
}
