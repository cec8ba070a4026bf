package org.matscreen.repository.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.matscreen.repository.RecordSchema;

/**
 * The committed schema files are what the code generates: a change to {@link RecordSchema}, the manifest, the
 * migrations or the HDF5 layout that is not regenerated into the files fails here, naming the command that fixes it.
 */
class SchemaFilesTest {
    /** Set to true ({@code -Dmatscreen.regenerateSchema=true}) to rewrite the files instead of comparing them. */
    private static final boolean REGENERATE = Boolean.getBoolean("matscreen.regenerateSchema");
    private static final String HOW = "regenerate with: mvn -B -pl results-schema -am test -Dtest=SchemaFilesTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dmatscreen.regenerateSchema=true";

    /** The module directory: Maven runs tests there, and sets basedir to it. */
    private static Path moduleDir() {
        return Path.of(System.getProperty("basedir", "."));
    }

    @Test
    void committedFilesAreWhatTheCodeGenerates() throws IOException {
        Map<String, String> generated = SchemaFiles.generate();
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> e : generated.entrySet()) {
            Path file = moduleDir().resolve(e.getKey());
            if (REGENERATE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            } else if (!Files.isRegularFile(file) || !Files.readString(file).equals(e.getValue())) {
                stale.add(e.getKey());
            }
        }
        assertEquals(List.of(), stale, "schema files differ from the code; " + HOW);
    }

    @Test
    void everyFileNamesTheSchemaVersion() {
        Map<String, String> files = SchemaFiles.generate();
        assertTrue(files.get(SchemaFiles.MARKDOWN).startsWith("# matscreen repository schema, version "
                + RecordSchema.VERSION));
        assertTrue(files.get(SchemaFiles.RECORD_JSON_SCHEMA).contains("\"const\": " + RecordSchema.VERSION));
        assertTrue(files.get(SchemaFiles.PARQUET_SCHEMA).contains("required int32 schema_version"));
    }

    @Test
    void everyColumnIsDocumentedWithItsUnit() {
        String md = SchemaFiles.generate().get(SchemaFiles.MARKDOWN);
        for (var c : RecordSchema.columns()) {
            String row = md.lines().filter(l -> l.startsWith("| `" + c.name() + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + c.name()));
            if (!c.unit().isEmpty()) {
                assertTrue(row.contains("| " + c.unit().replace("|", "\\|") + " |"), row);
            }
        }
    }

    @Test
    void constraintsNameOnlyRealColumns() {
        for (String name : ColumnConstraints.constrainedColumns()) {
            assertTrue(RecordSchema.column(name) != null, name + " is not a column");
        }
    }

    @Test
    void everyManifestFieldIsDescribed() {
        // generate() throws for a Manifest component without a description; fields() lists nested ones too.
        assertTrue(ManifestJsonSchema.fields().stream().anyMatch(f -> f.path().equals("runs.wallSeconds")
                && f.unit().equals("s")));
    }
}
