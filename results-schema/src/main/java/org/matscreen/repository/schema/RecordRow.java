package org.matscreen.repository.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One repository row as plain values keyed by column name, independent of any schema version: what migrations
 * transform, what queries filter and sort, what JSON and HDF5 exports write. Values are {@link String},
 * {@link Integer} (INT32), {@link Long} (INT64, and timestamps in ms since the Unix epoch, UTC), {@link Double},
 * {@link Boolean}, or an unmodifiable {@link java.util.List} of strings, integers or doubles; an unknown (absent)
 * value has no entry. Immutable; {@link #with} and {@link #without} return copies.
 */
public final class RecordRow {
    /** Name of the column that carries the schema version; a row without it is version 0. */
    public static final String VERSION_COLUMN = "schema_version";

    private final Map<String, Object> values;

    private RecordRow(Map<String, Object> values) {
        this.values = values;
    }

    /** A row of the given values, kept in the map's iteration order; {@code null} values are left out. */
    public static RecordRow of(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                copy.put(Objects.requireNonNull(k, "column name"), v);
            }
        });
        return new RecordRow(Collections.unmodifiableMap(copy));
    }

    /** The schema version the row is in: its {@value #VERSION_COLUMN} value, 0 if it has none. */
    public int version() {
        Object v = values.get(VERSION_COLUMN);
        return v == null ? 0 : ((Number) v).intValue();
    }

    /** The value of {@code column}, or {@code null} when unknown. */
    public Object get(String column) {
        return values.get(column);
    }

    /** The value of {@code column}, empty when unknown. */
    public Optional<Object> value(String column) {
        return Optional.ofNullable(values.get(column));
    }

    public boolean has(String column) {
        return values.containsKey(column);
    }

    /** Every known value, in column order. Unmodifiable. */
    public Map<String, Object> values() {
        return values;
    }

    /** A copy with {@code column} set to {@code value} ({@code null} removes it), keeping the column's position. */
    public RecordRow with(String column, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        if (value == null) {
            copy.remove(column);
        } else {
            copy.put(column, value);
        }
        return new RecordRow(Collections.unmodifiableMap(copy));
    }

    /** A copy without {@code column}. */
    public RecordRow without(String column) {
        return with(column, null);
    }

    /** A copy with {@code from} renamed to {@code to} (nothing happens if {@code from} is unknown). */
    public RecordRow renamed(String from, String to) {
        Object v = values.get(from);
        return v == null ? this : without(from).with(to, v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordRow r && values.equals(r.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "RecordRow" + values;
    }
}
