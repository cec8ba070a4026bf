package org.matscreen.repository.filter;

/** The list operators: {@code HAS}, {@code HAS ALL}, {@code HAS ANY}, {@code HAS ONLY}. */
public enum SetOperator {
    /** At least one list item matches the single value. */
    HAS("HAS"),
    /** Every value is matched by at least one list item. */
    HAS_ALL("HAS ALL"),
    /** At least one value is matched by at least one list item. */
    HAS_ANY("HAS ANY"),
    /** Every list item matches at least one value (OPTIONAL in OPTIMADE; supported here). */
    HAS_ONLY("HAS ONLY");

    private final String keywords;

    SetOperator(String keywords) {
        this.keywords = keywords;
    }

    /** The keyword(s) as written in a filter. */
    public String keywords() {
        return keywords;
    }
}
