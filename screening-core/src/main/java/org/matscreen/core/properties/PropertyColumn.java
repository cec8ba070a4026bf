package org.matscreen.core.properties;

import java.util.regex.Pattern;

/**
 * A record column a property fills: its name (snake_case, unit in the name where it has one), value kind, unit and
 * one line of description. The repository schema, its documentation, the metric catalogue and the OPTIMADE fields
 * are all generated from these.
 *
 * @param unit unit text for tables and documentation ("" for dimensionless or non-numeric)
 */
public record PropertyColumn(String name, Kind kind, String unit, String description) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /** What a column holds; {@link #DOUBLE} columns are also screening metrics. */
    public enum Kind {
        DOUBLE, BOOLEAN, STRING, LIST_DOUBLE, LIST_STRING
    }

    public PropertyColumn {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("column names are snake_case: " + name);
        }
    }

    public static PropertyColumn number(String name, String unit, String description) {
        return new PropertyColumn(name, Kind.DOUBLE, unit, description);
    }

    public static PropertyColumn bool(String name, String description) {
        return new PropertyColumn(name, Kind.BOOLEAN, "", description);
    }

    public static PropertyColumn text(String name, String description) {
        return new PropertyColumn(name, Kind.STRING, "", description);
    }

    /** Whether {@code value} is of this column's kind (Double, Boolean, String, or a List of Double / String). */
    public boolean accepts(Object value) {
        return switch (kind) {
            case DOUBLE -> value instanceof Double;
            case BOOLEAN -> value instanceof Boolean;
            case STRING -> value instanceof String;
            case LIST_DOUBLE -> value instanceof java.util.List<?> l && l.stream().allMatch(Double.class::isInstance);
            case LIST_STRING -> value instanceof java.util.List<?> l && l.stream().allMatch(String.class::isInstance);
        };
    }
}
