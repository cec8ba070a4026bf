package org.matscreen.repository.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.matscreen.repository.Column;
import org.matscreen.repository.RecordSchema;

/**
 * The JSON Schema (draft 2020-12) of one record in its JSON form ({@link RowConversion#toJson}), generated from
 * {@link RecordSchema}: one property per column with its type, unit ({@code x-unit}, also written into the
 * description) and constraints; required columns are required and never null, optional columns may be absent or
 * null; no other properties are allowed.
 */
public final class RecordJsonSchema {
    /** The JSON Schema dialect of every schema file matscreen generates. */
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RecordJsonSchema() {}

    public static ObjectNode generate() {
        ObjectNode root = JSON.objectNode();
        root.put("$schema", DIALECT);
        root.put("$id", "urn:matscreen:schema:record:" + RecordSchema.VERSION);
        root.put("title", "matscreen record, schema version " + RecordSchema.VERSION);
        root.put("description", "One candidate of a screening campaign: what it is, how it was computed, what came"
                + " out, where and when, and who may see it. Stored as one row of a Parquet chunk; this is its JSON"
                + " form (lists as arrays, timestamps as integer ms since the Unix epoch, unknown values absent or"
                + " null). See SCHEMA.md.");
        root.put("type", "object");
        ObjectNode properties = root.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (Column c : RecordSchema.columns()) {
            properties.set(c.name(), property(c));
            if (c.required()) {
                required.add(c.name());
            }
        }
        root.set("required", required);
        root.put("additionalProperties", false);
        return root;
    }

    /** JSON type name of a column's values (of its items, for lists). */
    static String jsonType(Column.Kind kind) {
        return switch (kind) {
            case STRING, LIST_STRING -> "string";
            case INT32, INT64, TIMESTAMP_MS, LIST_INT32 -> "integer";
            case DOUBLE, LIST_DOUBLE -> "number";
            case BOOLEAN -> "boolean";
        };
    }

    private static ObjectNode property(Column c) {
        ObjectNode p = JSON.objectNode();
        String type = c.kind().isList() ? "array" : jsonType(c.kind());
        if (c.required()) {
            p.put("type", type);
        } else {
            p.putArray("type").add(type).add("null");
        }
        p.put("description", c.unit().isEmpty() ? c.description() : c.description() + " [" + c.unit() + "]");
        if (!c.unit().isEmpty()) {
            p.put("x-unit", c.unit());
        }
        if (c.kind().isList()) {
            p.putObject("items").put("type", jsonType(c.kind()));
        }
        ColumnConstraints.apply(c.name(), p);
        return p;
    }
}
