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
import java.util.Set;
import org.matscreen.core.properties.RecordFlag;
import org.matscreen.core.sim.RelaxMode;
import org.matscreen.repository.Column;
import org.matscreen.repository.RecordSchema;
import org.matscreen.repository.ResultReader;
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
 * Hand-made chunks of older versions are read through the migration chain as current records: version 0 (the draft
 * layout: {@code system}, ISO-8601 times, no visibility and no {@code schema_version}) next to a current chunk, and
 * version 1 (before issue 13: free relaxation, no structure identity, stability or flags).
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
        assertTrue(result.rows().stream().allMatch(r -> r.version() == RecordSchema.VERSION
                && "Cu-Ni".equals(r.get("chemical_system"))));
        assertEquals(1, result.statistics().chunksMigrated());
    }

    /** Columns version 2 added (issue 13); a version-1 file has none of them. */
    static final Set<String> ADDED_IN_2 = Set.of("sample", "group_id", "relax_mode", "flags", "unstable_references",
            "structure_after", "cna_fcc_fraction", "cna_hcp_fraction", "cna_bcc_fraction", "cna_other_fraction",
            "cell_c_over_a", "cell_shape_strain", "prototype_retained", "free_energy_gain_ev_per_atom",
            "free_structure_after", "free_cell_c_over_a", "free_cell_shape_strain", "free_lattice_vectors_angstrom",
            "free_relax_converged", "prototype_stable", "c13_gpa", "c33_gpa", "c66_gpa", "elastic_min_eigenvalue_gpa",
            "bulk_modulus_cij_gpa", "mechanically_stable", "elastic_tensor_gpa");
    /** Columns version 3 added (issue 14, ensembles of potentials). */
    static final Set<String> ADDED_IN_3 = Set.of("configuration_id");
    /** Version-2 name → version-1 name. */
    static final Map<String, String> RENAMED_IN_2 = Map.of("warren_cowley", "sqs_warren_cowley",
            "elastic_symmetry_deviation_gpa", "cubic_deviation_gpa");

    /** The version-1 layout, from the current columns: what version 2 added left out, renamed columns back. */
    static MessageType v1Schema() {
        List<Column> cols = new ArrayList<>();
        for (Column c : RecordSchema.columns()) {
            if (!ADDED_IN_2.contains(c.name()) && !ADDED_IN_3.contains(c.name())) {
                cols.add(new Column(RENAMED_IN_2.getOrDefault(c.name(), c.name()), c.kind(), c.required(), c.unit(),
                        c.description()));
            }
        }
        return RecordSchema.parquetSchema(RecordSchema.MESSAGE_NAME, cols);
    }

    /** What a version-1 writer (free relaxation, no structure identity) would have written for {@code r}. */
    static RecordRow asVersion1(CandidateResult r) {
        RecordRow current = RowConversion.toRow(new RecordCodec().encode(r));
        Map<String, Object> v1 = new LinkedHashMap<>();
        for (var e : current.values().entrySet()) {
            if (!ADDED_IN_2.contains(e.getKey())) {
                v1.put(RENAMED_IN_2.getOrDefault(e.getKey(), e.getKey()), e.getValue());
            }
        }
        v1.put(RecordRow.VERSION_COLUMN, 1);
        v1.put("relax_settings", ((String) v1.get("relax_settings")).replaceAll(",mode=[a-z-]+", ""));
        return RecordRow.of(v1);
    }

    @Test
    void aVersion1ChunkReadsWithTheNewColumnsUnknownAndWhatItProvesKept() throws IOException {
        List<CandidateResult> all = SyntheticRecords.list(List.of("Cu", "Ni"), 4);
        RepositoryLayout layout = TestRepositories.layout(dir);
        List<CandidateResult> old = all;
        List<RecordRow> rows = old.stream().map(MigrationTest::asVersion1).toList();
        assertTrue(rows.stream().anyMatch(r -> r.has("sqs_warren_cowley")), "the fixture has short-range order");
        assertTrue(rows.stream().anyMatch(r -> Boolean.FALSE.equals(r.get("relax_converged"))),
                "the fixture has unconverged records");
        java.util.Set<String> systems = new java.util.TreeSet<>();
        old.forEach(r -> systems.add(r.chemicalSystem()));
        for (String system : systems) {
            Path chunk = dir.resolve("data/system=" + system + "/chunk-0-99-v1.parquet");
            Files.createDirectories(chunk.getParent());
            HandMadeParquet.write(chunk, v1Schema(), rows.stream()
                    .filter(r -> system.equals(r.get("chemical_system"))).toList());
        }

        List<CandidateResult> read = new ArrayList<>();
        ScanStatistics s = new RecordStore(layout).records("", read::add);
        assertEquals(systems.size(), s.chunksMigrated());
        assertEquals(old.size(), read.size());
        for (CandidateResult original : old) {
            CandidateResult m = read.stream().filter(r -> r.id().equals(original.id())).findFirst().orElseThrow();
            assertEquals(RelaxMode.FREE, m.method().relax().mode(), "version 1 relaxed all six cell components");
            assertEquals(original.recipe(), m.recipe(), "sample 0");
            assertEquals(m.id(), m.groupId());
            if (original.warrenCowley() != null) {
                assertEquals(original.warrenCowley()[0][0][1], m.warrenCowley()[0][0][1], 1e-15, "renamed");
            }
            if (m.properties() == null) {
                continue;
            }
            assertEquals(original.metric("elastic_symmetry_deviation_gpa"),
                    m.metric("elastic_symmetry_deviation_gpa"), "renamed from cubic_deviation_gpa");
            assertEquals(original.metric("dh_mix_ev_per_atom"), m.metric("dh_mix_ev_per_atom"));
            assertEquals(null, m.properties().bool("prototype_retained"), "unknown, not false");
            assertEquals(null, m.properties().bool("mechanically_stable"));
            assertEquals(null, m.properties().text("structure_after"));
            assertEquals(original.relaxation().converged() ? Set.of() : Set.of(RecordFlag.UNCONVERGED), m.flags(),
                    "the one flag a version-1 row proves");
        }
        // the same chunk through the record reader (ranking's path)
        List<CandidateResult> viaReader = new ResultReader(layout).readAll();
        assertEquals(read.size(), viaReader.size());
        assertTrue(viaReader.stream().allMatch(r -> r.method().relax().mode() == RelaxMode.FREE));
    }

    @Test
    void rowsFromANewerVersionAreRefused() {
        RecordRow future = RecordRow.of(Map.of("id", "x", RecordRow.VERSION_COLUMN, RecordSchema.VERSION + 1));
        MatscreenException e = assertThrows(MatscreenException.class, () -> SchemaMigrations.toCurrent(future));
        assertTrue(e.getMessage().contains("upgrade matscreen"), e.getMessage());
    }

    @Test
    void theChainEndsAtTheCurrentVersion() {
        RecordRow v0 = RecordRow.of(Map.of("id", "x", "system", "Cu", "started_at", "2026-01-01T00:00:00Z"));
        RecordRow current = SchemaMigrations.toCurrent(v0);
        assertEquals(RecordSchema.VERSION, current.version());
        assertEquals(3, current.version());
        assertEquals("Cu", current.get("chemical_system"));
        assertEquals(1_767_225_600_000L, current.get("started_at"));
        assertEquals("public", current.get("visibility"));
        assertEquals("free", current.get("relax_mode"));
        assertEquals(0, current.get("sample"));
        assertEquals("x", current.get("group_id"));
        assertEquals(current, SchemaMigrations.toCurrent(current), "a current row is left alone");
    }

    @Test
    void aVersion2RowReadsAsASinglePotentialRecordAndAMemberKeepsItsConfiguration() {
        CandidateResult single = SyntheticRecords.list(List.of("Cu", "Ni"), 2).get(1);
        RecordRow v2 = RowConversion.toRow(new RecordCodec().encode(single)).with(RecordRow.VERSION_COLUMN, 2);
        assertTrue(!v2.has("configuration_id"), "a single-potential record has no configuration id");
        CandidateResult read = new RecordCodec().fromRow(SchemaMigrations.toCurrent(v2));
        assertEquals(null, read.configurationId());
        assertEquals(single.id(), read.id());
        assertEquals(single.groupId(), read.groupId());

        // an ensemble member writes its configuration id and reads back equal (the codec's round trip)
        CandidateResult member = new CandidateResult(single.id(), single.campaign(), single.candidateIndex(),
                single.composition(), single.cellComposition(), single.recipe().withSample(1),
                single.startingLatticeParameterAngstrom(), single.status(), single.errorText(), single.relaxed(),
                single.properties(), single.relaxation(), single.eosVolumesA3PerAtom(), single.eosEnergiesEvPerAtom(),
                single.elastic(), single.descriptors(), single.warrenCowley(), single.method(), single.potentialFile(),
                single.provenance(), single.visibility(), "c0ffee");
        RecordRow row = new RecordCodec().toRow(member);
        assertEquals("c0ffee", row.get("configuration_id"));
        CandidateResult back = new RecordCodec().fromRow(SchemaMigrations.toCurrent(row));
        assertEquals("c0ffee", back.configurationId());
        assertEquals(member.groupId(), back.groupId(), "the member rule names its configuration group");
        assertTrue(!member.groupId().equals(single.groupId()), "and it is not the single-potential rule's");
    }
}
