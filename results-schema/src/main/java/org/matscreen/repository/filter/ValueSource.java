package org.matscreen.repository.filter;

import java.util.Optional;

/**
 * Where a compiled node gets an operand's value for an entry: a constant, or a property read through
 * {@link FilterTarget} and normalised by {@link EntryValues}. {@code null} means unknown.
 */
@FunctionalInterface
interface ValueSource {
    Object fetch(FilterTarget target);

    static ValueSource constant(Object value) {
        return target -> value;
    }

    /** A property of another provider: unknown on every entry. */
    static ValueSource unknown() {
        return target -> null;
    }

    static ValueSource property(String name, PropertyType type) {
        return target -> {
            Optional<?> value = target.value(name);
            return value.isPresent() ? EntryValues.normalise(value.get(), type, name) : null;
        };
    }
}
