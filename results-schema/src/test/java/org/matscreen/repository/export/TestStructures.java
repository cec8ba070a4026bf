package org.matscreen.repository.export;

import java.util.List;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.structure.Lattice;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.Structure;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.structure.Supercell;
import org.matscreen.core.structure.SupercellBuilder;

/** Structures the export tests write: each chosen to break a different assumption a writer might make. */
final class TestStructures {
    private TestStructures() {}

    /**
     * Orthorhombic 3 × 4 × 5 Å cell with Ni listed before Cu, so POSCAR must reorder; small enough to write the
     * expected text of every format by hand.
     */
    static Structure smallCuNi() {
        return new Structure(Lattice.orthorhombic(3, 4, 5), List.of("Cu", "Ni"), new int[] {1, 0},
                new double[] {0.5, 0.5, 0.5, 0, 0, 0.25});
    }

    /** The kind of cell screening produces: fcc Cu–Ni, 2×2×2 conventional cells (32 sites), random ordering. */
    static Structure fccRandomBinary() {
        StructureRecipe recipe = StructureRecipe.random(Prototype.FCC, new Supercell(2, 2, 2), 0.0);
        return SupercellBuilder.build(Composition.parse("Cu0.5Ni0.5"), recipe, 3.6, 42L).structure();
    }

    /**
     * Hexagonal Ti–Zr hcp in the primitive 2-atom setting (γ = 120°, so b has a negative x component), repeated
     * 2×2×1, with the two species interleaved out of alphabetical order.
     */
    static Structure hcpTiZr() {
        double a = 2.95;
        double c = 4.68;
        Lattice primitive = Lattice.of(a, 0, 0, -a / 2, a * Math.sqrt(3) / 2, 0, 0, 0, c);
        double[][] basis = {{1.0 / 3, 2.0 / 3, 0.25}, {2.0 / 3, 1.0 / 3, 0.75}};
        double[] fractional = new double[3 * 8];
        int k = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (double[] b : basis) {
                    fractional[k++] = (i + b[0]) / 2;
                    fractional[k++] = (j + b[1]) / 2;
                    fractional[k++] = b[2];
                }
            }
        }
        int[] species = {1, 0, 0, 1, 1, 1, 0, 0}; // Zr, Ti, Ti, Zr, ...
        return new Structure(primitive.repeated(2, 2, 1), List.of("Ti", "Zr"), species, fractional);
    }

    /**
     * A strained triclinic cell: every lattice vector tilted, no angle at 90°, four species, coordinates with many
     * digits and some outside [0, 1) (which readers may wrap).
     */
    static Structure triclinicStrained() {
        Lattice lattice = Lattice.of(3.9123456789, 0.1234567891, -0.0712345678, 0.3512345678, 4.0212345679,
                0.0912345678, -0.2112345678, 0.4412345678, 5.1312345678);
        double[] fractional = {
            0.1234567890123, 0.9876543210987, -0.0312345678901,
            1.2000000000001, 0.5, 0.25,
            0.3333333333333, 0.6666666666667, 0.9999999999,
            0.7071067811865, 0.1414213562373, 0.5772156649015,
            0.0, 0.0, 0.0,
            0.4999999999999, 0.0000000001, 0.8660254037844
        };
        int[] species = {3, 1, 0, 2, 1, 3}; // Ni, Cr, Co, Fe, Cr, Ni
        return new Structure(lattice, List.of("Co", "Cr", "Fe", "Ni"), species, fractional);
    }
}
