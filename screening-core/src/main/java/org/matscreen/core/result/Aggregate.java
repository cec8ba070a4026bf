package org.matscreen.core.result;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.properties.RecordFlag;
import org.matscreen.core.screening.Metrics;
import org.matscreen.core.screening.SampleStatistics;
import org.matscreen.core.sim.Status;
import org.matscreen.core.structure.StructureRecipe;

/**
 * The records of one group along an {@link AggregateAxis}, summarised: how many there are, which flags they carry,
 * and the mean, standard deviation and standard error of every metric over the OK members. Built by {@link #of} and
 * {@link #merge}, which are associative, so partial aggregates from different partitions combine in any order.
 *
 * @param groupId the group's key along the axis (for configurations: the id of sample 0)
 * @param potential name of the potential the members were computed with (for configurations, one per group)
 * @param composition nominal composition (shared by the members)
 * @param cellComposition composition of the cells (shared)
 * @param recipe the members' recipe at sample 0
 * @param members records of the group
 * @param okMembers members with status OK (the statistics are over these)
 * @param memberIds ids of the members, sorted
 * @param flagCounts OK members carrying each flag
 * @param metrics statistics per metric key (property metrics and descriptors), over the OK members
 */
public record Aggregate(AggregateAxis axis, String groupId, String campaign, String potential,
        Composition composition, Composition cellComposition, StructureRecipe recipe, int members, int okMembers, List<String> memberIds,
        Map<RecordFlag, Integer> flagCounts, Map<String, SampleStatistics> metrics) implements Serializable {

    public Aggregate {
        memberIds = List.copyOf(memberIds);
        flagCounts = flagCounts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(flagCounts));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** The aggregate of a single record. */
    public static Aggregate of(AggregateAxis axis, CandidateResult r) {
        boolean ok = r.status() == Status.OK;
        Map<RecordFlag, Integer> flags = new EnumMap<>(RecordFlag.class);
        if (ok) {
            r.flags().forEach(f -> flags.put(f, 1));
        }
        Map<String, SampleStatistics> m = new LinkedHashMap<>();
        for (String key : Metrics.all().keySet()) {
            m.put(key, ok ? SampleStatistics.EMPTY.add(r.metric(key)) : SampleStatistics.EMPTY);
        }
        return new Aggregate(axis, axis.groupOf(r), r.campaign(), r.method().potential().name(), r.composition(),
                r.cellComposition(), r.recipe().withSample(0), 1, ok ? 1 : 0, List.of(r.id()), flags, m);
    }

    /** The aggregate of both groups' members (the same group). */
    public Aggregate merge(Aggregate o) {
        if (!groupId.equals(o.groupId) || axis != o.axis) {
            throw new IllegalArgumentException("cannot merge groups " + groupId + " and " + o.groupId);
        }
        List<String> ids = new ArrayList<>(memberIds);
        ids.addAll(o.memberIds);
        Collections.sort(ids);
        Map<RecordFlag, Integer> flags = new EnumMap<>(RecordFlag.class);
        flags.putAll(flagCounts);
        o.flagCounts.forEach((k, v) -> flags.merge(k, v, Integer::sum));
        Map<String, SampleStatistics> m = new LinkedHashMap<>();
        Set<String> keys = new java.util.LinkedHashSet<>(metrics.keySet());
        keys.addAll(o.metrics.keySet());
        for (String k : keys) {
            m.put(k, metrics.getOrDefault(k, SampleStatistics.EMPTY).merge(o.metrics.getOrDefault(k,
                    SampleStatistics.EMPTY)));
        }
        return new Aggregate(axis, groupId, campaign, potential, composition, cellComposition, recipe,
                members + o.members, okMembers + o.okMembers, ids, flags, m);
    }

    /** Statistics of one metric (empty when no OK member has it). */
    public SampleStatistics metric(String key) {
        return metrics.getOrDefault(key, SampleStatistics.EMPTY);
    }

    /** The flags at least one OK member carries. */
    public Set<RecordFlag> flags() {
        Set<RecordFlag> s = java.util.EnumSet.noneOf(RecordFlag.class);
        flagCounts.forEach((k, v) -> {
            if (v > 0) {
                s.add(k);
            }
        });
        return s;
    }

    /** Flag counts by flag key, for printing. */
    public Map<String, Integer> flagCountsByKey() {
        Map<String, Integer> m = new TreeMap<>();
        flagCounts.forEach((k, v) -> m.put(k.key(), v));
        return m;
    }
}
