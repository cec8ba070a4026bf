package org.matscreen.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.matscreen.core.screening.ParetoRanking;

/**
 * Exact top-k by Pareto rank without collecting every candidate: a candidate's rank among all candidates is at least
 * its rank within its partition, and the first k fronts always hold at least k candidates, so the global top k lie in
 * the union of every partition's first k fronts. Partitions keep those; the driver peels fronts from the union until
 * it has k.
 */
public final class TopCandidates {
    private TopCandidates() {}

    /** The entries of the first {@code k} Pareto fronts. */
    public static List<RankedEntry> firstFronts(List<RankedEntry> entries, int k) {
        int[] ranks = ParetoRanking.ranks(entries.stream().map(RankedEntry::costs).toList());
        List<RankedEntry> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (ranks[i] >= 1 && ranks[i] <= k) {
                out.add(entries.get(i));
            }
        }
        return out;
    }

    /** A ranked row: Pareto rank (1 = front) and the entry. */
    public record Row(int rank, RankedEntry entry) {}

    /**
     * The best {@code k} of a union of partition fronts: whole fronts in rank order until at least k rows, each front
     * ordered by its first objective, then cut to k.
     */
    public static List<Row> merge(List<RankedEntry> union, int k) {
        List<RankedEntry> remaining = new ArrayList<>(union);
        List<Row> rows = new ArrayList<>();
        Comparator<RankedEntry> byFirst = Comparator.comparingDouble((RankedEntry e) -> e.costs()[0])
                .thenComparing(RankedEntry::id);
        for (int rank = 1; rows.size() < k && !remaining.isEmpty(); rank++) {
            List<RankedEntry> front = new ArrayList<>();
            for (RankedEntry e : remaining) {
                boolean dominated = false;
                for (RankedEntry o : remaining) {
                    if (o != e && ParetoRanking.dominates(o.costs(), e.costs())) {
                        dominated = true;
                        break;
                    }
                }
                if (!dominated) {
                    front.add(e);
                }
            }
            remaining.removeAll(front);
            front.sort(byFirst);
            for (RankedEntry e : front) {
                rows.add(new Row(rank, e));
            }
        }
        return rows.size() > k ? rows.subList(0, k) : rows;
    }
}
