package org.matscreen.optimade.schema;

import org.matscreen.repository.filter.PropertyType;

/** The shape of an entry property's value, which decides its OPTIMADE and JSON types and how it is written. */
public enum Shape {
    STRING("string", "string"),
    INTEGER("integer", "integer"),
    FLOAT("float", "number"),
    BOOLEAN("boolean", "boolean"),
    TIMESTAMP("timestamp", "string"),
    STRING_LIST("list", "array"),
    INTEGER_LIST("list", "array"),
    FLOAT_LIST("list", "array"),
    /** A list of 3-vectors of floats: lattice vectors, site positions. */
    VECTORS("list", "array"),
    /** OPTIMADE's {@code species}: a list of dictionaries. */
    SPECIES("list", "array");

    private final String optimadeType;
    private final String jsonType;

    Shape(String optimadeType, String jsonType) {
        this.optimadeType = optimadeType;
        this.jsonType = jsonType;
    }

    /** {@code x-optimade-type}. */
    public String optimadeType() {
        return optimadeType;
    }

    /** The JSON Schema {@code type} of the value. */
    public String jsonType() {
        return jsonType;
    }

    public boolean isList() {
        return optimadeType.equals("list");
    }

    /** Whether values are numbers (so an empty unit means dimensionless rather than inapplicable). */
    public boolean isNumeric() {
        return this == INTEGER || this == FLOAT || this == INTEGER_LIST || this == FLOAT_LIST || this == VECTORS;
    }

    /** The shape of a list's items ({@code null} for the two nested shapes, which are described explicitly). */
    public Shape item() {
        return switch (this) {
            case STRING_LIST -> STRING;
            case INTEGER_LIST -> INTEGER;
            case FLOAT_LIST -> FLOAT;
            default -> null;
        };
    }

    /** The filter-language type of a queryable property of this shape; {@code null} for the nested shapes. */
    public PropertyType filterType() {
        return switch (this) {
            case STRING -> PropertyType.STRING;
            case INTEGER -> PropertyType.INTEGER;
            case FLOAT -> PropertyType.FLOAT;
            case BOOLEAN -> PropertyType.BOOLEAN;
            case TIMESTAMP -> PropertyType.TIMESTAMP;
            case STRING_LIST -> PropertyType.STRING_LIST;
            case INTEGER_LIST -> PropertyType.INTEGER_LIST;
            case FLOAT_LIST -> PropertyType.FLOAT_LIST;
            case VECTORS, SPECIES -> null;
        };
    }
}
