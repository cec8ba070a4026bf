package org.matscreen.repository.filter;

/**
 * The OPTIMADE data types a filterable property can have, as far as filtering is concerned. Integers and floats are both
 * numbers to the filter language (it has one number token) and compare with each other; the distinction is kept for
 * backends and messages.
 */
public enum PropertyType {
    STRING("a string"),
    INTEGER("an integer"),
    FLOAT("a float"),
    BOOLEAN("a boolean"),
    /** RFC 3339 date-time; compared as an instant in time, not as text. */
    TIMESTAMP("a timestamp"),
    STRING_LIST("a list of strings"),
    INTEGER_LIST("a list of integers"),
    FLOAT_LIST("a list of floats");

    private final String description;

    PropertyType(String description) {
        this.description = description;
    }

    /** For messages: "an integer", "a list of strings". */
    public String description() {
        return description;
    }

    public boolean isList() {
        return this == STRING_LIST || this == INTEGER_LIST || this == FLOAT_LIST;
    }

    public boolean isNumeric() {
        return this == INTEGER || this == FLOAT;
    }

    /** The type of a list's items; a scalar type is its own element type. */
    public PropertyType elementType() {
        switch (this) {
            case STRING_LIST:
                return STRING;
            case INTEGER_LIST:
                return INTEGER;
            case FLOAT_LIST:
                return FLOAT;
            default:
                return this;
        }
    }

    /** Whether values of the two types can be compared without a type conversion (numbers with numbers). */
    public boolean comparableWith(PropertyType other) {
        return this == other || (isNumeric() && other.isNumeric());
    }
}
