package org.matscreen.core.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.error.InvalidInputException;

class SupercellBuilderTest {

    @Test
    void exactCompositionGetsExactCounts() {
        StructureRecipe r = StructureRecipe.random(Prototype.FCC, new Supercell(5, 3, 3), 0);
        var b = SupercellBuilder.build(Composition.parse("Cu0.95Ni0.05"), r, 3.6, 42);
        assertEquals(180, b.structure().siteCount());
        assertArrayEquals(new int[] {171, 9}, b.structure().speciesCounts());
        assertEquals(0, b.counts().maxFractionError(), 1e-15);
        // fcc conventional volume a^3 with 4 atoms, repeated 45 times
        assertEquals(45 * 3.6 * 3.6 * 3.6, b.structure().lattice().volume(), 1e-9);
    }

    @Test
    void sameSeedSameCellOtherSeedOtherCell() {
        StructureRecipe r = StructureRecipe.random(Prototype.BCC, new Supercell(3, 3, 3), 0);
        Composition c = Composition.parse("FeCr");
        var a = SupercellBuilder.build(c, r, 2.87, 7).structure();
        var b = SupercellBuilder.build(c, r, 2.87, 7).structure();
        var d = SupercellBuilder.build(c, r, 2.87, 8).structure();
        assertEquals(a, b);
        assertNotEquals(a, d);
    }

    @Test
    void largestRemainderRoundingByHand() {
        // 108 sites, Cu0.95Ni0.05: exact 102.6 / 5.4 -> floors 102 / 5, one atom left, largest remainder 0.6 (Cu).
        AtomCounts c = AtomCounts.of(Composition.parse("Cu0.95Ni0.05"), 108);
        assertArrayEquals(new int[] {103, 5}, c.counts());
        assertEquals(Math.abs(5.0 / 108 - 0.05), c.maxFractionError(), 1e-15);
        // three-way tie of remainders 1/3 for 4 sites: alphabetical order decides.
        AtomCounts t = AtomCounts.of(Composition.parse("CoCrFe"), 4);
        assertArrayEquals(new int[] {2, 1, 1}, t.counts());
    }

    @Test
    void cellThatCannotHoldTheCompositionIsRejectedWithTheNumbers() {
        StructureRecipe r = StructureRecipe.random(Prototype.FCC, new Supercell(3, 3, 3), 0.001);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SupercellBuilder.build(Composition.parse("Cu0.95Ni0.05"), r, 3.6, 1));
        assertTrue(e.getMessage().contains("108 sites"), e.getMessage());
        // 0.05 × 108 = 5.4 → 5 Ni atoms: 5/108 = 0.0463, off by 0.0037 (hand calculation)
        assertTrue(e.getMessage().contains("[103, 5] miss a fraction by 0.003704"), e.getMessage());
        // an element present in the composition must get an atom, and the message says which one did not
        StructureRecipe tiny = StructureRecipe.random(Prototype.BCC, new Supercell(1, 1, 1), 0.49);
        InvalidInputException absent = assertThrows(InvalidInputException.class,
                () -> SupercellBuilder.build(Composition.parse("Cu0.9Ni0.05Al0.05"), tiny, 3, 1));
        assertTrue(absent.getMessage().contains("leave out Al, Ni"), absent.getMessage());
    }

    @Test
    void hcpCellHasIdealNearestNeighbours() {
        StructureRecipe r = StructureRecipe.random(Prototype.HCP, new Supercell(3, 2, 2), 0);
        var s = SupercellBuilder.build(Composition.parse("Ti"), r, 2.95, 1).structure();
        NeighbourShells shells = NeighbourShells.of(s.lattice(), s.fractionalCoordinates(), 1);
        assertEquals(12, shells.coordination(0));
        assertEquals(2.95, shells.radius(0), 1e-9);
    }

    @Test
    void fccShellsHaveTextbookCoordination() {
        StructureRecipe r = StructureRecipe.random(Prototype.FCC, new Supercell(3, 3, 3), 0);
        var s = SupercellBuilder.build(Composition.parse("Cu"), r, 4.0, 1).structure();
        NeighbourShells shells = NeighbourShells.of(s.lattice(), s.fractionalCoordinates(), 3);
        assertEquals(12, shells.coordination(0));
        assertEquals(6, shells.coordination(1));
        assertEquals(24, shells.coordination(2));
        assertEquals(4.0 / Math.sqrt(2), shells.radius(0), 1e-9);
        assertEquals(4.0, shells.radius(1), 1e-9);
    }

    @Test
    void sqsDrivesShortRangeOrderTowardsZero() {
        Composition c = Composition.parse("CoCrFeNi");
        StructureRecipe random = StructureRecipe.random(Prototype.FCC, new Supercell(4, 4, 4), 0);
        StructureRecipe sqs = new StructureRecipe(Prototype.FCC, new Supercell(4, 4, 4), SiteOrdering.SQS, 0, 2, 30);
        var rnd = SupercellBuilder.build(c, random, 3.6, 11).structure();
        var opt = SupercellBuilder.build(c, sqs, 3.6, 11);
        NeighbourShells shells = NeighbourShells.of(rnd.lattice(), rnd.fractionalCoordinates(), 2);
        double before = WarrenCowley.objective(WarrenCowley.parameters(shells, rnd.siteSpecies(), 4));
        double after = WarrenCowley.objective(opt.warrenCowley());
        // the recorded parameters are those of the returned cell
        double recomputed = WarrenCowley.objective(WarrenCowley.parameters(shells, opt.structure().siteSpecies(), 4));
        assertEquals(recomputed, after, 1e-12);
        assertTrue(after < before / 10, "SQS objective " + after + " vs random " + before);
        assertArrayEquals(rnd.speciesCounts(), opt.structure().speciesCounts());
    }

    @Test
    void warrenCowleyOfOrderedL12IsKnown() {
        // Cu3Au (L1_2): Au at the cube corner, Cu on the faces. Every Au has 12 Cu first neighbours:
        // alpha_AuAu(1) = 1 - 0/0.25 = 1; alpha_AuCu(1) = 1 - 1/0.75 = -1/3.
        Lattice l = Lattice.cubic(3.75);
        double[] f = {0, 0, 0, 0.5, 0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0.5};
        int[] sp = {0, 1, 1, 1}; // species list [Au, Cu]
        NeighbourShells shells = NeighbourShells.of(l, f, 1);
        double[][][] a = WarrenCowley.parameters(shells, sp, 2);
        assertEquals(1.0, a[0][0][0], 1e-12);
        assertEquals(-1.0 / 3, a[0][0][1], 1e-12);
    }

    @Test
    void theCellListFindsTheSameShellsAsTheBruteForceSearch() {
        // 6x6x6 bcc: 432 sites, at least three bins per direction, so the binned path runs; 2x2x2 of the same
        // lattice is small enough for the brute-force path. Both must give the textbook 8 + 6 neighbours, and the
        // binned shells of the big cell must be the brute-force shells of the same sites.
        Lattice big = Prototype.BCC.conventionalCell(2.87).repeated(6, 6, 6);
        var built = SupercellBuilder.build(Composition.parse("Fe"), StructureRecipe.random(Prototype.BCC,
                new Supercell(6, 6, 6), 0), 2.87, 1).structure();
        NeighbourShells binned = NeighbourShells.of(big, built.fractionalCoordinates(), 2);
        assertEquals(8, binned.coordination(0));
        assertEquals(6, binned.coordination(1));
        for (int i = 0; i < built.siteCount(); i += 37) {
            assertEquals(8, binned.neighbours(0, i).length);
            assertEquals(6, binned.neighbours(1, i).length);
        }
        // a random alloy's Warren–Cowley parameters from the binned shells agree with a brute-force count
        var alloy = SupercellBuilder.build(Composition.parse("Cr0.25Fe0.75"), StructureRecipe.random(Prototype.BCC,
                new Supercell(6, 6, 6), 0), 2.87, 9);
        double[][][] alpha = alloy.warrenCowley();
        int[] sp = alloy.structure().siteSpecies();
        double[] cart = alloy.structure().cartesianCoordinates();
        double l = 6 * 2.87;
        double first = 2.87 * Math.sqrt(3) / 2;
        long crCr = 0;
        long crAll = 0;
        for (int i = 0; i < sp.length; i++) {
            if (sp[i] != 0) {
                continue; // species 0 is Cr (alphabetical)
            }
            for (int j = 0; j < sp.length; j++) {
                double d2 = 0;
                for (int k = 0; k < 3; k++) {
                    double d = cart[3 * j + k] - cart[3 * i + k];
                    d -= l * Math.rint(d / l);
                    d2 += d * d;
                }
                if (i != j && Math.abs(Math.sqrt(d2) - first) < 1e-6) {
                    crAll++;
                    crCr += sp[j] == 0 ? 1 : 0;
                }
            }
        }
        assertEquals(1 - (crCr / (double) crAll) / 0.25, alpha[0][0][0], 1e-12, "α(Cr-Cr) of the first shell");
    }

    @Test
    void shellsFoundOnceAndScaledGiveTheParametersOfADirectSearchAtEachLatticeParameter() {
        // The builder finds a geometry's shells once at a = 1 Angstrom and scales them; a direct search in each cell's
        // own lattice must give the same neighbour lists, so the same Warren-Cowley parameters, at every a and on
        // both search paths (5x3x3 fcc: brute force; 6x6x6 bcc: cell list).
        Object[][] cases = {{Prototype.FCC, new Supercell(5, 3, 3), "Cu0.7Ni0.3", new double[] {3.52, 3.6137, 4.05}},
                {Prototype.BCC, new Supercell(6, 6, 6), "Cr0.25Fe0.75", new double[] {2.87, 3.3}},
                {Prototype.HCP, new Supercell(3, 2, 2), "Ti0.5Zr0.5", new double[] {2.95, 3.23}}};
        for (Object[] k : cases) {
            StructureRecipe r = StructureRecipe.random((Prototype) k[0], (Supercell) k[1], 0);
            for (double a : (double[]) k[3]) {
                var built = SupercellBuilder.build(Composition.parse((String) k[2]), r, a, 11);
                Structure s = built.structure();
                NeighbourShells direct = NeighbourShells.of(s.lattice(), s.fractionalCoordinates(), r.sqsShells());
                double[][][] expected = WarrenCowley.parameters(direct, s.siteSpecies(), 2);
                double[][][] actual = built.warrenCowley();
                for (int sh = 0; sh < expected.length; sh++) {
                    for (int i = 0; i < 2; i++) {
                        assertArrayEquals(expected[sh][i], actual[sh][i], 1e-12, k[0] + " a=" + a + " shell " + sh);
                    }
                }
            }
        }
    }

    @Test
    void scaledShellsKeepTheirNeighboursAndScaleTheirRadii() {
        Structure unit = SupercellBuilder.build(Composition.parse("Cu"), StructureRecipe.random(Prototype.FCC,
                new Supercell(2, 2, 2), 0), 1.0, 1).structure();
        NeighbourShells atOne = NeighbourShells.of(unit.lattice(), unit.fractionalCoordinates(), 2);
        NeighbourShells atA = atOne.scaled(3.615);
        assertEquals(3.615 / Math.sqrt(2), atA.radius(0), 1e-12); // fcc: a/sqrt(2), then a
        assertEquals(3.615, atA.radius(1), 1e-12);
        assertArrayEquals(atOne.neighbours(0, 5), atA.neighbours(0, 5));
        assertThrows(IllegalArgumentException.class, () -> atOne.scaled(0));
    }
}
