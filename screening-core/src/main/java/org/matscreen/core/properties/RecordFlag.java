package org.matscreen.core.properties;

import java.util.Locale;
import org.matscreen.core.error.InvalidInputException;

/**
 * What a record says about the trust its numbers deserve. Properties raise flags (see
 * {@link PropertyCalculation#flags()}); the flags a record carries are stored in its {@code flags} column. Ranking
 * leaves out records with a flag that {@link #excludesFromRanking()} unless the campaign admits it
 * ({@code screening.admit}), and only when the ranking reads a computed property: a ranking on composition
 * descriptors alone does not depend on what the relaxation did.
 */
public enum RecordFlag {
    UNCONVERGED(true, "the primary relaxation did not reach its force and pressure tolerances; no E(V) scan or"
            + " elastic constants were computed on it"),
    TRANSFORMED(true, "the cell the properties belong to is no longer the requested prototype (structure_after is"
            + " not the prototype, or the cell is strained away from it)"),
    PROTOTYPE_UNSTABLE(true, "the free relaxation of the instability probe left the prototype: the prototype is"
            + " unstable at this composition under this potential"),
    MECHANICALLY_UNSTABLE(true, "the elastic constants violate the Born criteria of the prototype's symmetry"),
    UNSTABLE_REFERENCE(false, "a pure-element reference of the enthalpies is mechanically unstable in its structure"
            + " (informational: the enthalpy is still defined against that reference)");

    private final boolean excludes;
    private final String meaning;

    RecordFlag(boolean excludes, String meaning) {
        this.excludes = excludes;
        this.meaning = meaning;
    }

    /** {@code unconverged}, {@code transformed}, {@code prototype-unstable}, … as stored. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether a record with this flag is left out of Pareto ranks and top-k by default. */
    public boolean excludesFromRanking() {
        return excludes;
    }

    /** One sentence for documentation and reports. */
    public String meaning() {
        return meaning;
    }

    public static RecordFlag parse(String text, String source, String field) {
        if (text != null) {
            for (RecordFlag f : values()) {
                if (f.key().equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
        }
        throw new InvalidInputException(source, field, "unknown flag '" + text + "' (known: unconverged, transformed,"
                + " prototype-unstable, mechanically-unstable, unstable-reference)");
    }

    /** The flag stored under {@code key}, or null for a key this version does not know. */
    public static RecordFlag ofKey(String key) {
        for (RecordFlag f : values()) {
            if (f.key().equals(key)) {
                return f;
            }
        }
        return null;
    }
}
