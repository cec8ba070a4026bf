package org.matscreen.repository.filter;

/**
 * An operator that can precede a value in a {@code HAS} value list ({@code list HAS ANY > 3, CONTAINS "x"}): either a
 * comparison or a substring operator. A bare value in such a list means {@link ComparisonOperator#EQ}.
 */
public sealed interface MatchOperator permits ComparisonOperator, StringOperator {
    /** The operator as written in a filter. */
    String symbol();
}
