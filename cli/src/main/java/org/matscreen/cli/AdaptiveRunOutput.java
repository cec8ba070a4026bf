package org.matscreen.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.matscreen.repository.AdaptiveManifest;
import org.matscreen.spark.AdaptiveRun;
import org.matscreen.spark.RunSummary;

/** What {@code run} prints after an adaptive campaign: the ranked table, the rounds, the fronts and the map. */
final class AdaptiveRunOutput {
    /** Rounds listed at most (the last ones); the manifest holds all. */
    static final int ROUNDS_SHOWN = 30;
    /** Predicted-front members printed at most. */
    static final int PREDICTED_SHOWN = 10;

    private AdaptiveRunOutput() {}

    /** Prints the outcome; returns {@link ExitCodes#INCOMPLETE} if the run stopped before the campaign was done. */
    static int print(PrintWriter o, AdaptiveRun.Summary a, String repo) {
        RunSummary s = a.run();
        RunCommand.printTable(o, s);
        AdaptiveManifest m = a.adaptive();
        // with sampled orderings a pick is a composition, simulated in each of its orderings
        long spent = a.samples() * m.rounds().stream().filter(AdaptiveManifest.Round::complete)
                .mapToLong(r -> r.picks().size()).sum();
        o.printf(Locale.ROOT, "adaptive: %d rounds (%d in this run), %d of a budget of %d simulations in completed"
                + " rounds%s, %.1f %% of the %d candidates%n", m.rounds().size(), a.roundsRun(), spent,
                (long) a.samples() * m.budget(), a.samples() == 1 ? "" : String.format(Locale.ROOT,
                        " (%d orderings of each picked composition)", a.samples()),
                100.0 * spent / Math.max(1, s.candidates()), s.candidates());
        List<AdaptiveManifest.Round> rounds = m.rounds();
        if (rounds.size() > ROUNDS_SHOWN) {
            o.printf(Locale.ROOT, "  … %d earlier rounds in %s/manifest.json%n", rounds.size() - ROUNDS_SHOWN, repo);
        }
        for (AdaptiveManifest.Round r : rounds.subList(Math.max(0, rounds.size() - ROUNDS_SHOWN), rounds.size())) {
            String calibration = r.calibration().stream().map(c -> String.format(Locale.ROOT,
                    "%s %d/%d in 95 %% interval", c.metric(), c.inside95(), c.count()))
                    .collect(Collectors.joining(", "));
            o.printf(Locale.ROOT, "  round %-3d %-13s %3d candidates  %s%s%n", r.number(), r.phase(),
                    r.picks().size(), r.complete() ? "complete" : "planned, not complete",
                    calibration.isEmpty() ? "" : "; " + calibration);
        }
        AdaptiveManifest.Outcome out = m.outcome();
        if (a.doneReason() != null && out != null) {
            o.printf(Locale.ROOT, "measured front: %d simulated candidates; predicted front: %d candidates not"
                    + " simulated (P(filters) >= %.2f)%n", out.measuredFront().size(), out.predictedFrontSize(),
                    out.minProbabilityFeasible());
            for (AdaptiveManifest.FrontMember f : out.predictedFront().subList(0, Math.min(PREDICTED_SHOWN,
                    out.predictedFront().size()))) {
                o.printf(Locale.ROOT, "  %-24s %-5s %s%n", f.formula(), f.prototype(), predicted(f));
            }
            if (out.predictedFront().size() > PREDICTED_SHOWN) {
                o.printf(Locale.ROOT, "  … %d more in %s/manifest.json (adaptive.outcome.predictedFront)%n",
                        out.predictedFrontSize() - PREDICTED_SHOWN, repo);
            }
            o.printf(Locale.ROOT, "surrogate map (prediction and sd of every candidate, Parquet): %s%n",
                    a.surrogateMap());
        }
        o.printf(Locale.ROOT, "%d computed, %d resumed, %d failures (%s) in this run; wall %.1f s (+%.1f s"
                        + " references), %.2f candidates/s, efficiency %.2f on %d cores; results in %s%n",
                s.computed(), s.skipped(), s.failures(), s.statusCounts(), s.wallSeconds(), s.referenceSeconds(),
                s.candidatesPerSecond(), s.efficiency(), s.cores(), s.repositoryUri());
        if (a.doneReason() == null) {
            o.println("stopped before the campaign was done (deadline); rerun the same command to resume: the"
                    + " round in progress is completed as planned");
            return ExitCodes.INCOMPLETE;
        }
        o.println("done: " + a.doneReason());
        return ExitCodes.OK;
    }

    /**
     * One line for {@code status}: the campaign's rounds and budget.
     *
     * @param samples orderings per composition (the budget counts compositions, each that many simulations)
     */
    static String status(AdaptiveManifest a, long committed, int samples) {
        AdaptiveManifest.Round last = a.lastRound();
        String round = last == null ? "no round planned yet" : String.format(Locale.ROOT, "round %d (%s) %s",
                last.number(), last.phase(), last.complete() ? "complete" : "planned, being computed");
        return String.format(Locale.ROOT, "  adaptive: %s; %d of a budget of %d simulations committed%s", round,
                committed, (long) samples * a.budget(), a.outcome() != null ? "; done (surrogate map written)" : "");
    }

    private static String predicted(AdaptiveManifest.FrontMember f) {
        return f.mean().entrySet().stream().map(e -> {
            Double sd = f.sd().get(e.getKey());
            return e.getKey() + " " + RunCommand.format(e.getKey(), e.getValue() == null ? Double.NaN : e.getValue())
                    + (sd == null || sd == 0 ? "" : " ± " + RunCommand.format(e.getKey(), sd));
        }).collect(Collectors.joining(", "));
    }
}
