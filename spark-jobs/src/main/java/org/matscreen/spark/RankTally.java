package org.matscreen.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.matscreen.core.properties.RecordFlag;

/**
 * One executor task's share of a ranking, whatever it ranks (records, per-composition aggregates, ensemble
 * aggregates): counts the flags it saw, admits what passes the filters and the flag gate, counts what the gate left
 * out, and keeps the first k Pareto fronts of the rest. Not thread-safe; one per task.
 */
final class RankTally {
    private final List<RankedEntry> entries = new ArrayList<>();
    private final Map<String, Long> flags = new TreeMap<>();
    private long excluded;

    /**
     * Offers one ranked unit.
     *
     * @param unitFlags its flags, all counted
     * @param passesFilters whether it meets the campaign's filters
     * @param gateExcludes whether its flags keep it out of the ranking (counted only when it met the filters)
     * @param entry its ranked entry, built only when it is admitted
     */
    void offer(Set<RecordFlag> unitFlags, boolean passesFilters, boolean gateExcludes, Supplier<RankedEntry> entry) {
        unitFlags.forEach(f -> flags.merge(f.key(), 1L, Long::sum));
        if (!passesFilters) {
            return;
        }
        if (gateExcludes) {
            excluded++;
        } else {
            entries.add(entry.get());
        }
    }

    /** The task's first {@code top} fronts and counts. */
    RankingStage.Part part(int top) {
        return new RankingStage.Part(TopCandidates.firstFronts(entries, top), new RankingCounts(flags, excluded));
    }
}
