package org.matscreen.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.matscreen.core.campaign.StrategySpec;

/** What {@code plan} and {@code run} say about an adaptive campaign: its budget and rounds. */
final class AdaptivePlan {
    private AdaptivePlan() {}

    /** One line: the budget against the space, and the rounds it takes. */
    static String line(StrategySpec.Adaptive a, long candidates) {
        return String.format(Locale.ROOT, "adaptive screening: a budget of %d simulations (%.1f %% of the %d"
                + " candidates) in about %d rounds: an initial design of %d, then batches of %d chosen by expected"
                + " hypervolume improvement (%s, seed %d)", a.budget(), 100.0 * a.budget() / Math.max(1, candidates),
                candidates, a.nominalRounds(), a.initial(), a.batch(), a.batchRule().key(), a.seed());
    }

    /** Candidates the campaign simulates: its budget if adaptive, else the whole space. */
    static long simulations(PreparedCampaign pc) {
        return pc.spec().screening().strategy() instanceof StrategySpec.Adaptive a
                ? Math.min(a.budget(), pc.space().size()) : pc.space().size();
    }

    /** For an adaptive campaign, its budget and rounds and what else a round costs; nothing otherwise. */
    static void describe(PrintWriter o, PreparedCampaign pc) {
        if (pc.spec().screening().strategy() instanceof StrategySpec.Adaptive a) {
            o.println(line(a, pc.space().size()));
            o.printf(Locale.ROOT, "  the estimate below is for the %d simulations of the budget; each round also fits"
                    + " the surrogate and scores all %d candidates with it on the executors%n", a.budget(),
                    pc.space().size());
        }
    }
}
