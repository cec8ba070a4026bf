package org.matscreen.core.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Cell-level strain and atom-level shares against hand-built cells with known answers. */
class StructureIdentityTest {
    static final Supercell SC = new Supercell(3, 3, 3);

    static int[] classes(int n, int... headCodes) {
        int[] c = new int[n];
        Arrays.fill(c, LocalStructure.FCC.code());
        System.arraycopy(headCodes, 0, c, 0, headCodes.length);
        return c;
    }

    @Test
    void anIdealFccCellIsFccWithNoStrain() {
        Lattice l = Prototype.FCC.conventionalCell(3.6).repeated(3, 3, 3);
        StructureIdentity id = StructureIdentity.of(Prototype.FCC, SC, l, classes(108));
        assertEquals("fcc", id.structureAfter());
        assertEquals(1.0, id.fccFraction(), 1e-12);
        assertEquals(1.0, id.cOverA(), 1e-12);
        assertEquals(0, id.shapeStrain(), 1e-12);
        assertTrue(id.retained());
    }

    @Test
    void theBainPathEndsAtShapeStrainRootTwoMinusOne() {
        // bcc reached from fcc along the Bain path at constant volume: edges a·2^(1/6), a·2^(1/6), a·2^(1/6)/√2
        double a = 3.6;
        double e = a * Math.pow(2, 1.0 / 6);
        Lattice l = Lattice.orthorhombic(3 * e, 3 * e, 3 * e / Math.sqrt(2));
        assertEquals(Prototype.FCC.conventionalCell(a).repeated(3, 3, 3).volume(), l.volume(), 1e-9);
        int[] bcc = new int[108];
        Arrays.fill(bcc, LocalStructure.BCC.code());
        StructureIdentity id = StructureIdentity.of(Prototype.FCC, SC, l, bcc);
        assertEquals(1 / Math.sqrt(2), id.cOverA(), 1e-12, "the Bain ratio of bcc in the fcc setting");
        assertEquals(Math.sqrt(2) - 1, id.shapeStrain(), 1e-12);
        assertEquals("bcc", id.structureAfter());
        assertFalse(id.retained());
        // fcc atoms in a Bain-strained cell still fail at the cell level
        assertFalse(StructureIdentity.of(Prototype.FCC, SC, l, classes(108)).retained());
    }

    @Test
    void strainIsIndependentOfTheCellsOrientation() {
        // stretches 1.01, 1, 1/1.01², then the whole cell rotated by 30° about z (rows are cell vectors)
        double a = 3.6 * 3;
        double c = Math.cos(Math.toRadians(30));
        double s = Math.sin(Math.toRadians(30));
        double ax = a * 1.01;
        Lattice rotated = Lattice.of(ax * c, ax * s, 0, -a * s, a * c, 0, 0, 0, a / 1.01 / 1.01);
        StructureIdentity id = StructureIdentity.of(Prototype.FCC, SC, rotated, classes(108));
        assertEquals(1.01 * 1.01 * 1.01 - 1, id.shapeStrain(), 1e-9, "largest over smallest stretch: 1.01³");
        assertTrue(id.retained(), "3 % is within the 5 % threshold");
        Lattice moreStrained = Lattice.of(a * 1.02 * c, a * 1.02 * s, 0, -a * s, a * c, 0, 0, 0, a / 1.02 / 1.02);
        assertFalse(StructureIdentity.of(Prototype.FCC, SC, moreStrained, classes(108)).retained(), "6.1 %");
    }

    @Test
    void hcpKeepsItsOwnCOverAAndFailsFarFromIdeal() {
        Supercell sc = new Supercell(3, 2, 2);
        for (double q : new double[] {1.58, 1.633, 1.68}) {
            Lattice l = Lattice.orthorhombic(3 * 2.95, 2 * Math.sqrt(3) * 2.95, 2 * q * 2.95);
            int[] hcp = new int[48];
            Arrays.fill(hcp, LocalStructure.HCP.code());
            StructureIdentity id = StructureIdentity.of(Prototype.HCP, sc, l, hcp);
            assertEquals(q, id.cOverA(), 1e-12);
            assertEquals(0, id.shapeStrain(), 1e-12, "the ideal cell has the cell's own c/a");
            assertTrue(id.retained(), "c/a " + q);
        }
        Lattice squashed = Lattice.orthorhombic(3 * 2.95, 2 * Math.sqrt(3) * 2.95, 2 * 1.35 * 2.95);
        int[] hcp = new int[48];
        Arrays.fill(hcp, LocalStructure.HCP.code());
        assertFalse(StructureIdentity.of(Prototype.HCP, sc, squashed, hcp).retained(), "c/a 1.35: 17 % off");
    }

    @Test
    void atomSharesNameTheStructureByTheDocumentedThresholds() {
        Lattice l = Prototype.FCC.conventionalCell(3.6).repeated(3, 3, 3);
        int o = LocalStructure.OTHER.code();
        int h = LocalStructure.HCP.code();
        int[] tenOther = classes(100, o, o, o, o, o, o, o, o, o, o);
        assertEquals("fcc", StructureIdentity.of(Prototype.FCC, SC, l, tenOther).structureAfter(), "90 % is fcc");
        int[] elevenOther = classes(100, o, o, o, o, o, o, o, o, o, o, o);
        StructureIdentity mixed = StructureIdentity.of(Prototype.FCC, SC, l, elevenOther);
        assertEquals("mixed", mixed.structureAfter(), "89 % fcc is not clean fcc");
        assertFalse(mixed.retained());
        int[] half = new int[100];
        Arrays.fill(half, 0, 50, h);
        Arrays.fill(half, 50, 100, LocalStructure.FCC.code());
        assertEquals("mixed", StructureIdentity.of(Prototype.FCC, SC, l, half).structureAfter(), "fcc + stacking");
        int[] mostlyOther = classes(100);
        Arrays.fill(mostlyOther, 0, 30, LocalStructure.ICOSAHEDRAL.code());
        Arrays.fill(mostlyOther, 30, 50, o);
        StructureIdentity other = StructureIdentity.of(Prototype.FCC, SC, l, mostlyOther);
        assertEquals("other", other.structureAfter(), "icosahedral counts as other");
        assertEquals(0.5, other.otherFraction(), 1e-12);
    }

    @Test
    void withoutLocalStructureOnlyTheCellIsKnown() {
        StructureIdentity id = StructureIdentity.of(Prototype.BCC, new Supercell(4, 4, 4),
                Prototype.BCC.conventionalCell(2.87).repeated(4, 4, 4), new int[0]);
        assertNull(id.structureAfter());
        assertNull(id.retained());
        assertEquals(0, id.shapeStrain(), 1e-12);
        assertTrue(Double.isNaN(id.fccFraction()));
    }

    @Test
    void theTwoPassCutoffsBracketEachStructuresShells() {
        // fcc at volume V: shells at 2^(1/6)·V^(1/3)/... : a = (4V)^(1/3), first shell a/√2, second a
        double fccA = Math.cbrt(4);
        double r = LocalStructure.FCC_CUTOFF_PER_VOLUME_ROOT;
        assertTrue(fccA / Math.sqrt(2) < r && r < fccA, "fcc pass: between the fcc first and second shells");
        double bccA = Math.cbrt(2);
        assertTrue(bccA * Math.sqrt(3) / 2 < r && bccA < r && r < bccA * Math.sqrt(2),
                "the fcc pass still sees the 8 + 6 bcc neighbours");
        double rb = LocalStructure.BCC_CUTOFF_PER_VOLUME_ROOT;
        assertTrue(bccA < rb && rb < bccA * Math.sqrt(2), "bcc pass: between the bcc second and third shells");
        assertEquals(LocalStructure.FCC.code(), LocalStructure.combine(1, 5));
        assertEquals(LocalStructure.BCC.code(), LocalStructure.combine(5, 3));
        assertEquals(LocalStructure.BCC.code(), LocalStructure.combine(3, 5));
        assertEquals(LocalStructure.OTHER.code(), LocalStructure.combine(5, 5), "LAMMPS' unknown (5) is other");
        assertEquals(LocalStructure.HCP.code(), LocalStructure.combine(2, 3));
    }
}
