package org.matscreen.repository.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.matscreen.core.structure.Lattice;
import org.matscreen.core.structure.Structure;

/** The exact text of each format for a small cell, written out by hand from the format descriptions. */
class WriterTextTest {
    private static final ExportInfo INFO = ExportInfo.of("cell-1").with("energy_per_atom_ev", -3.5)
            .with("campaign", "CuNi test").with("steps", 12);

    @Test
    void extendedXyzListsSitesInOrderWithCartesianPositionsAndKeysOnTheCommentLine() {
        String expected = """
                2
                Lattice="3.000000000000 0.000000000000 0.000000000000 0.000000000000 4.000000000000 0.000000000000 \
                0.000000000000 0.000000000000 5.000000000000" Properties=species:S:1:pos:R:3 id="cell-1" \
                energy_per_atom_ev=-3.5 campaign="CuNi test" steps=12 pbc="T T T"
                Ni       1.500000000000      2.000000000000      2.500000000000
                Cu       0.000000000000      0.000000000000      1.250000000000
                """;
        assertEquals(expected, new ExtxyzWriter().toText(TestStructures.smallCuNi(), INFO));
    }

    @Test
    void extendedXyzWritesTheTotalEnergyUnderAsesEnergyKey() {
        String line = new ExtxyzWriter().toText(TestStructures.smallCuNi(), ExportInfo.of("cell-1")
                .with("energy_per_atom_ev", -3.5).with(RecordExport.ENERGY_KEY, -7.0)).lines().skip(1).findFirst()
                .orElseThrow();
        assertTrue(line.contains(" energy_per_atom_ev=-3.5 energy=-7.0 pbc="), line);
        assertTrue(!line.contains("energy_ev"), line);
    }

    @Test
    void poscarGroupsSitesBySpeciesAlphabeticallyInDirectCoordinates() {
        String expected = """
                cell-1 energy_per_atom_ev=-3.5 campaign="CuNi test" steps=12
                1.0
                      3.000000000000      0.000000000000      0.000000000000
                      0.000000000000      4.000000000000      0.000000000000
                      0.000000000000      0.000000000000      5.000000000000
                    Cu    Ni
                     1     1
                Direct
                  0.00000000000000  0.00000000000000  0.25000000000000 Cu
                  0.50000000000000  0.50000000000000  0.50000000000000 Ni
                """;
        assertEquals(expected, new PoscarWriter().toText(TestStructures.smallCuNi(), INFO));
    }

    @Test
    void cifIsP1WithCellParametersTagsAndSitesInOrder() {
        String expected = """
                #\\#CIF_1.1
                data_cell-1
                _symmetry_space_group_name_H-M 'P 1'
                _symmetry_Int_Tables_number 1
                _cell_length_a 3.000000000000
                _cell_length_b 4.000000000000
                _cell_length_c 5.000000000000
                _cell_angle_alpha 90.000000000000
                _cell_angle_beta 90.000000000000
                _cell_angle_gamma 90.000000000000
                _cell_volume 60.000000000000
                _chemical_formula_structural CuNi
                _chemical_formula_sum 'Cu Ni'
                _matscreen_id 'cell-1'
                _matscreen_energy_per_atom_ev -3.5
                _matscreen_campaign 'CuNi test'
                _matscreen_steps 12
                loop_
                 _symmetry_equiv_pos_site_id
                 _symmetry_equiv_pos_as_xyz
                  1  'x, y, z'
                loop_
                 _atom_site_type_symbol
                 _atom_site_label
                 _atom_site_symmetry_multiplicity
                 _atom_site_fract_x
                 _atom_site_fract_y
                 _atom_site_fract_z
                 _atom_site_occupancy
                  Ni Ni1     1  0.50000000000000  0.50000000000000  0.50000000000000  1
                  Cu Cu1     1  0.00000000000000  0.00000000000000  0.25000000000000  1
                """;
        assertEquals(expected, new CifWriter().toText(TestStructures.smallCuNi(), INFO));
    }

    @Test
    void cifCellOfATiltedLatticeIsGivenByLengthsAndAngles() {
        // a = (2, 0, 0), b = (0, 2, 0), c = (0, 1, 1): |c| = √2, alpha = angle(b, c) = 45°, beta = gamma = 90°.
        Structure s = new Structure(Lattice.of(2, 0, 0, 0, 2, 0, 0, 1, 1), List.of("Fe"), new int[] {0},
                new double[] {0, 0, 0});
        String cif = new CifWriter().toText(s, ExportInfo.of("tilted"));
        assertTrue(cif.contains("\n_cell_length_c 1.414213562373\n"), cif);
        assertTrue(cif.contains("\n_cell_angle_alpha 45.000000000000\n"), cif);
        assertTrue(cif.contains("\n_cell_angle_beta 90.000000000000\n"), cif);
        assertTrue(cif.contains("\n_cell_volume 4.000000000000\n"), cif);
        assertTrue(cif.contains("\n_chemical_formula_sum 'Fe'\n"), cif);
    }

    @Test
    void cifQuotesTextSoThatQuotesInsideDoNotEndIt() {
        assertEquals("'plain text'", CifWriter.quoted("plain text"));
        assertEquals("\"it's\"", CifWriter.quoted("it's"));
        assertEquals("\n;it's \"both\"\n;", CifWriter.quoted("it's \"both\""));
        String cif = new CifWriter().toText(TestStructures.smallCuNi(), ExportInfo.of("q").with("note", "it's \"x\""));
        assertTrue(cif.contains("\n_matscreen_note\n;it's \"x\"\n;\n"), cif);
    }

    @Test
    void cifBlockNameKeepsSafeCharactersAndFitsTheCifLimit() {
        assertEquals("CoCrFeNi_fcc_5x3x3-0.1", CifWriter.blockName("CoCrFeNi fcc/5x3x3-0.1"));
        assertEquals(CifWriter.MAX_BLOCK_NAME, CifWriter.blockName("x".repeat(200)).length());
        String cif = new CifWriter().toText(TestStructures.smallCuNi(), ExportInfo.of("a b"));
        assertTrue(cif.contains("\ndata_a_b\n") && cif.contains("\n_matscreen_id 'a b'\n"), cif);
    }

    @Test
    void cifFormulaSumIsInHillOrder() {
        Structure organic = new Structure(Lattice.cubic(10), List.of("Ag", "C", "H", "O"), new int[] {3, 2, 1, 2, 0, 1},
                new double[18]);
        assertEquals("C2 H2 Ag O", CifWriter.formulaSum(organic));
        Structure hydride = new Structure(Lattice.cubic(10), List.of("H", "Pd"), new int[] {1, 0, 0},
                new double[9]);
        assertEquals("H2 Pd", CifWriter.formulaSum(hydride));
    }

    @Test
    void poscarLeavesOutSpeciesWithoutSites() {
        Structure s = new Structure(Lattice.cubic(3), List.of("Al", "Cu", "Ni"), new int[] {2, 0},
                new double[] {0, 0, 0, 0.5, 0.5, 0.5});
        String[] lines = new PoscarWriter().toText(s, ExportInfo.of("gap")).split("\n");
        assertEquals("    Al    Ni", lines[5]);
        assertEquals("     1     1", lines[6]);
    }

    @Test
    void poscarRejectsAnEmptyCell() {
        Structure empty = new Structure(Lattice.cubic(3), List.of("Al"), new int[0], new double[0]);
        assertThrows(IllegalArgumentException.class, () -> new PoscarWriter().toText(empty, ExportInfo.of("none")));
    }

    @Test
    void extendedXyzEscapesQuotesAndBackslashesInText() {
        String xyz = new ExtxyzWriter().toText(TestStructures.smallCuNi(),
                ExportInfo.of("say \"hi\"").with("path", "C:\\runs"));
        assertTrue(xyz.contains(" id=\"say \\\"hi\\\"\" path=\"C:\\\\runs\" pbc="), xyz);
    }

    @Test
    void numbersKeepTheirPrecisionAndNeverShowNegativeZero() {
        assertEquals("0.000000000000", NumberText.fixed(-1e-17, 12));
        assertEquals("-0.000000000001", NumberText.fixed(-1e-12, 12));
        assertEquals("0.33333333333333", NumberText.fixed(1.0 / 3, 14));
        assertEquals("   1.5", NumberText.fixed(1.5, 1, 6));
        assertEquals(" 123456.5", NumberText.fixed(123456.5, 1, 6)); // too wide: still separated
        assertEquals("-3.5", NumberText.metadataValue(-3.5));
        assertEquals("1.0E-9", NumberText.metadataValue(1e-9));
        assertEquals("12", NumberText.metadataValue(12L));
    }

    @Test
    void extensionsAreTheOnesReadersRecognise() {
        assertEquals("cif", ExportFormat.CIF.writer().extension());
        assertEquals("vasp", ExportFormat.POSCAR.writer().extension());
        assertEquals("xyz", ExportFormat.EXTXYZ.writer().extension());
    }
}
