package org.matscreen.repository.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.result.Provenance;
import org.matscreen.repository.RecordCodec;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.SyntheticRecords;
import org.matscreen.repository.TestRepositories;
import org.matscreen.repository.query.RecordQuery;
import org.matscreen.repository.query.RecordStore;
import org.matscreen.repository.query.ScanStatistics;

/**
 * A hand-made version-0 chunk (the draft layout: {@code system}, ISO-8601 times, no visibility and no
 * {@code schema_version}) is read through the migration chain as current records, next to a current chunk.
 */
class MigrationTest {
    /** The version-0 layout, written out by hand: only the columns a draft record had. */
    static final MessageType V0 = MessageTypeParser.parseMessageType("""
            message matscreen_record {
              required binary id (STRING);
              required binary campaign (STRING);
              required int64 candidate_index;
              required binary formula (STRING);
              required binary reduced_formula (STRING);
              required binary system (STRING);
              required group elements (LIST) { repeated group list { required binary element (STRING); } }
              required int32 nelements;
              required group element_fractions (LIST) { repeated group list { required double element; } }
              required group cell_counts (LIST) { repeated group list { required int32 element; } }
              required binary prototype (STRING);
              required binary supercell (STRING);
              required binary ordering (STRING);
              required double composition_tolerance;
              required int32 sqs_shells;
              required int32 sqs_sweeps;
              required double start_lattice_parameter_angstrom;
              required int32 nsites;
              required binary status (STRING);
              required binary error (STRING);
              optional group lattice_vectors_angstrom (LIST) { repeated group list { required double element; } }
              optional group site_species (LIST) { repeated group list { required int32 element; } }
              optional group fractional_positions (LIST) { repeated group list { required double element; } }
              optional boolean relax_converged;
              optional int32 relax_minimisations;
              optional int32 relax_iterations;
              optional binary relax_stop_reason (STRING);
              optional int32 relax_early_stops;
              optional double energy_per_atom_ev;
              optional double dh_mix_ev_per_atom;
              optional double bulk_modulus_gpa;
              required binary code (STRING);
              required binary code_version (STRING);
              required binary pair_style (STRING);
              required binary potential_name (STRING);
              required binary potential_path (STRING);
              required binary potential_sha256 (STRING);
              required binary potential_citation (STRING);
              required group potential_elements (LIST) { repeated group list { required binary element (STRING); } }
              required binary relax_settings (STRING);
              required binary property_settings (STRING);
              required binary matscreen_version (STRING);
              required binary matscreen_commit (STRING);
              required binary host (STRING);
              required binary started_at (STRING);
              required binary finished_at (STRING);
              required double wall_seconds;
              required double native_seconds;
            }
            """);

    @TempDir
    Path dir;

    /** What a draft writer would have written for {@code r}. */
    static RecordRow asVersion0(CandidateResult r) {
        RecordRow v1 = RowConversion.toRow(new RecordCodec().encode(r));
        Map<String, Object> v0 = new LinkedHashMap<>();
        for (var field : V0.getFields()) {
            String name = field.getName();
            Object value = switch (name) {
                case "system" -> v1.get("chemical_system");
                case "started_at", "finished_at" -> Instant.ofEpochMilli((Long) v1.get(name)).toString();
                default -> v1.get(name);
            };
            v0.put(name, value);
        }
        return RecordRow.of(v0);
    }

    @Test
    void aVersion0ChunkReadsAsCurrentRecords() throws IOException {
        List<CandidateResult> all = SyntheticRecords.list(List.of("Cu", "Ni"), 4);
        List<CandidateResult> old = all.subList(0, 8);
        RepositoryLayout layout = TestRepositories.write(dir, all.subList(8, all.size()), 100);
        Path chunk = dir.resolve("data/system=Cu-Ni/chunk-0-7-v0draft.parquet");
        Files.createDirectories(chunk.getParent());
        List<RecordRow> rows = old.stream().filter(r -> r.chemicalSystem().equals("Cu-Ni"))
                .map(MigrationTest::asVersion0).toList();
        HandMadeParquet.write(chunk, V0, rows);

        RecordStore store = new RecordStore(layout);
        List<CandidateResult> read = new ArrayList<>();
        ScanStatistics s = store.records("", read::add);
        assertEquals(1, s.chunksMigrated());
        assertEquals(all.size() - old.size() + rows.size(), read.size());
        for (RecordRow v0 : rows) {
            CandidateResult original = old.stream().filter(r -> r.id().equals(v0.get("id"))).findFirst().orElseThrow();
            CandidateResult migrated = read.stream().filter(r -> r.id().equals(original.id())).findFirst()
                    .orElseThrow();
            assertEquals(original.composition(), migrated.composition());
            assertEquals(original.cellComposition(), migrated.cellComposition());
            assertEquals(original.recipe(), migrated.recipe());
            assertEquals(original.status(), migrated.status());
            assertEquals(original.relaxed(), migrated.relaxed());
            assertEquals(original.provenance().withOrigin(Provenance.COMPUTED), migrated.provenance(),
                    "times parsed from ISO-8601 to the ms; draft records were all computed");
            assertEquals(original.method(), migrated.method());
            assertEquals(original.metric("dh_mix_ev_per_atom"), migrated.metric("dh_mix_ev_per_atom"));
            assertEquals(original.metric("bulk_modulus_gpa"), migrated.metric("bulk_modulus_gpa"));
            assertEquals(Visibility.PUBLIC, migrated.visibility(), "draft records were public");
        }
    }

    @Test
    void queriesSeeMigratedRowsUnderTheirNewNames() throws IOException {
        RepositoryLayout layout = TestRepositories.layout(dir);
        Path chunk = dir.resolve("data/system=Cu-Ni/chunk-0-9-v0draft.parquet");
        Files.createDirectories(chunk.getParent());
        List<RecordRow> rows = SyntheticRecords.list(List.of("Cu", "Ni"), 4).stream()
                .filter(r -> r.chemicalSystem().equals("Cu-Ni")).map(MigrationTest::asVersion0).toList();
        HandMadeParquet.write(chunk, V0, rows);
        var result = new RecordStore(layout).query(RecordQuery.where("chemical_system = \"Cu-Ni\" AND"
                + " visibility = \"public\" AND started_at > \"2025-01-01T00:00:00Z\"")
                .selecting(List.of("id", "chemical_system", "schema_version")));
        assertEquals(rows.size(), result.rows().size());
        assertTrue(result.rows().stream().allMatch(r -> r.version() == 1 && "Cu-Ni".equals(r.get("chemical_system"))));
        assertEquals(1, result.statistics().chunksMigrated());
    }

    @Test
    void rowsFromANewerVersionAreRefused() {
        RecordRow future = RecordRow.of(Map.of("id", "x", RecordRow.VERSION_COLUMN, 2));
        MatscreenException e = assertThrows(MatscreenException.class, () -> SchemaMigrations.toCurrent(future));
        assertTrue(e.getMessage().contains("upgrade matscreen"), e.getMessage());
    }

    @Test
    void theChainEndsAtTheCurrentVersion() {
        RecordRow v0 = RecordRow.of(Map.of("id", "x", "system", "Cu", "started_at", "2026-01-01T00:00:00Z"));
        RecordRow v1 = SchemaMigrations.toCurrent(v0);
        assertEquals(1, v1.version());
        assertEquals("Cu", v1.get("chemical_system"));
        assertEquals(1_767_225_600_000L, v1.get("started_at"));
        assertEquals("public", v1.get("visibility"));
        assertEquals(v1, SchemaMigrations.toCurrent(v1), "a current row is left alone");
    }
}
