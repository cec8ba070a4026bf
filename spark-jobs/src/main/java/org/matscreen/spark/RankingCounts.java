package org.matscreen.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a ranking pass saw besides its fronts: how many OK records (or aggregates) carry each flag, and how many met
 * the filters but were left out of the ranking for their flags. Bounded: one counter per flag.
 *
 * @param flagCounts records (or aggregates) per flag key
 * @param excluded records (or aggregates) that met the filters but were left out for their flags
 */
public record RankingCounts(Map<String, Long> flagCounts, long excluded) implements Serializable {

    public static final RankingCounts NONE = new RankingCounts(Map.of(), 0);

    public RankingCounts {
        flagCounts = new TreeMap<>(flagCounts);
    }

    public RankingCounts plus(RankingCounts o) {
        Map<String, Long> m = new TreeMap<>(flagCounts);
        o.flagCounts.forEach((k, v) -> m.merge(k, v, Long::sum));
        return new RankingCounts(m, excluded + o.excluded);
    }
}
