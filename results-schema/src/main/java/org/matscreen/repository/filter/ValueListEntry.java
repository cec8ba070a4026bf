package org.matscreen.repository.filter;

import java.util.Objects;

/**
 * One entry of a {@code HAS} right-hand side, the grammar's {@code ValueListEntry}: an operator and a value that a list
 * item is tested against. {@code HAS "Al"} is {@code (=, "Al")}; {@code HAS < 3} is {@code (<, 3)}.
 */
public record ValueListEntry(MatchOperator operator, Operand value) {
    public ValueListEntry {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
    }

    /** The usual case: a list item equal to {@code value}. */
    public static ValueListEntry equalTo(Operand value) {
        return new ValueListEntry(ComparisonOperator.EQ, value);
    }
}
