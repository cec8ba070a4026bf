package org.matscreen.repository.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates JSON against the committed schema files with networknt's json-schema-validator, an implementation of
 * draft 2020-12 matscreen does not control. The committed files (not freshly generated ones) are used, so the tests
 * check what consumers of the repository actually get.
 */
public final class JsonSchemaValidator {
    /** Draft 2020-12, with matscreen's {@code x-unit} known as an annotation (units are not validated). */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(Dialect.builder(
            Dialects.getDraft202012()).keyword(new AnnotationKeyword("x-unit")).build());

    private final Schema schema;

    private JsonSchemaValidator(Schema schema) {
        this.schema = schema;
    }

    /** A validator for the schema file at {@code results-schema/<relative>} (e.g. {@link SchemaFiles#RECORD_JSON_SCHEMA}). */
    public static JsonSchemaValidator forFile(Path moduleDir, String relative) {
        try {
            return new JsonSchemaValidator(REGISTRY.getSchema(Files.readString(moduleDir.resolve(relative)),
                    com.networknt.schema.InputFormat.JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The violations, as "location: message" lines; empty when valid. */
    public List<String> errors(JsonNode instance) {
        List<Error> errors = schema.validate(instance);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }
}
