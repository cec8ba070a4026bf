package org.matscreen.core.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.structure.OrderedPrototype.Setting;

class OrderedPrototypeTest {

    @Test
    void siteCountsOfBothSettings() {
        assertEquals(4, OrderedPrototype.L1_2.sites(Setting.CONVENTIONAL));
        assertEquals(4, OrderedPrototype.L1_2.sites(Setting.PRIMITIVE));
        assertEquals(4, OrderedPrototype.L1_0.sites(Setting.CONVENTIONAL));
        assertEquals(2, OrderedPrototype.L1_0.sites(Setting.PRIMITIVE));
        assertEquals(2, OrderedPrototype.B2.sites(Setting.CONVENTIONAL));
        assertEquals(2, OrderedPrototype.B2.sites(Setting.PRIMITIVE));
        assertEquals(16, OrderedPrototype.D0_3.sites(Setting.CONVENTIONAL));
        assertEquals(4, OrderedPrototype.D0_3.sites(Setting.PRIMITIVE));
    }

    @Test
    void l12Ni3AlHasAlOnTheCornerSurroundedByTwelveNi() {
        Structure s = OrderedPrototype.L1_2.build(Composition.parse("Ni3Al"), 3.57, Setting.CONVENTIONAL);
        assertEquals(java.util.List.of("Al", "Ni"), s.speciesSymbols());
        assertArrayEquals(new int[] {1, 3}, s.speciesCounts());
        // sites of sublattice A (Ni, face centres) first, then B (Al, the corner)
        assertEquals("Al", s.speciesAt(3));
        assertArrayEquals(new double[] {0, 0, 0}, Arrays.copyOfRange(s.fractionalCoordinates(), 9, 12));
        NeighbourShells shells = NeighbourShells.of(s.lattice(), s.fractionalCoordinates(), 2);
        assertEquals(3.57 / Math.sqrt(2), shells.radius(0), 1e-12); // fcc nearest neighbours a/√2
        assertEquals(3.57, shells.radius(1), 1e-12);
        assertEquals(12, shells.coordination(0));
        assertEquals(12, countOf(s, shells.neighbours(0, 3), "Ni")); // Al has only Ni neighbours
        for (int site = 0; site < 3; site++) { // each Ni: 8 Ni + 4 Al
            assertEquals(8, countOf(s, shells.neighbours(0, site), "Ni"));
            assertEquals(4, countOf(s, shells.neighbours(0, site), "Al"));
        }
        // second shell (distance a): Al sees only Al, the simple-cubic corner sublattice
        assertEquals(6, countOf(s, shells.neighbours(1, 3), "Al"));
    }

    @Test
    void b2NiAlIsCsClWithEightUnlikeNeighbours() {
        double a = 2.887;
        Structure s = OrderedPrototype.B2.build(Composition.parse("NiAl"), a, Setting.CONVENTIONAL);
        assertArrayEquals(new int[] {1, 1}, s.speciesCounts());
        assertEquals("Al", s.speciesAt(0)); // equiatomic: alphabetically first element on A (the corner)
        NeighbourShells shells = NeighbourShells.of(s.lattice(), s.fractionalCoordinates(), 2);
        assertEquals(a * Math.sqrt(3) / 2, shells.radius(0), 1e-12);
        assertEquals(a, shells.radius(1), 1e-12);
        assertEquals(8, countOf(s, shells.neighbours(0, 0), "Ni"));
        assertEquals(8, countOf(s, shells.neighbours(0, 1), "Al"));
        assertEquals(6, countOf(s, shells.neighbours(1, 0), "Al"));
    }

    @Test
    void d03Fe3AlHasTheBiF3Environments() {
        double a = 5.79; // conventional D0₃ cube = 2 × bcc parameter
        Structure s = OrderedPrototype.D0_3.build(Composition.parse("Fe3Al"), a, Setting.CONVENTIONAL);
        assertArrayEquals(new int[] {4, 12}, s.speciesCounts());
        NeighbourShells shells = NeighbourShells.of(s.lattice(), s.fractionalCoordinates(), 2);
        assertEquals(a * Math.sqrt(3) / 4, shells.radius(0), 1e-12); // bcc nearest neighbours of a/2
        assertEquals(a / 2, shells.radius(1), 1e-12);
        double[] f = s.fractionalCoordinates();
        int alOn4a = 0;
        int feOn4b = 0;
        int feOn8c = 0;
        for (int i = 0; i < s.siteCount(); i++) {
            int[] nn = shells.neighbours(0, i);
            assertEquals(8, nn.length);
            boolean quarter = Math.abs(f[3 * i] % 0.5 - 0.25) < 1e-9; // 8c: coordinates ¼ or ¾
            if (s.speciesAt(i).equals("Al")) { // 4a: 8 Fe(8c) neighbours
                alOn4a++;
                assertEquals(8, countOf(s, nn, "Fe"));
            } else if (quarter) { // 8c: 4 Al + 4 Fe(4b)
                feOn8c++;
                assertEquals(4, countOf(s, nn, "Al"));
            } else { // 4b: 8 Fe(8c)
                feOn4b++;
                assertEquals(8, countOf(s, nn, "Fe"));
            }
        }
        assertArrayEquals(new int[] {4, 4, 8}, new int[] {alOn4a, feOn4b, feOn8c});
    }

    @Test
    void l10TetragonalCellKeepsItsAxialRatioAndLayers() {
        double a = 3.96;
        double cOverA = 0.93;
        Structure s = OrderedPrototype.L1_0.build(Composition.parse("CuAu"), a, cOverA, Setting.CONVENTIONAL);
        assertEquals(a * a * a * cOverA, s.lattice().volume(), 1e-9);
        NeighbourShells shells = NeighbourShells.of(s.lattice(), s.fractionalCoordinates(), 2);
        // c < a: the 8 out-of-plane neighbours at √(a²/4 + c²/4) are closer than the 4 in-plane ones at a/√2
        double outOfPlane = Math.sqrt(a * a / 4 + a * a * cOverA * cOverA / 4);
        assertEquals(outOfPlane, shells.radius(0), 1e-12);
        assertEquals(a / Math.sqrt(2), shells.radius(1), 1e-12);
        assertEquals(8, countOf(s, shells.neighbours(0, 0), "Cu")); // Au on A: unlike neighbours out of plane
        assertEquals(4, countOf(s, shells.neighbours(1, 0), "Au")); // like neighbours in plane
    }

    @Test
    void primitiveAndConventionalCellsAreTheSameCrystal() {
        Object[][] cases = {
            {OrderedPrototype.L1_2, "Ni3Al", 3.57, 1.0},
            {OrderedPrototype.L1_0, "CuAu", 3.96, 0.93},
            {OrderedPrototype.B2, "NiAl", 2.887, 1.0},
            {OrderedPrototype.D0_3, "Fe3Al", 5.79, 1.0},
        };
        for (Object[] c : cases) {
            OrderedPrototype p = (OrderedPrototype) c[0];
            Composition comp = Composition.parse((String) c[1]);
            double a = (double) c[2];
            double ca = (double) c[3];
            Structure conv = p.build(comp, a, ca, Setting.CONVENTIONAL);
            Structure prim = p.build(comp, a, ca, Setting.PRIMITIVE);
            assertEquals(conv.volumePerAtom(), prim.volumePerAtom(), 1e-9, p.key());
            assertEquals(conv.composition().reducedFormula(), prim.composition().reducedFormula(), p.key());
            NeighbourShells sc = NeighbourShells.of(conv.lattice(), conv.fractionalCoordinates(), 3);
            NeighbourShells sp = NeighbourShells.of(prim.lattice(), prim.fractionalCoordinates(), 3);
            for (int shell = 0; shell < 3; shell++) {
                assertEquals(sc.radius(shell), sp.radius(shell), 1e-9, p.key() + " shell " + shell);
                assertEquals(sc.coordination(shell), sp.coordination(shell), p.key() + " shell " + shell);
                // like-neighbour fraction per shell, averaged over the cell: a chemical fingerprint of the order
                assertEquals(likeFraction(conv, sc, shell), likeFraction(prim, sp, shell), 1e-12,
                        p.key() + " shell " + shell);
            }
        }
    }

    @Test
    void latticeParameterForVolumeByHand() {
        assertEquals(Math.cbrt(16 * 11.8), OrderedPrototype.D0_3.latticeParameterForVolume(11.8), 1e-12);
        assertEquals(Math.cbrt(2 * 12.0), OrderedPrototype.B2.latticeParameterForVolume(12.0), 1e-12);
        double a = OrderedPrototype.L1_2.latticeParameterForVolume(11.4);
        Structure s = OrderedPrototype.L1_2.build(Composition.parse("Ni3Al"), a, Setting.PRIMITIVE);
        assertEquals(11.4, s.volumePerAtom(), 1e-9);
    }

    @Test
    void compositionOtherThanTheStoichiometryIsRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> OrderedPrototype.L1_2.build(Composition.parse("CuNi"), 3.6, Setting.CONVENTIONAL));
        assertTrue(e.getMessage().contains("L1_2 (Cu3Au type) holds binary compositions A3B exactly"), e.getMessage());
        assertThrows(InvalidInputException.class,
                () -> OrderedPrototype.B2.build(Composition.parse("Ni0.51Al0.49"), 2.9, Setting.CONVENTIONAL));
        assertThrows(InvalidInputException.class,
                () -> OrderedPrototype.B2.build(Composition.parse("CoCrFe"), 2.9, Setting.CONVENTIONAL));
        assertThrows(IllegalArgumentException.class,
                () -> OrderedPrototype.B2.build(Composition.parse("NiAl"), 2.9, 1.1, Setting.CONVENTIONAL));
    }

    @Test
    void parsesKeysAndRejectsUnknownOnes() {
        assertEquals(OrderedPrototype.L1_2, OrderedPrototype.parse("L1_2", "c.yaml", "prototype"));
        assertEquals(OrderedPrototype.D0_3, OrderedPrototype.parse("d03", "c.yaml", "prototype"));
        assertEquals(OrderedPrototype.L1_0, OrderedPrototype.parse("l1-0", "c.yaml", "prototype"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> OrderedPrototype.parse("c15", "c.yaml", "tiers[1].prototype"));
        assertTrue(e.getMessage().startsWith("c.yaml: field 'tiers[1].prototype'"), e.getMessage());
    }

    private static int countOf(Structure s, int[] sites, String symbol) {
        return (int) Arrays.stream(sites).filter(j -> s.speciesAt(j).equals(symbol)).count();
    }

    private static double likeFraction(Structure s, NeighbourShells shells, int shell) {
        double like = 0;
        double all = 0;
        for (int i = 0; i < s.siteCount(); i++) {
            for (int j : shells.neighbours(shell, i)) {
                like += s.speciesAt(i).equals(s.speciesAt(j)) ? 1 : 0;
                all++;
            }
        }
        return like / all;
    }
}
