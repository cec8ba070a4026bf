package org.matscreen.core.campaign;

import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.matscreen.core.properties.RecordFlag;
import org.matscreen.core.screening.Criterion;
import org.matscreen.core.screening.Metrics;
import org.matscreen.core.screening.Objective;

/**
 * Filters, objectives, the size of the ranked table, how candidates are chosen for simulation, and the flags the
 * campaign admits to ranking.
 *
 * @param admitted flags that do not exclude a record from ranking although they would by default (campaign key
 *     {@code screening.admit})
 * @param ensembleRanking how a campaign with an ensemble of potentials ranks a composition over its members
 *     (campaign key {@code screening.ensemble}; {@link EnsembleRanking#MEAN} by default, unused otherwise)
 */
public record ScreeningSpec(List<Criterion> filters, List<Objective> objectives, int top, StrategySpec strategy,
        Set<RecordFlag> admitted, EnsembleRanking ensembleRanking) implements Serializable {

    public ScreeningSpec {
        filters = List.copyOf(filters);
        objectives = List.copyOf(objectives);
        strategy = Objects.requireNonNullElse(strategy, new StrategySpec.Exhaustive());
        admitted = admitted == null || admitted.isEmpty() ? EnumSet.noneOf(RecordFlag.class)
                : EnumSet.copyOf(admitted);
        ensembleRanking = Objects.requireNonNullElse(ensembleRanking, EnsembleRanking.MEAN);
    }

    /** A screening that ranks an ensemble's compositions by their means. */
    public ScreeningSpec(List<Criterion> filters, List<Objective> objectives, int top, StrategySpec strategy,
            Set<RecordFlag> admitted) {
        this(filters, objectives, top, strategy, admitted, EnsembleRanking.MEAN);
    }

    /** An exhaustive screening (every candidate is simulated), no flag admitted. */
    public ScreeningSpec(List<Criterion> filters, List<Objective> objectives, int top) {
        this(filters, objectives, top, new StrategySpec.Exhaustive(), EnumSet.noneOf(RecordFlag.class));
    }

    /** A screening with the given strategy, no flag admitted. */
    public ScreeningSpec(List<Criterion> filters, List<Objective> objectives, int top, StrategySpec strategy) {
        this(filters, objectives, top, strategy, EnumSet.noneOf(RecordFlag.class));
    }

    /** An exhaustive screening that admits the given flags. */
    public ScreeningSpec(List<Criterion> filters, List<Objective> objectives, int top, Set<RecordFlag> admitted) {
        this(filters, objectives, top, new StrategySpec.Exhaustive(), admitted);
    }

    /** True if an objective or filter reads a computed property (not only composition descriptors). */
    public boolean readsProperties() {
        return objectives.stream().anyMatch(o -> Metrics.isPropertyMetric(o.metric()))
                || filters.stream().anyMatch(f -> Metrics.isPropertyMetric(f.metric()));
    }

    /**
     * Whether a record with these flags is left out of Pareto ranks and top-k: it carries a flag that excludes by
     * default and that the campaign does not admit, and the ranking reads a computed property.
     */
    public boolean excludes(Collection<RecordFlag> flags) {
        if (!readsProperties()) {
            return false;
        }
        for (RecordFlag f : flags) {
            if (f.excludesFromRanking() && !admitted.contains(f)) {
                return true;
            }
        }
        return false;
    }
}
