package org.matscreen.repository.filter;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** What can stand on either side of a comparison: a property reference or a constant. */
public sealed interface Operand permits Operand.PropertyRef, Operand.Constant {

    /** A string, number or boolean written in the filter. */
    sealed interface Constant extends Operand permits StringConstant, NumberConstant, BooleanConstant {
    }

    /**
     * A property name: one identifier, or several joined by dots for a nested property ({@code a.b}). The identifiers
     * are stored without the whitespace the grammar allows around the dots. Each is checked against the grammar's
     * Identifier, so a backend may use names as column names without quoting surprises.
     */
    record PropertyRef(List<String> path) implements Operand {
        private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z_0-9]*");

        public PropertyRef {
            path = List.copyOf(path);
            if (path.isEmpty()) {
                throw new IllegalArgumentException("a property reference needs at least one identifier");
            }
            for (String identifier : path) {
                if (!IDENTIFIER.matcher(identifier).matches()) {
                    throw new IllegalArgumentException("not an OPTIMADE identifier: '" + identifier + "'");
                }
            }
        }

        /** A reference from its dotted name, e.g. {@code "elements"} or {@code "references.id"}. */
        public static PropertyRef of(String dottedName) {
            return new PropertyRef(List.of(dottedName.split("\\.", -1)));
        }

        /** The dotted name, the key a {@link FilterTarget} and a {@link PropertyCatalogue} are asked for. */
        public String name() {
            return String.join(".", path);
        }

        /** True for {@code a.b} and deeper. */
        public boolean isNested() {
            return path.size() > 1;
        }
    }

    /** A string constant, with the filter's escapes ({@code \"}, {@code \\}) already removed. */
    record StringConstant(String value) implements Constant {
        public StringConstant {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A number constant: a {@link Long} for an integer literal that fits, otherwise a {@link Double}. {@code text} is the
     * literal as written ({@code +.1e8}), kept so that backends with exact decimals can use it and messages can quote it.
     */
    record NumberConstant(Number value, String text) implements Constant {
        public NumberConstant {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(text, "text");
            if (!(value instanceof Long || value instanceof Double)) {
                throw new IllegalArgumentException("a number constant is a Long or a Double, not " + value.getClass());
            }
        }

        /** A constant whose text is Java's rendering of {@code value}. */
        public static NumberConstant of(long value) {
            return new NumberConstant(value, Long.toString(value));
        }
    }

    /** {@code TRUE} or {@code FALSE}. */
    record BooleanConstant(boolean value) implements Constant {
    }
}
