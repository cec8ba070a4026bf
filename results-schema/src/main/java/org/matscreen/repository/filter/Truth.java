package org.matscreen.repository.filter;

/**
 * Kleene's three-valued logic, which is how the spec's rules on unknown values compose. A comparison involving an
 * unknown value is {@link #UNKNOWN}; {@code NOT UNKNOWN} stays {@link #UNKNOWN}; an entry matches only on {@link #TRUE}.
 * So {@code NOT nelements = 3} does not match an entry whose {@code nelements} is unknown ("filters that use any form of
 * comparison that involve properties of unknown values MUST NOT match"), while {@code NOT nelements IS KNOWN} does,
 * since IS KNOWN is never unknown — the one exception the spec names. OR still lets a known branch decide:
 * {@code UNKNOWN OR TRUE} is {@link #TRUE}.
 */
enum Truth {
    TRUE,
    FALSE,
    UNKNOWN;

    static Truth of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** Kleene AND: FALSE wins, then UNKNOWN. */
    Truth and(Truth other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : TRUE;
    }

    /** Kleene OR: TRUE wins, then UNKNOWN. */
    Truth or(Truth other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : FALSE;
    }

    Truth not() {
        switch (this) {
            case TRUE:
                return FALSE;
            case FALSE:
                return TRUE;
            default:
                return UNKNOWN;
        }
    }
}
