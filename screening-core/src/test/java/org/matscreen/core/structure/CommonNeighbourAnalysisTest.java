package org.matscreen.core.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The signatures of the perfect lattices (Honeycutt & Andersen 1987), including cells smaller than a neighbour shell. */
class CommonNeighbourAnalysisTest {

    static Structure perfect(Prototype p, double a, int na, int nb, int nc) {
        Lattice cell = p.conventionalCell(a);
        double[][] basis = p.basis();
        int n = basis.length * na * nb * nc;
        double[] frac = new double[3 * n];
        int k = 0;
        for (int i = 0; i < na; i++) {
            for (int j = 0; j < nb; j++) {
                for (int l = 0; l < nc; l++) {
                    for (double[] b : basis) {
                        frac[k++] = (b[0] + i) / na;
                        frac[k++] = (b[1] + j) / nb;
                        frac[k++] = (b[2] + l) / nc;
                    }
                }
            }
        }
        return new Structure(cell.repeated(na, nb, nc), List.of("Ni"), new int[n], frac);
    }

    private static int[] all(int n, LocalStructure s) {
        int[] out = new int[n];
        Arrays.fill(out, s.code());
        return out;
    }

    @Test
    void perfectLatticesHaveTheirSignatureOnEveryAtom() {
        // the conventional cells alone (4, 2 and 4 sites): every neighbour is a periodic image
        assertArrayEquals(all(4, LocalStructure.FCC), CommonNeighbourAnalysis.classify(perfect(Prototype.FCC, 3.52, 1,
                1, 1)));
        assertArrayEquals(all(2, LocalStructure.BCC), CommonNeighbourAnalysis.classify(perfect(Prototype.BCC, 2.87, 1,
                1, 1)));
        assertArrayEquals(all(4, LocalStructure.HCP), CommonNeighbourAnalysis.classify(perfect(Prototype.HCP, 2.95, 1,
                1, 1)));
        assertArrayEquals(all(32, LocalStructure.FCC), CommonNeighbourAnalysis.classify(perfect(Prototype.FCC, 3.61, 2,
                2, 2)));
        assertArrayEquals(all(16, LocalStructure.BCC), CommonNeighbourAnalysis.classify(perfect(Prototype.BCC, 3.30, 2,
                2, 2)));
    }

    @Test
    void aBainStrainedCellIsNoLongerFcc() {
        // fcc compressed along c by the Bain ratio becomes bcc (c/a = 1/sqrt 2 of the fcc cell's edges)
        Structure fcc = perfect(Prototype.FCC, 3.6, 1, 1, 1);
        double a = 3.6 * Math.cbrt(Math.sqrt(2));
        Structure bain = fcc.withLattice(Lattice.orthorhombic(a, a, a / Math.sqrt(2)));
        int[] classes = CommonNeighbourAnalysis.classify(bain);
        assertArrayEquals(all(4, LocalStructure.BCC), classes, "the Bain path ends in bcc");
        assertEquals(4, classes.length);
        // CNA is topological: a 14 % shear keeps every fcc neighbour inside the cut-off and the second shell out
        Structure sheared = fcc.withLattice(Lattice.of(3.6, 0, 0, 0.5, 3.6, 0, 0, 0, 3.6));
        assertArrayEquals(all(4, LocalStructure.FCC), CommonNeighbourAnalysis.classify(sheared));
        // an atom pushed 0.9 Å towards a neighbour has another neighbourhood; so do the atoms around it
        Structure big = perfect(Prototype.FCC, 3.6, 2, 2, 2);
        double[] f = big.fractionalCoordinates();
        f[0] += 0.9 / 7.2;
        f[1] += 0.9 / 7.2;
        int[] c = CommonNeighbourAnalysis.classify(big.withFractionalCoordinates(f));
        assertNotEquals(LocalStructure.FCC.code(), c[0]);
        long stay = Arrays.stream(c).filter(x -> x == LocalStructure.FCC.code()).count();
        assertEquals(true, stay >= 16 && stay < 32, stay + " of 32 atoms stay fcc: those far from it");
    }
}
