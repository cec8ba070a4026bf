package org.matscreen.core.campaign;

import java.util.Locale;
import org.matscreen.core.error.InvalidInputException;

/**
 * How a campaign with an ensemble of potentials ranks a composition (campaign key {@code screening.ensemble}): by the
 * mean over the members of each member's value, or by the least favourable member's value in each objective's
 * direction (the largest for a minimised metric, the smallest for a maximised one), so a composition is ranked where
 * every member would at least put it.
 */
public enum EnsembleRanking {
    /** The mean over the members (each member's value itself a mean over the composition's orderings). */
    MEAN,
    /** The least favourable member value per objective direction; filters must hold for every member. */
    WORST;

    /** As campaigns write it: {@code mean} or {@code worst}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EnsembleRanking parse(String text, String source, String field) {
        for (EnsembleRanking r : values()) {
            if (r.key().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new InvalidInputException(source, field, "must be mean or worst, got '" + text + "'");
    }
}
