package org.matscreen.core.result;

import java.util.Locale;

/**
 * An axis of variation that per-composition aggregates summarise: records that differ only along it form one group.
 * Configurations are the independent orderings of one composition under one potential ({@link Aggregate}); potentials
 * are the members of an ensemble computing the same composition and cells ({@link EnsembleAggregate}, whose members
 * are each a configurations aggregate).
 */
public enum AggregateAxis {
    /** Independent orderings (random or SQS cells) of one composition, prototype, recipe and method. */
    CONFIGURATIONS,
    /** The members of an ensemble of potentials, on the same composition, prototype, recipe and orderings. */
    POTENTIALS;

    /** Lower-case name, also the folder of the aggregates table ({@code aggregates/configurations/}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The group a record belongs to along this axis. */
    public String groupOf(CandidateResult r) {
        return switch (this) {
            case CONFIGURATIONS -> r.groupId();
            case POTENTIALS -> CandidateIds.configuration(r.composition(), r.recipe().withSample(0).key());
        };
    }
}
