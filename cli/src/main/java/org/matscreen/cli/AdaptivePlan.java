package org.matscreen.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.matscreen.core.campaign.StrategySpec;

/** What {@code plan} and {@code run} say about an adaptive campaign: its budget and rounds. */
final class AdaptivePlan {
    private AdaptivePlan() {}

    /**
     * One line: the budget against the space, and the rounds it takes.
     *
     * @param samples orderings per composition: the strategy then picks compositions, each simulated that many times
     */
    static String line(StrategySpec.Adaptive a, long candidates, int samples) {
        long simulations = (long) a.budget() * samples;
        String budget = samples == 1 ? String.format(Locale.ROOT, "%d simulations", a.budget())
                : String.format(Locale.ROOT, "%d compositions, each in %d orderings: %d simulations", a.budget(),
                        samples, simulations);
        return String.format(Locale.ROOT, "adaptive screening: a budget of %s (%.1f %% of the %d"
                + " candidates) in about %d rounds: an initial design of %d, then batches of %d chosen by expected"
                + " hypervolume improvement (%s, seed %d)", budget, 100.0 * simulations / Math.max(1, candidates),
                candidates, a.nominalRounds(), a.initial(), a.batch(), a.batchRule().key(), a.seed());
    }

    /** Candidates the campaign simulates: its budget (times the orderings per composition) if adaptive, else all. */
    static long simulations(PreparedCampaign pc) {
        return pc.spec().screening().strategy() instanceof StrategySpec.Adaptive a
                ? Math.min((long) a.budget() * pc.spec().structure().samples(), pc.space().size())
                : pc.space().size();
    }

    /** For an adaptive campaign, its budget and rounds and what else a round costs; nothing otherwise. */
    static void describe(PrintWriter o, PreparedCampaign pc) {
        if (pc.spec().screening().strategy() instanceof StrategySpec.Adaptive a) {
            o.println(line(a, pc.space().size(), pc.spec().structure().samples()));
            o.printf(Locale.ROOT, "  the estimate below is for the %d simulations of the budget; each round also fits"
                    + " the surrogate and scores all %d %s with it on the executors%n", simulations(pc),
                    pc.space().size() / pc.spec().structure().samples(),
                    pc.spec().structure().samples() == 1 ? "candidates" : "compositions");
        }
    }
}
