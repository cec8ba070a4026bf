package org.matscreen.repository.filter;

import java.time.Instant;

/**
 * A test between an entry's value (or list item) and an operand value, both known and normalised: numbers as
 * {@link Number}, timestamps as {@link Instant}. Chosen once per node at compile time, so evaluation does not dispatch on
 * types.
 */
@FunctionalInterface
interface ValueTest {
    Truth test(Object value, Object operand);

    /** {@code value op operand} for values of {@code type} (for a list, its item type). */
    static ValueTest comparison(PropertyType type, ComparisonOperator operator) {
        if (type.isNumeric()) {
            return (a, b) -> Truth.of(operator.holds(EntryValues.compareNumbers((Number) a, (Number) b)));
        }
        switch (type) {
            case STRING:
                return (a, b) -> Truth.of(operator.holds(((String) a).compareTo((String) b)));
            case TIMESTAMP:
                return (a, b) -> Truth.of(operator.holds(((Instant) a).compareTo((Instant) b)));
            case BOOLEAN:
                return (a, b) -> Truth.of(operator.holds(Boolean.compare((Boolean) a, (Boolean) b)));
            default:
                throw new IllegalArgumentException("no comparison for " + type);
        }
    }

    /** {@code CONTAINS}, {@code STARTS WITH}, {@code ENDS WITH} on strings. */
    static ValueTest substring(StringOperator operator) {
        return (a, b) -> Truth.of(operator.matches((String) a, (String) b));
    }
}
