package org.matscreen.repository.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.matscreen.repository.AggregateSchema;
import org.matscreen.repository.RecordSchema;

/**
 * The schema files kept in {@code results-schema/}, all generated from the code ({@link RecordSchema} is the single
 * source of truth): the JSON Schemas of records and manifests, the Parquet schema, and {@code SCHEMA.md}. A test
 * compares the committed files with {@link #generate()}; {@link #main} rewrites them.
 */
public final class SchemaFiles {
    public static final String RECORD_JSON_SCHEMA = "schema/record.schema.json";
    public static final String MANIFEST_JSON_SCHEMA = "schema/manifest.schema.json";
    public static final String PARQUET_SCHEMA = "schema/record.parquet.txt";
    public static final String AGGREGATE_PARQUET_SCHEMA = "schema/aggregate.parquet.txt";
    public static final String MARKDOWN = "SCHEMA.md";

    private SchemaFiles() {}

    /** Path relative to {@code results-schema/} → file content (UTF-8, '\n' line ends, final newline). */
    public static Map<String, String> generate() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(RECORD_JSON_SCHEMA, json(RecordJsonSchema.generate()));
        files.put(MANIFEST_JSON_SCHEMA, json(ManifestJsonSchema.generate()));
        files.put(PARQUET_SCHEMA, RecordSchema.parquetSchema().toString().strip() + "\n");
        files.put(AGGREGATE_PARQUET_SCHEMA, AggregateSchema.parquetSchema().toString().strip() + "\n");
        files.put(MARKDOWN, SchemaMarkdown.generate());
        return files;
    }

    /** Writes every file under {@code args[0]} (default: the working directory, i.e. {@code results-schema/}). */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        generate().forEach((name, text) -> {
            Path file = dir.resolve(name);
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            System.out.println("wrote " + file);
        });
    }

    private static String json(JsonNode node) {
        // "key": value, two-space indents and '\n' line ends on every platform, as JSON files are usually written.
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return new ObjectMapper().writer(printer).writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
