package org.matscreen.repository.filter;

/** The substring operators {@code CONTAINS}, {@code STARTS [WITH]} and {@code ENDS [WITH]}. */
public enum StringOperator implements MatchOperator {
    CONTAINS("CONTAINS"),
    STARTS_WITH("STARTS WITH"),
    ENDS_WITH("ENDS WITH");

    private final String symbol;

    StringOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The keyword(s) as written in a filter; {@code WITH} is optional there but always rendered. */
    @Override
    public String symbol() {
        return symbol;
    }

    /** Whether {@code value} matches {@code fragment} under this operator. */
    public boolean matches(String value, String fragment) {
        switch (this) {
            case CONTAINS:
                return value.contains(fragment);
            case STARTS_WITH:
                return value.startsWith(fragment);
            default:
                return value.endsWith(fragment);
        }
    }
}
