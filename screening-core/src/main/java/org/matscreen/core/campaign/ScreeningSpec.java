package org.matscreen.core.campaign;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.matscreen.core.screening.Criterion;
import org.matscreen.core.screening.Objective;

/** Filters, objectives, the size of the ranked table, and how candidates are chosen for simulation. */
public record ScreeningSpec(List<Criterion> filters, List<Objective> objectives, int top, StrategySpec strategy)
        implements Serializable {
    public ScreeningSpec {
        filters = List.copyOf(filters);
        objectives = List.copyOf(objectives);
        strategy = Objects.requireNonNullElse(strategy, new StrategySpec.Exhaustive());
    }

    /** An exhaustive screening (every candidate is simulated). */
    public ScreeningSpec(List<Criterion> filters, List<Objective> objectives, int top) {
        this(filters, objectives, top, new StrategySpec.Exhaustive());
    }
}
