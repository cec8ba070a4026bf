package org.matscreen.repository.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.repository.ChunkWriter;
import org.matscreen.repository.Records;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.query.RecordStore;

/**
 * Extended XYZ as machine-learning training data: ASE's {@code get_potential_energy()} on an exported file returns the
 * cell's total energy, cross-checked against the record read back from a repository (energy per atom times the number
 * of sites, both columns of the record).
 */
@Tag("python")
@Tag("integration")
class AseEnergyIntegrationTest {
    @TempDir
    Path dir;

    private AseReader ase;

    @BeforeEach
    void findAse() {
        ase = AseReader.require();
    }

    @Test
    void aseReturnsTheTotalEnergyOfTheCellTheRecordHolds() throws IOException {
        RepositoryLayout layout = new RepositoryLayout(dir.resolve("repo").toString(), new Configuration());
        new ChunkWriter(layout).commit(List.of(Records.ok("Cu0.75Ni0.25", 3), Records.ok("Cu0.5Ni0.5", 8)));
        List<CandidateResult> records = new ArrayList<>();
        new RecordStore(layout).records("", records::add);
        assertEquals(2, records.size());
        for (CandidateResult r : records) {
            Path file = dir.resolve(r.id() + ".xyz");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                new ExtxyzWriter().write(r.relaxed(), RecordExport.info(r), out);
            }
            AseReader.Read read = ase.read(file, "extxyz");
            List<String> row = new ArrayList<>();
            new RecordStore(layout).scan("id = \"" + r.id() + "\"", List.of("energy_per_atom_ev", "nsites"),
                    x -> row.add(x.get("energy_per_atom_ev") + " " + x.get("nsites")));
            String[] columns = row.get(0).split(" ");
            double expected = Double.parseDouble(columns[0]) * Integer.parseInt(columns[1]);
            assertEquals(32, Integer.parseInt(columns[1]), "a 2x2x2 fcc cell");
            assertNotNull(read.energyEv(), "get_potential_energy() on " + file);
            assertEquals(expected, read.energyEv(), 1e-12 * Math.abs(expected), "total energy of " + r.id());
            assertEquals(Double.parseDouble(columns[0]), read.info().get("energy_per_atom_ev").asDouble(), 0.0,
                    "the per-atom value stays in info");
            assertTrue(!read.info().has("energy_ev"), "the total is a calculator result, not an info key");
            // get_stress(): the record's relaxed-cell stress (Voigt, GPa, tension positive), converted by ASE's units
            double[] stress = r.relaxation().stressGpa();
            assertNotNull(read.stressGpa(), "get_stress() on " + file);
            for (int k = 0; k < 6; k++) {
                assertEquals(stress[k], read.stressGpa()[k], 1e-9 * Math.abs(stress[k]) + 1e-15,
                        "stress component " + k + " of " + r.id());
            }
            assertTrue(stress[0] != 0 && stress[5] != 0, "the fixture has a full stress");
        }
    }

    @Test
    void aFileWithoutAnEnergyGivesAseNone() throws IOException {
        Path file = dir.resolve("plain.xyz");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new ExtxyzWriter().write(TestStructures.fccRandomBinary(), ExportInfo.of("plain"), out);
        }
        assertNull(ase.read(file, "extxyz").energyEv());
        assertNull(ase.read(file, "extxyz").stressGpa());
    }
}
