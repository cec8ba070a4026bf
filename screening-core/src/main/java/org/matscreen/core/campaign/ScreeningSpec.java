package org.matscreen.core.campaign;

import java.io.Serializable;
import java.util.List;
import org.matscreen.core.screening.Criterion;
import org.matscreen.core.screening.Objective;

/** Filters, objectives and the size of the ranked table. */
public record ScreeningSpec(List<Criterion> filters, List<Objective> objectives, int top) implements Serializable {
    public ScreeningSpec {
        filters = List.copyOf(filters);
        objectives = List.copyOf(objectives);
    }
}
