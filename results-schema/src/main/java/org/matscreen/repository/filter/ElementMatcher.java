package org.matscreen.repository.filter;

/**
 * The compiled form of one {@link ValueListEntry}: tests a list item against the entry's operand (usually a constant;
 * a property is fetched from the same entry).
 */
final class ElementMatcher {
    private final ValueSource operand;
    private final ValueTest test;

    ElementMatcher(ValueSource operand, ValueTest test) {
        this.operand = operand;
        this.test = test;
    }

    /** The test on a normalised item; an unknown item or operand gives {@link Truth#UNKNOWN}. */
    Truth match(Object item, FilterTarget target) {
        if (item == null) {
            return Truth.UNKNOWN;
        }
        Object value = operand.fetch(target);
        return value == null ? Truth.UNKNOWN : test.test(item, value);
    }
}
