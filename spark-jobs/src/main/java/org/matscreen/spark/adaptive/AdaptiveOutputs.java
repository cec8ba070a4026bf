package org.matscreen.spark.adaptive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.matscreen.core.adaptive.Acquisition;
import org.matscreen.core.adaptive.AdaptiveStrategy;
import org.matscreen.core.adaptive.Observation;
import org.matscreen.core.adaptive.Scored;
import org.matscreen.core.screening.ParetoRanking;
import org.matscreen.core.space.Candidate;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.repository.AdaptiveManifest;

/**
 * The outputs of an adaptive campaign for the manifest: the measured Pareto front (simulated candidates that pass
 * the filters and that no other such candidate dominates) and the predicted one (candidates not simulated, by
 * predicted mean, with their uncertainty), each member with its index, id, formula and prototype.
 */
public final class AdaptiveOutputs {
    /** Predicted-front members listed in the manifest at most (the surrogate map holds every candidate). */
    public static final int MAX_LISTED = 500;
    /** A predicted front member must pass the filters with at least this probability. */
    public static final double MIN_PROBABILITY_FEASIBLE = 0.5;

    private AdaptiveOutputs() {}

    /**
     * The measured front of a fitted round's observations.
     *
     * @param rounds the round that simulated each index (absent: none did)
     */
    public static List<AdaptiveManifest.FrontMember> measured(AdaptiveStrategy.Round round, CandidateSpace space,
            List<String> quantities, LongFunction<String> ids, Map<Long, Integer> rounds) {
        Acquisition a = round.model().acquisition();
        List<Observation> obs = round.observations();
        List<double[]> costs = new ArrayList<>();
        for (int i = 0; i < obs.size(); i++) {
            double[] v = round.values().get(i);
            double[] c = a.costs(v);
            boolean known = Arrays.stream(c).allMatch(Double::isFinite);
            if (!a.feasible(v) || !known) {
                Arrays.fill(c, Double.NaN); // not ranked
            }
            costs.add(c);
        }
        int[] rank = ParetoRanking.ranks(costs);
        List<AdaptiveManifest.FrontMember> out = new ArrayList<>();
        for (int i = 0; i < obs.size(); i++) {
            if (rank[i] == 1) {
                long index = obs.get(i).index();
                Candidate c = space.candidate(index);
                out.add(new AdaptiveManifest.FrontMember(index, ids.apply(index), c.composition().formula(),
                        c.prototype().key(), rounds.get(index), byMetric(quantities, round.values().get(i)), Map.of(),
                        null));
            }
        }
        out.sort(Comparator.comparingLong(AdaptiveManifest.FrontMember::index));
        return out;
    }

    /** The predicted front, thinned evenly along the first objective's cost to at most {@link #MAX_LISTED}. */
    public static List<AdaptiveManifest.FrontMember> predicted(List<Scored> front, Acquisition acquisition,
            CandidateSpace space, List<String> quantities, LongFunction<String> ids) {
        List<Scored> sorted = new ArrayList<>(front);
        sorted.sort(Comparator.comparingDouble((Scored s) -> acquisition.costs(s.mean())[0])
                .thenComparingLong(Scored::index));
        List<Scored> kept = new ArrayList<>();
        if (sorted.size() <= MAX_LISTED) {
            kept = sorted;
        } else {
            for (int k = 0; k < MAX_LISTED; k++) {
                kept.add(sorted.get((int) Math.round(k * (sorted.size() - 1.0) / (MAX_LISTED - 1))));
            }
        }
        List<AdaptiveManifest.FrontMember> out = new ArrayList<>();
        for (Scored s : kept) {
            Candidate c = space.candidate(s.index());
            out.add(new AdaptiveManifest.FrontMember(s.index(), ids.apply(s.index()), c.composition().formula(),
                    c.prototype().key(), null, byMetric(quantities, s.mean()), byMetric(quantities, s.sd()),
                    s.probabilityFeasible()));
        }
        return out;
    }

    static Map<String, Double> byMetric(List<String> quantities, double[] values) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int q = 0; q < quantities.size(); q++) {
            m.put(quantities.get(q), values[q]);
        }
        return m;
    }
}
