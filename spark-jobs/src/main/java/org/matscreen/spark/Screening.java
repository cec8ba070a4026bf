package org.matscreen.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.matscreen.core.campaign.ScreeningSpec;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.descriptors.PhaseHint;
import org.matscreen.core.properties.RecordFlag;
import org.matscreen.core.result.Aggregate;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.result.EnsembleAggregate;
import org.matscreen.core.campaign.EnsembleRanking;
import org.matscreen.core.screening.Criterion;
import org.matscreen.core.screening.Objective;
import org.matscreen.core.sim.Status;

/**
 * A campaign's screening applied to records or to per-composition aggregates: its filters, its flag gate (see
 * {@link ScreeningSpec#excludes}), and the table entry (metric columns, objective costs, phase hint) of what passes.
 * Used where records are made and where committed records are ranked again.
 */
record Screening(ScreeningSpec spec, List<String> tableMetrics) implements Serializable {

    Screening {
        tableMetrics = List.copyOf(tableMetrics);
    }

    /** An OK record that meets every filter (a filter on an unknown metric is not met), whatever its flags. */
    boolean passesFilters(CandidateResult r) {
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

    /** Whether records with these flags are left out of the ranking. */
    boolean excluded(Set<RecordFlag> flags) {
        return spec.excludes(flags);
    }

    /** A record that meets the filters and is not left out for its flags: it takes part in the ranking. */
    boolean passes(CandidateResult r) {
        return passesFilters(r) && !excluded(r.flags());
    }

    RankedEntry entry(CandidateResult r) {
        double[] metrics = tableMetrics.stream().mapToDouble(r::metric).toArray();
        double[] errors = new double[metrics.length];
        Arrays.fill(errors, Double.NaN);
        return new RankedEntry(r.id(), r.cellComposition().normalized().formula(), r.recipe().prototype().key(),
                phaseHint(r.cellComposition(), r.metric("vec")), metrics, errors, costs(r::metric), 1);
    }

    /** An aggregate with at least one OK member whose means meet every filter (flags aside). */
    boolean passesFilters(Aggregate a) {
        if (a.okMembers() == 0) {
            return false;
        }
        for (Criterion f : spec.filters()) {
            if (!f.test(a.metric(f.metric()).mean())) {
                return false;
            }
        }
        return true;
    }

    /**
     * An aggregate takes part in the ranking when its means meet the filters and none of its OK members carries a
     * flag that leaves it out: a composition where some orderings transform is no robust solid solution.
     */
    boolean passes(Aggregate a) {
        return passesFilters(a) && !excluded(a.flags());
    }

    /** The table entry of an aggregate: means as values, standard errors beside them, costs from the means. */
    RankedEntry entry(Aggregate a) {
        double[] metrics = tableMetrics.stream().mapToDouble(k -> a.metric(k).mean()).toArray();
        double[] errors = tableMetrics.stream().mapToDouble(k -> a.metric(k).sem()).toArray();
        return new RankedEntry(a.groupId(), a.cellComposition().normalized().formula(),
                a.recipe().prototype().key(), phaseHint(a.cellComposition(), a.metric("vec").mean()), metrics, errors,
                costs(k -> a.metric(k).mean()), a.okMembers());
    }

    /**
     * An ensemble's composition whose every member computed it and whose values meet every filter: by the members'
     * mean, or with {@code screening.ensemble: worst} for every member (flags aside).
     */
    boolean passesFilters(EnsembleAggregate a) {
        if (!a.complete()) {
            return false;
        }
        for (Criterion f : spec.filters()) {
            if (!a.meets(f, spec.ensembleRanking())) {
                return false;
            }
        }
        return true;
    }

    /** An ensemble's composition takes part in the ranking: it passes the filters and no OK record is flagged out. */
    boolean passes(EnsembleAggregate a) {
        return passesFilters(a) && !excluded(a.flags());
    }

    /**
     * The table entry of an ensemble's composition: each objective metric by the ranking's value (the members' mean,
     * or the least favourable member in the objective's direction), other columns by the members' mean; the standard
     * deviation across the members beside every value; costs from the ranking's values.
     */
    RankedEntry entry(EnsembleAggregate a) {
        EnsembleRanking ranking = spec.ensembleRanking();
        double[] metrics = tableMetrics.stream().mapToDouble(k -> tableValue(a, k, ranking)).toArray();
        double[] errors = tableMetrics.stream().mapToDouble(k -> a.spread(k).std()).toArray();
        List<Objective> objectives = spec.objectives();
        double[] costs = new double[objectives.size()];
        for (int i = 0; i < costs.length; i++) {
            Objective o = objectives.get(i);
            costs[i] = o.cost(a.rankingValue(o.metric(), ranking, o.maximise()));
        }
        return new RankedEntry(a.groupId(), a.cellComposition().normalized().formula(),
                a.recipe().prototype().key(), phaseHint(a.cellComposition(),
                        a.rankingValue("vec", EnsembleRanking.MEAN, false)), metrics, errors, costs, a.okMembers());
    }

    /** A table column's value: an objective's metric by the ranking's value, any other by the members' mean. */
    private double tableValue(EnsembleAggregate a, String metric, EnsembleRanking ranking) {
        return spec.objectives().stream().filter(o -> o.metric().equals(metric)).findFirst()
                .map(o -> a.rankingValue(metric, ranking, o.maximise()))
                .orElseGet(() -> a.rankingValue(metric, EnsembleRanking.MEAN, false));
    }

    private double[] costs(java.util.function.ToDoubleFunction<String> metric) {
        List<Objective> objectives = spec.objectives();
        double[] costs = new double[objectives.size()];
        for (int i = 0; i < costs.length; i++) {
            costs[i] = objectives.get(i).cost(metric.applyAsDouble(objectives.get(i).metric()));
        }
        return costs;
    }

    /**
     * Guo et al. (2011): the VEC rule's phase expectation for a solid solution of this composition; none for a pure
     * element, whose structure the rule does not predict.
     */
    static String phaseHint(Composition cell, double vec) {
        if (cell.size() < 2) {
            return "-";
        }
        return PhaseHint.fromVec(vec).toString().toLowerCase(Locale.ROOT).replace('_', '+');
    }
}
