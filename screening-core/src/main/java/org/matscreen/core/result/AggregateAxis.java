package org.matscreen.core.result;

import java.util.Locale;

/**
 * An axis of variation that per-composition aggregates summarise: records that differ only along it form one group.
 * Configurations (independent orderings of one composition) are the axis computed today; a second axis (the same
 * composition under several potentials) joins as another constant with its own grouping key.
 */
public enum AggregateAxis {
    /** Independent orderings (random or SQS cells) of one composition, prototype, recipe and method. */
    CONFIGURATIONS;

    /** Lower-case name, also the folder of the aggregates table ({@code aggregates/configurations/}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The group a record belongs to along this axis. */
    public String groupOf(CandidateResult r) {
        return switch (this) {
            case CONFIGURATIONS -> r.groupId();
        };
    }
}
