package org.matscreen.spark;

import java.io.Serializable;
import java.util.List;
import org.matscreen.core.campaign.ScreeningSpec;
import org.matscreen.core.descriptors.PhaseHint;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.screening.Criterion;
import org.matscreen.core.screening.Objective;
import org.matscreen.core.sim.Status;

/**
 * A campaign's screening applied to records: its filters, and the table entry (metric columns, objective costs,
 * phase hint) of a record that passes. Used where records are made and where committed records are ranked again.
 */
record Screening(ScreeningSpec spec, List<String> tableMetrics) implements Serializable {

    Screening {
        tableMetrics = List.copyOf(tableMetrics);
    }

    /** An OK record that meets every filter (a filter on an unknown metric is not met). */
    boolean passes(CandidateResult r) {
        if (r.status() != Status.OK) {
            return false;
        }
        for (Criterion f : spec.filters()) {
            if (!f.test(r.metric(f.metric()))) {
                return false;
            }
        }
        return true;
    }

    RankedEntry entry(CandidateResult r) {
        double[] metrics = tableMetrics.stream().mapToDouble(r::metric).toArray();
        List<Objective> objectives = spec.objectives();
        double[] costs = new double[objectives.size()];
        for (int i = 0; i < costs.length; i++) {
            costs[i] = objectives.get(i).cost(r.metric(objectives.get(i).metric()));
        }
        // Guo et al. (2011): the VEC rule's phase expectation for a solid solution of this composition
        String phase = PhaseHint.fromVec(r.metric("vec")).toString().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '+');
        return new RankedEntry(r.id(), r.composition().formula(), r.recipe().prototype().key(), phase, metrics,
                costs);
    }
}
