package org.matscreen.repository;

/**
 * One column of the record schema: name, storage kind, whether it is always present, unit and meaning. The schema's
 * documentation, its JSON Schema and its Parquet schema are all generated from these definitions.
 */
public record Column(String name, Kind kind, boolean required, String unit, String description) {

    /** Storage kinds (Parquet physical type and logical annotation). */
    public enum Kind {
        STRING, INT32, INT64, DOUBLE, BOOLEAN, TIMESTAMP_MS, LIST_STRING, LIST_INT32, LIST_DOUBLE;

        public boolean isList() {
            return name().startsWith("LIST_");
        }
    }
}
