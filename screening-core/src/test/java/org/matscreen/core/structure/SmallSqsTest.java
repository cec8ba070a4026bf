package org.matscreen.core.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.error.InvalidInputException;

class SmallSqsTest {

    @Test
    void smallestExactCellIsChosen() {
        // fcc: 4 atoms per cube, so 8, 12, 16 sites. CuNi fits 8; Cu2NiAl (¼ steps) fits 8; CuNiAl (⅓) needs 12.
        assertEquals(8, SmallSqs.recipe(Composition.parse("CuNi"), Prototype.FCC, 8, 16, 2, 50).sites());
        assertEquals(8, SmallSqs.recipe(Composition.parse("Cu2NiAl"), Prototype.FCC, 8, 16, 2, 50).sites());
        StructureRecipe ternary = SmallSqs.recipe(Composition.parse("CuNiAl"), Prototype.FCC, 8, 16, 2, 50);
        assertEquals(12, ternary.sites());
        assertEquals(new Supercell(1, 1, 3), ternary.supercell()); // ties of compactness: first found
        assertEquals(SiteOrdering.SQS, ternary.ordering());
        assertEquals(0.0, ternary.compositionTolerance());
        // bcc: 2 atoms per cube; Fe0.2Cr0.8 (⅕ steps) needs 10 sites, the 1x1x5 cell
        assertEquals(new Supercell(1, 1, 5),
                SmallSqs.recipe(Composition.parse("Fe0.2Cr0.8"), Prototype.BCC, 8, 16, 2, 50).supercell());
        // a larger minimum asks for a bigger cell: 16 sites as the compact 1x2x2 (fcc) cell
        assertEquals(new Supercell(1, 2, 2),
                SmallSqs.recipe(Composition.parse("CuNi"), Prototype.FCC, 16, 16, 2, 50).supercell());
    }

    @Test
    void builtCellHoldsTheCompositionExactly() {
        var b = SmallSqs.build(Composition.parse("CoCrFeNi"), Prototype.FCC, 16, 16, 2, 200, 3.57, 11);
        assertEquals(16, b.structure().siteCount());
        assertArrayEquals(new int[] {4, 4, 4, 4}, b.structure().speciesCounts());
        assertEquals(0.0, b.counts().maxFractionError(), 0.0);
        NeighbourShells shells = NeighbourShells.of(b.structure().lattice(), b.structure().fractionalCoordinates(), 1);
        assertEquals(3.57 / Math.sqrt(2), shells.radius(0), 1e-12);
        assertEquals(12, shells.coordination(0));
    }

    @Test
    void compositionNoSmallCellHoldsIsRejected() {
        // fcc 8..16 sites cannot hold fifths (needs 20), and the message says what was tried
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SmallSqs.recipe(Composition.parse("Cu0.2Ni0.8"), Prototype.FCC, 8, 16, 2, 50));
        assertTrue(e.getMessage().contains("no diagonal fcc supercell of 8 to 16 sites holds Cu0.2Ni0.8 exactly"),
                e.getMessage());
        // 0.35 needs 20 sites
        assertThrows(InvalidInputException.class,
                () -> SmallSqs.recipe(Composition.parse("Cu0.35Ni0.65"), Prototype.BCC, 8, 16, 2, 50));
    }

    @Test
    void searchReachesTheExhaustiveOptimumOfA12SiteBinary() {
        // fcc 1x1x3, Cu6Ni6: C(12, 6) = 924 decorations, few enough to enumerate. The SQS search must find the
        // smallest Σα² over the first two shells that any decoration has (the enumeration is the reference).
        Composition c = Composition.parse("CuNi");
        StructureRecipe r = SmallSqs.recipe(c, Prototype.FCC, 12, 12, 2, 400);
        Structure s = SupercellBuilder.build(c, r, 3.6, 5).structure();
        NeighbourShells shells = NeighbourShells.of(s.lattice(), s.fractionalCoordinates(), 2);
        double best = Double.MAX_VALUE;
        for (int mask = 0; mask < 1 << 12; mask++) {
            if (Integer.bitCount(mask) != 6) {
                continue;
            }
            int[] species = new int[12];
            for (int i = 0; i < 12; i++) {
                species[i] = (mask >> i) & 1;
            }
            best = Math.min(best, WarrenCowley.objective(WarrenCowley.parameters(shells, species, 2)));
        }
        double reached = WarrenCowley.objective(WarrenCowley.parameters(shells, s.siteSpecies(), 2));
        assertEquals(best, reached, 1e-12);
        assertArrayEquals(new int[] {6, 6}, s.speciesCounts());
    }
}
