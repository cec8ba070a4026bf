package org.matscreen.core.result;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.matscreen.core.campaign.EnsembleRanking;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.properties.RecordFlag;
import org.matscreen.core.screening.Criterion;
import org.matscreen.core.screening.SampleStatistics;
import org.matscreen.core.sim.PotentialEnsemble;
import org.matscreen.core.structure.StructureRecipe;

/**
 * One composition (prototype and recipe) computed with every member of an ensemble of potentials: per member, the
 * aggregate of its orderings ({@link AggregateAxis#CONFIGURATIONS}), and across the members the spread of their
 * means, the systematic-error estimate. Built by {@link #of} and {@link #merge}, which are associative, so partial
 * aggregates from different partitions combine in any order.
 *
 * @param groupId the {@link CandidateIds#configuration} id of sample 0: the same for every member
 * @param potentials member names in campaign order
 * @param potentialKeys member content keys, aligned with {@code potentials}
 * @param byMember member index → that member's configuration aggregate (members without a record yet are absent)
 */
public record EnsembleAggregate(String groupId, String campaign, Composition composition,
        Composition cellComposition, StructureRecipe recipe, List<String> potentials, List<String> potentialKeys,
        Map<Integer, Aggregate> byMember) implements Serializable {

    public EnsembleAggregate {
        potentials = List.copyOf(potentials);
        potentialKeys = List.copyOf(potentialKeys);
        byMember = Collections.unmodifiableMap(new TreeMap<>(byMember));
    }

    /**
     * The spread of one metric across the members.
     *
     * @param n members with a value (each member's value is the mean over its OK orderings)
     * @param mean mean of the member values
     * @param std sample standard deviation of the member values (NaN for fewer than two)
     * @param min smallest member value
     * @param max largest member value
     * @param memberValues each member's value, aligned with {@link #potentials()} (NaN where it has none)
     * @param configurationStd the standard deviation over orderings within a member, pooled over the members that
     *     have two or more (√(Σ squared deviations / Σ (n − 1))); NaN without sampling
     */
    public record Spread(int n, double mean, double std, double min, double max, double[] memberValues,
            double configurationStd) {

        /** max − min (NaN when no member has a value). */
        public double range() {
            return n == 0 ? Double.NaN : max - min;
        }
    }

    /** The aggregate of one record of member {@code ensemble.indexOf(its potential key)}. */
    public static EnsembleAggregate of(PotentialEnsemble ensemble, CandidateResult r) {
        int member = ensemble.indexOf(r.method().potential().key());
        if (member < 0) {
            throw new IllegalArgumentException("record " + r.id() + " was computed with "
                    + r.method().potential().name() + ", not a member of the ensemble " + ensemble.names());
        }
        return new EnsembleAggregate(AggregateAxis.POTENTIALS.groupOf(r), r.campaign(), r.composition(),
                r.cellComposition(), r.recipe().withSample(0), ensemble.names(), ensemble.keys(),
                Map.of(member, Aggregate.of(AggregateAxis.CONFIGURATIONS, r)));
    }

    /** The aggregate of both groups' records (the same composition). */
    public EnsembleAggregate merge(EnsembleAggregate o) {
        if (!groupId.equals(o.groupId)) {
            throw new IllegalArgumentException("cannot merge groups " + groupId + " and " + o.groupId);
        }
        Map<Integer, Aggregate> m = new TreeMap<>(byMember);
        o.byMember.forEach((k, v) -> m.merge(k, v, Aggregate::merge));
        return new EnsembleAggregate(groupId, campaign, composition, cellComposition, recipe, potentials,
                potentialKeys, m);
    }

    /** Records of the group, all members. */
    public int members() {
        return byMember.values().stream().mapToInt(Aggregate::members).sum();
    }

    /** OK records of the group, all members. */
    public int okMembers() {
        return byMember.values().stream().mapToInt(Aggregate::okMembers).sum();
    }

    /** Members (potentials) with at least one OK record. */
    public int okPotentials() {
        return (int) byMember.values().stream().filter(a -> a.okMembers() > 0).count();
    }

    /** Whether every member has an OK record: only then does the spread cover the whole ensemble. */
    public boolean complete() {
        return okPotentials() == potentials.size();
    }

    /** Ids of every record, sorted. */
    public List<String> memberIds() {
        List<String> ids = new ArrayList<>();
        byMember.values().forEach(a -> ids.addAll(a.memberIds()));
        Collections.sort(ids);
        return ids;
    }

    /** OK records carrying each flag, all members. */
    public Map<RecordFlag, Integer> flagCounts() {
        Map<RecordFlag, Integer> m = new EnumMap<>(RecordFlag.class);
        byMember.values().forEach(a -> a.flagCounts().forEach((k, v) -> m.merge(k, v, Integer::sum)));
        return m;
    }

    /** The flags at least one OK record of any member carries. */
    public Set<RecordFlag> flags() {
        Set<RecordFlag> s = java.util.EnumSet.noneOf(RecordFlag.class);
        byMember.values().forEach(a -> s.addAll(a.flags()));
        return s;
    }

    /** The spread of a metric across the members. */
    public Spread spread(String metric) {
        double[] values = new double[potentials.size()];
        java.util.Arrays.fill(values, Double.NaN);
        SampleStatistics across = SampleStatistics.EMPTY;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double squares = 0;
        long dof = 0;
        for (Map.Entry<Integer, Aggregate> e : byMember.entrySet()) {
            SampleStatistics within = e.getValue().metric(metric);
            if (within.n() == 0) {
                continue;
            }
            values[e.getKey()] = within.mean();
            across = across.add(within.mean());
            min = Math.min(min, within.mean());
            max = Math.max(max, within.mean());
            if (within.n() > 1) {
                squares += within.m2();
                dof += within.n() - 1;
            }
        }
        int n = (int) across.n();
        return new Spread(n, across.mean(), across.std(), n == 0 ? Double.NaN : min, n == 0 ? Double.NaN : max,
                values, dof == 0 ? Double.NaN : Math.sqrt(squares / dof));
    }

    /**
     * The value a ranking uses for a metric: the mean over the members, or with {@link EnsembleRanking#WORST} the
     * least favourable member's value in the objective's direction (largest when minimised, smallest when
     * maximised). NaN unless every member has a value: a spread that leaves a member out is no ensemble's.
     */
    public double rankingValue(String metric, EnsembleRanking ranking, boolean maximise) {
        Spread s = spread(metric);
        if (s.n() < potentials.size()) {
            return Double.NaN;
        }
        return switch (ranking) {
            case MEAN -> s.mean();
            case WORST -> maximise ? s.min() : s.max();
        };
    }

    /**
     * Whether a filter holds: for the members' mean, or with {@link EnsembleRanking#WORST} for every member. Not met
     * unless every member has a value.
     */
    public boolean meets(Criterion filter, EnsembleRanking ranking) {
        Spread s = spread(filter.metric());
        if (s.n() < potentials.size()) {
            return false;
        }
        if (ranking == EnsembleRanking.MEAN) {
            return filter.test(s.mean());
        }
        for (double v : s.memberValues()) {
            if (!filter.test(v)) {
                return false;
            }
        }
        return true;
    }
}
