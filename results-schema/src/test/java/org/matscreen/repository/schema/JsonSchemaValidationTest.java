package org.matscreen.repository.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.repository.JsonFiles;
import org.matscreen.repository.AdaptiveManifest;
import org.matscreen.repository.Manifest;
import org.matscreen.repository.RecordSchema;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.TestRepositories;
import org.matscreen.repository.query.RecordStore;

/** Data written by matscreen's writers validates against the committed JSON Schemas, and the schemas have teeth. */
class JsonSchemaValidationTest {
    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    private static final JsonSchemaValidator RECORDS = JsonSchemaValidator.forFile(MODULE,
            SchemaFiles.RECORD_JSON_SCHEMA);
    private static final JsonSchemaValidator MANIFESTS = JsonSchemaValidator.forFile(MODULE,
            SchemaFiles.MANIFEST_JSON_SCHEMA);

    @TempDir
    Path dir;

    @Test
    void everyWrittenRecordIsValid() {
        RepositoryLayout layout = TestRepositories.quaternary(dir);
        List<String> errors = new ArrayList<>();
        long[] rows = {0};
        new RecordStore(layout).scan("", row -> {
            rows[0]++;
            RECORDS.errors(RowConversion.toJson(row)).forEach(e -> errors.add(row.get("id") + " " + e));
        });
        assertEquals(70, rows[0]);
        assertEquals(List.of(), errors);
    }

    @Test
    void theRecordSchemaRejectsWhatIsWrong() {
        RepositoryLayout layout = TestRepositories.quaternary(dir);
        ObjectNode good = RowConversion.toJson(new RecordStore(layout).query(
                org.matscreen.repository.query.RecordQuery.all().limitedTo(1)).rows().get(0));
        assertEquals(List.of(), RECORDS.errors(good));
        assertInvalid(good.deepCopy().put("status", "exploded"), "status");
        assertInvalid(good.deepCopy().put("id", "not-a-hash"), "id");
        assertInvalid(good.deepCopy().put("schema_version", RecordSchema.VERSION + 1), "schema_version");
        assertInvalid(good.deepCopy().put("unexpected_column", 1), "unexpected_column");
        ObjectNode missing = good.deepCopy();
        missing.remove("potential_sha256");
        assertInvalid(missing, "potential_sha256");
        ObjectNode nullRequired = good.deepCopy();
        nullRequired.putNull("campaign");
        assertInvalid(nullRequired, "campaign");
        ObjectNode nullOptional = good.deepCopy();
        nullOptional.putNull("bulk_modulus_gpa");
        assertEquals(List.of(), RECORDS.errors(nullOptional), "an optional column may be null");
    }

    @Test
    void aWrittenManifestIsValidAndAnAlteredOneIsNot() throws IOException {
        RepositoryLayout layout = TestRepositories.layout(dir);
        Manifest m = new Manifest(1, "synthetic-hea", "", "name: synthetic-hea\n", "2026-01-01T00:00:00Z",
                "2026-01-01T01:00:00Z", "ab".repeat(32), 70, Map.of("ok", 68L, "crashed", 1L, "timeout", 1L),
                "0.1.0", "abc", "LAMMPS 20210929", new Manifest.Potential("CuNi.eam.alloy", "eam/alloy",
                        "9f".repeat(32), "Onat and Durukanoglu (2014)", List.of("Ni", "Cu")),
                List.of(new Manifest.Run("2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "local[2]", 2, 70, 0,
                        Map.of("ok", 68L), 3600.5, 7000.25, true)));
        JsonFiles.write(layout, layout.manifest(), m);
        JsonNode written = JsonFiles.mapper().readTree(Files.readString(dir.resolve("manifest.json")));
        assertEquals(List.of(), MANIFESTS.errors(written));
        ObjectNode extra = written.deepCopy();
        extra.put("surprise", true);
        assertFalse(MANIFESTS.errors(extra).isEmpty());
        ObjectNode badRun = written.deepCopy();
        ((ObjectNode) badRun.get("runs").get(0)).put("cores", "two");
        assertFalse(MANIFESTS.errors(badRun).isEmpty());
    }

    /** Issue 15: an adaptive manifest, written with nulls where a number is not finite, is valid. */
    @Test
    void anAdaptiveManifestIsValidWithNullsForNonFiniteNumbers() throws IOException {
        RepositoryLayout layout = TestRepositories.layout(dir);
        java.util.Map<String, Double> mean = new java.util.LinkedHashMap<>();
        mean.put("dh_mix_ev_per_atom", 0.01);
        mean.put("bulk_modulus_gpa", Double.NaN);
        AdaptiveManifest.Round round = new AdaptiveManifest.Round(1, "acquisition", "complete",
                "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", 6, Map.of("dh_mix_ev_per_atom", 0.1), 2,
                List.of(new AdaptiveManifest.RoundPick(3, "ab".repeat(32), "Cu0.5Ni0.5", "fcc", Double.NaN, mean,
                        mean)),
                List.of(new AdaptiveManifest.QuantityModel("dh_mix_ev_per_atom", true, 6, 6, 0.01, 0.001,
                        Map.of("x_Cu", 1.5), Double.NEGATIVE_INFINITY)),
                List.of(new AdaptiveManifest.RoundCalibration("dh_mix_ev_per_atom", 1, 1, 1.0, 0.002, 0.4)));
        AdaptiveManifest.Outcome outcome = new AdaptiveManifest.Outcome("2026-01-01T00:02:00Z", 7,
                "adaptive/surrogate-map", 41, List.of(), List.of(new AdaptiveManifest.FrontMember(3, "ab".repeat(32),
                        "Cu0.5Ni0.5", "fcc", 1, mean, Map.of(), null)), List.of(), 0, 0.5, 500);
        Manifest m = new Manifest(1, "a", "", "name: a\n", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z",
                "ab".repeat(32), 41, Map.of("ok", 7L), "0.1.0", "abc", "LAMMPS 20210929",
                new Manifest.Potential("CuNi.eam.alloy", "eam/alloy", "9f".repeat(32), "x", List.of("Ni", "Cu")),
                List.of(), new AdaptiveManifest(16, Map.of("seed", "3"), List.of(round), outcome));
        JsonFiles.write(layout, layout.manifest(), m);
        String text = Files.readString(dir.resolve("manifest.json"));
        assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
        JsonNode written = JsonFiles.mapper().readTree(text);
        assertEquals(List.of(), MANIFESTS.errors(written));
        JsonNode pick = written.at("/adaptive/rounds/0/picks/0");
        assertTrue(pick.get("acquisition").isNull() && pick.at("/mean/bulk_modulus_gpa").isNull(), pick.toString());
        assertTrue(written.at("/adaptive/rounds/0/model/0/logMarginalLikelihood").isNull());
        // read back: the same rounds, nulls kept as nulls
        Manifest back = JsonFiles.read(layout, layout.manifest(), Manifest.class).orElseThrow();
        assertEquals(m.adaptive().rounds().get(0).picks(), back.adaptive().rounds().get(0).picks());
        assertEquals(16, back.adaptive().budget());
        ObjectNode stringNan = written.deepCopy();
        ((ObjectNode) stringNan.at("/adaptive/rounds/0/picks/0")).put("acquisition", "NaN");
        assertFalse(MANIFESTS.errors(stringNan).isEmpty(), "\"NaN\" as a string is not a number");
        ObjectNode noAdaptive = written.deepCopy();
        noAdaptive.remove("adaptive");
        assertEquals(List.of(), MANIFESTS.errors(noAdaptive), "manifests of exhaustive campaigns (and older ones)");
    }

    private static void assertInvalid(ObjectNode record, String field) {
        List<String> errors = RECORDS.errors(record);
        assertTrue(errors.stream().anyMatch(e -> e.contains(field)), field + " should be reported: " + errors);
    }
}
