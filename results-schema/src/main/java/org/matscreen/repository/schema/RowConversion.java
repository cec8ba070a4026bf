package org.matscreen.repository.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.repository.Column;
import org.matscreen.repository.RecordSchema;

/**
 * Converts rows between Parquet {@link Group}s, {@link RecordRow}s and JSON. Reading is generic over the file's own
 * schema (flat primitive columns and standard 3-level lists, the shapes every matscreen schema version uses), so a
 * file of any version becomes a row that {@link SchemaMigrations} can bring up to date; writing and JSON follow the
 * current {@link RecordSchema}.
 */
public final class RowConversion {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, Column> columns;
    private final MessageType schema;
    private final SimpleGroupFactory factory;
    private final String table;

    /** Rows of the current record schema. */
    public RowConversion() {
        this("record schema version " + RecordSchema.VERSION, RecordSchema.columns(), RecordSchema.parquetSchema());
    }

    /** Rows of another table made of {@link Column}s (e.g. the aggregates), named {@code table} in errors. */
    public RowConversion(String table, List<Column> columns, MessageType schema) {
        Map<String, Column> m = new LinkedHashMap<>();
        columns.forEach(c -> m.put(c.name(), c));
        this.columns = m;
        this.schema = schema;
        this.factory = new SimpleGroupFactory(schema);
        this.table = table;
    }

    /** A Parquet writer's support for rows of this table, with {@code footer} as the file's key-value metadata. */
    public RowWriteSupport writeSupport(Map<String, String> footer) {
        return new RowWriteSupport(schema, List.copyOf(columns.values()), table, footer);
    }

    /**
     * Refuses a row with a column that {@code table} does not define: a row must be migrated to the current version
     * before it is written.
     */
    static void requireDefined(RecordRow row, java.util.function.Predicate<String> defined, String table) {
        for (String name : row.values().keySet()) {
            if (!defined.test(name)) {
                throw new MatscreenException("row has column '" + name + "', which " + table
                        + " does not define (was it migrated?)");
            }
        }
    }

    /** A row of whatever columns {@code g} has, typed by its own schema. */
    public static RecordRow toRow(Group g) {
        GroupType type = g.getType();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < type.getFieldCount(); i++) {
            if (g.getFieldRepetitionCount(i) == 0) {
                continue;
            }
            Type field = type.getType(i);
            values.put(field.getName(), field.isPrimitive() ? primitive(g, i, field.asPrimitiveType())
                    : list(g.getGroup(i, 0), field.getName()));
        }
        return RecordRow.of(values);
    }

    /**
     * The row as a Parquet group of the current schema. Columns the schema does not have are an error: a row must
     * be migrated to the current version first.
     */
    public Group toGroup(RecordRow row) {
        requireDefined(row, columns::containsKey, table);
        Group g = factory.newGroup();
        row.values().forEach((name, v) -> add(g, columns.get(name), v));
        return g;
    }

    /**
     * The row as a JSON object in column order, the form {@code record.schema.json} describes: lists as arrays,
     * timestamps as integers (ms since the Unix epoch), unknown values left out.
     */
    public static ObjectNode toJson(RecordRow row) {
        ObjectNode o = JSON.objectNode();
        row.values().forEach((k, v) -> o.set(k, json(v)));
        return o;
    }

    /** One value as JSON; {@code null} and NaN (unknown) become JSON null. */
    public static JsonNode json(Object v) {
        if (v == null) {
            return JSON.nullNode();
        }
        if (v instanceof List<?> list) {
            ArrayNode a = JSON.arrayNode();
            list.forEach(item -> a.add(json(item)));
            return a;
        }
        if (v instanceof String s) {
            return JSON.textNode(s);
        }
        if (v instanceof Integer i) {
            return JSON.numberNode(i);
        }
        if (v instanceof Long l) {
            return JSON.numberNode(l);
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? JSON.numberNode(d) : JSON.nullNode();
        }
        if (v instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        throw new MatscreenException("no JSON form for a " + v.getClass().getName());
    }

    private static Object primitive(Group g, int i, PrimitiveType p) {
        return switch (p.getPrimitiveTypeName()) {
            case BINARY -> {
                if (!(p.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation)) {
                    throw new MatscreenException("column '" + p.getName() + "' holds bytes, not text");
                }
                yield g.getString(i, 0);
            }
            case INT32 -> g.getInteger(i, 0);
            case INT64 -> g.getLong(i, 0);
            case DOUBLE -> g.getDouble(i, 0);
            case FLOAT -> (double) g.getFloat(i, 0);
            case BOOLEAN -> g.getBoolean(i, 0);
            default -> throw new MatscreenException("column '" + p.getName() + "' has the unsupported Parquet type "
                    + p.getPrimitiveTypeName());
        };
    }

    /** A standard 3-level list: {@code <name> (LIST) { repeated group list { element } }}. */
    private static List<Object> list(Group listGroup, String name) {
        GroupType outer = listGroup.getType();
        if (outer.getFieldCount() != 1 || outer.getType(0).isPrimitive()) {
            throw new MatscreenException("column '" + name + "' is not a standard 3-level Parquet list");
        }
        int n = listGroup.getFieldRepetitionCount(0);
        List<Object> items = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            Group item = listGroup.getGroup(0, k);
            PrimitiveType element = item.getType().getType(0).asPrimitiveType();
            items.add(primitive(item, 0, element));
        }
        return Collections.unmodifiableList(items);
    }

    private static void add(Group g, Column c, Object v) {
        String name = c.name();
        switch (c.kind()) {
            case STRING -> g.add(name, (String) v);
            case INT32 -> g.add(name, ((Number) v).intValue());
            case INT64, TIMESTAMP_MS -> g.add(name, ((Number) v).longValue());
            case DOUBLE -> g.add(name, ((Number) v).doubleValue());
            case BOOLEAN -> g.add(name, (Boolean) v);
            case LIST_STRING -> {
                Group list = g.addGroup(name);
                for (Object item : (List<?>) v) {
                    list.addGroup("list").add("element", (String) item);
                }
            }
            case LIST_INT32 -> {
                Group list = g.addGroup(name);
                for (Object item : (List<?>) v) {
                    list.addGroup("list").add("element", ((Number) item).intValue());
                }
            }
            case LIST_DOUBLE -> {
                Group list = g.addGroup(name);
                for (Object item : (List<?>) v) {
                    list.addGroup("list").add("element", ((Number) item).doubleValue());
                }
            }
        }
    }
}
