package org.matscreen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.matscreen.core.sim.CodeOptions;
import org.matscreen.core.sim.SimulationCodes;
import org.matscreen.core.tiers.TierCampaign;
import org.matscreen.core.tiers.TierPick;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.TierReport;
import org.matscreen.spark.RunSummary;
import org.matscreen.spark.ScreeningJob;
import org.matscreen.spark.TierStage;

/**
 * The later tiers of a multi-fidelity campaign, run after its first in the same Spark session: each tier takes the
 * previous tier's ranked table, derives its own campaign ({@link TierCampaign}), computes it into the repository
 * {@code tiers/<name>/} inside the campaign's, and writes how it agrees with the previous tier
 * ({@code tiers/<name>/agreement.json}, shown by {@code report}). A rerun resumes every tier like any campaign.
 */
final class TierRuns {
    private TierRuns() {}

    /**
     * Runs every later tier of {@code first}'s campaign.
     *
     * @param firstRun the first tier's completed run (its ranked table feeds the second tier)
     * @param options the first tier's options; tiers use its cache, progress, deadline and lock settings
     * @param codeOptions a tier code's resolved options, by code name
     * @return {@link ExitCodes#OK}, or {@link ExitCodes#INCOMPLETE} if a tier stopped at the deadline
     */
    static int run(PrintWriter o, SparkSession spark, PreparedCampaign first, RunSummary firstRun,
            ScreeningJob.Options options, Configuration hadoop, Function<String, CodeOptions> codeOptions,
            MatscreenConfig config, Path modelCache) {
        RepositoryLayout root = new RepositoryLayout(options.repositoryUri(), hadoop);
        RunSummary previous = firstRun;
        for (int i = 0; i < first.spec().tiers().size(); i++) {
            var tier = first.spec().tiers().get(i);
            List<TierPick> picks = TierStage.picks(previous);
            if (picks.isEmpty()) {
                o.printf(Locale.ROOT, "tier %s: nothing to compute, the previous tier ranked no record%n", tier.name());
                return ExitCodes.OK;
            }
            TierCampaign tc = TierCampaign.derive(first.spec(), first.yaml(), i, picks);
            PreparedCampaign pc = PreparedCampaign.of(tc.spec(), tc.yaml(), config, modelCache);
            CodeOptions co = codeOptions.apply(tier.method().code());
            pc.requireRunnable(co);
            int cores = SimulationCodes.get(tier.method().code()).capabilities(co).coresPerSession();
            // DFT candidates are few and long: one task per candidate up to the task slots, fewer when a session
            // keeps several cores busy, so the node is not oversubscribed
            int slots = Math.max(1, spark.sparkContext().defaultParallelism() / cores);
            int partitions = (int) Math.max(1, Math.min(pc.space().size(), slots));
            String repo = root.tier(tier.name()).toString();
            o.printf(Locale.ROOT, "tier %s: %s (%s) on %d candidates: the top %d of %s in %s; %d partitions of %d"
                    + " core(s) each%n", tier.name(), tier.method().code(), pc.potentials().spec().name(),
                    pc.space().size(), tc.picks().size(), previous.campaign(), tc.cells(), partitions, cores);
            tc.skipped().forEach(s -> o.println("  not computed: " + s));
            o.flush();
            ScreeningJob.Options tierOptions = new ScreeningJob.Options(repo, false, partitions, 1, co,
                    options.cacheUri(), false, options.progress(), null, options.deadline(), options.breakLock(),
                    options.retryStatuses());
            RunSummary s = ScreeningJob.run(spark, pc.spec(), pc.yaml(), pc.members(), tierOptions);
            RunCommand.printTable(o, s);
            o.printf(Locale.ROOT, "tier %s: %d candidates, %d computed, %d resumed, %d failures (%s); wall %.1f s"
                    + " (+%.1f s references); results in %s%n", tier.name(), s.candidates(), s.computed(),
                    s.skipped(), s.failures(), s.statusCounts(), s.wallSeconds(), s.referenceSeconds(), repo);
            if (s.candidates() > s.computed() + s.skipped()) {
                o.printf(Locale.ROOT, "tier %s stopped at the deadline; rerun the same command to resume%n",
                        tier.name());
                return ExitCodes.INCOMPLETE;
            }
            TierReport report = TierStage.compare(tc, previous, new RepositoryLayout(repo, hadoop),
                    pc.potentials().spec().name());
            TierReport.write(root, report);
            TierStage.lines(report).forEach(o::println);
            o.flush();
            previous = s;
        }
        return ExitCodes.OK;
    }
}
