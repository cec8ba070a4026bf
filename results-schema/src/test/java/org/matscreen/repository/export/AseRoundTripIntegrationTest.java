package org.matscreen.repository.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.matscreen.core.structure.Structure;

/**
 * Every export format, written for structures of different symmetry and read back by ASE, a reader matscreen does not
 * control. ASE must recover the cell to 1e-8 Å, the species of every site and the fractional positions to 1e-8
 * (modulo 1, since readers may wrap them), and the metadata where the format holds it.
 */
@Tag("python")
@Tag("integration")
class AseRoundTripIntegrationTest {
    private static final double CELL_TOLERANCE_ANGSTROM = 1e-8;
    private static final double FRACTIONAL_TOLERANCE = 1e-8;

    private AseReader ase;

    @TempDir
    Path dir;

    @BeforeEach
    void findAse() {
        ase = AseReader.require();
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (ExportFormat format : ExportFormat.values()) {
            cases.add(Arguments.of(format, "fcc-2x2x2-CuNi", TestStructures.fccRandomBinary()));
            cases.add(Arguments.of(format, "hcp-TiZr", TestStructures.hcpTiZr()));
            cases.add(Arguments.of(format, "triclinic-CoCrFeNi", TestStructures.triclinicStrained()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void aseReadsBackCellSpeciesAndPositions(ExportFormat format, String id, Structure structure) throws IOException {
        ExportInfo info = ExportInfo.of(id).with("energy_per_atom_ev", -4.123456789012345)
                .with("campaign", "round trip 'ASE'").with("candidate_index", 7);
        Path file = dir.resolve(id + "." + format.writer().extension());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            format.writer().write(structure, info, out);
        }

        AseReader.Read read = ase.read(file, aseFormat(format));

        assertCell(expectedCell(format, structure), read.cell(), file);
        int[] order = expectedSiteOrder(format, structure);
        assertEquals(order.length, read.symbols().size(), "site count read from " + file);
        double[] fractional = structure.fractionalCoordinates();
        for (int j = 0; j < order.length; j++) {
            int site = order[j];
            assertEquals(structure.speciesAt(site), read.symbols().get(j), "species of site " + j + " in " + file);
            for (int k = 0; k < 3; k++) {
                double d = read.scaled()[j][k] - fractional[3 * site + k];
                d -= Math.rint(d); // equal modulo 1: readers may wrap into [0, 1)
                assertTrue(Math.abs(d) < FRACTIONAL_TOLERANCE, "fractional coordinate " + k + " of site " + j
                        + " in " + file + " off by " + d);
            }
        }
        assertArrayEquals(new boolean[] {true, true, true}, read.pbc(), "periodicity read from " + file);
        assertMetadata(format, read, id);
    }

    /** ASE's name of each format. */
    private static String aseFormat(ExportFormat format) {
        return switch (format) {
            case CIF -> "cif";
            case POSCAR -> "vasp";
            case EXTXYZ -> "extxyz";
        };
    }

    /**
     * POSCAR and extended XYZ keep the lattice vectors as written. CIF keeps only lengths and angles, from which
     * readers build the cell with a along x and b in the xy-plane: the lower-triangular form that
     * {@code Lattice.toLammpsForm()} gives, computed here independently of the writer.
     */
    private static double[][] expectedCell(ExportFormat format, Structure structure) {
        if (format != ExportFormat.CIF) {
            double[] m = structure.lattice().rowMajor();
            return new double[][] {{m[0], m[1], m[2]}, {m[3], m[4], m[5]}, {m[6], m[7], m[8]}};
        }
        double[] l = structure.lattice().toLammpsForm(); // lx, ly, lz, xy, xz, yz
        return new double[][] {{l[0], 0, 0}, {l[3], l[1], 0}, {l[4], l[5], l[2]}};
    }

    /** Structure site index of each site as the file lists them: POSCAR groups by species, stably. */
    private static int[] expectedSiteOrder(ExportFormat format, Structure structure) {
        IntStream sites = IntStream.range(0, structure.siteCount());
        if (format != ExportFormat.POSCAR) {
            return sites.toArray();
        }
        return sites.boxed().sorted(Comparator.comparing(structure::speciesAt)).mapToInt(Integer::intValue).toArray();
    }

    private static void assertCell(double[][] expected, double[][] actual, Path file) {
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(expected[i][k], actual[i][k], CELL_TOLERANCE_ANGSTROM,
                        "cell component [" + i + "][" + k + "] read from " + file);
            }
        }
    }

    /** Extended XYZ keys land in ASE's info, CIF tags too (with store_tags); POSCAR has no place ASE reads. */
    private static void assertMetadata(ExportFormat format, AseReader.Read read, String id) {
        switch (format) {
            case EXTXYZ -> {
                assertEquals(id, read.info().get("id").asText());
                assertEquals(-4.123456789012345, read.info().get("energy_per_atom_ev").asDouble(), 0.0);
                assertEquals("round trip 'ASE'", read.info().get("campaign").asText());
                assertEquals(7, read.info().get("candidate_index").asInt());
            }
            case CIF -> {
                assertEquals(id, read.info().get("_matscreen_id").asText());
                assertEquals(-4.123456789012345, read.info().get("_matscreen_energy_per_atom_ev").asDouble(), 0.0);
                assertEquals("round trip 'ASE'", read.info().get("_matscreen_campaign").asText());
                assertEquals(7, read.info().get("_matscreen_candidate_index").asInt());
            }
            case POSCAR -> { }
        }
    }
}
