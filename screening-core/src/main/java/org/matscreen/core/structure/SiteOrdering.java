package org.matscreen.core.structure;

import java.util.Locale;
import org.matscreen.core.error.InvalidInputException;

/** How species are placed on the sites of a supercell. */
public enum SiteOrdering {
    /** A uniformly random permutation, seeded from the candidate id so every run builds the same cell. */
    RANDOM,
    /**
     * A special quasi-random structure: starting from the seeded random permutation, species swaps that bring the
     * Warren–Cowley short-range-order parameters of the first neighbour shells closer to zero are accepted.
     */
    SQS;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SiteOrdering parse(String text, String source, String field) {
        if (text != null) {
            for (SiteOrdering o : values()) {
                if (o.key().equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return o;
                }
            }
        }
        throw new InvalidInputException(source, field, "unknown ordering '" + text + "' (known: random, sqs)");
    }
}
