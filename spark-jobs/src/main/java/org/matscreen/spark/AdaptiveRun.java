package org.matscreen.spark;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.matscreen.core.adaptive.AdaptiveStrategy;
import org.matscreen.core.adaptive.Calibration;
import org.matscreen.core.adaptive.Observation;
import org.matscreen.core.adaptive.Plan;
import org.matscreen.core.adaptive.Scored;
import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.campaign.StrategySpec;
import org.matscreen.core.result.CandidateIds;
import org.matscreen.core.result.MethodInfo;
import org.matscreen.core.space.Candidate;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.core.sim.PotentialSource;
import org.matscreen.repository.AdaptiveManifest;
import org.matscreen.repository.Manifest;
import org.matscreen.repository.Repository;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.WriterLock;
import org.matscreen.spark.adaptive.AdaptiveOutputs;
import org.matscreen.spark.adaptive.Observations;
import org.matscreen.spark.adaptive.RoundRecords;
import org.matscreen.spark.adaptive.SurrogateScan;

/**
 * Runs an adaptive campaign ({@code screening.strategy: adaptive}): round after round, reads what is committed, asks
 * the strategy what to compute next, records the round in the manifest, computes it as an ordinary screening job
 * over the round's candidates, and records how the predictions held, until the strategy is done; then refits the
 * surrogate on everything and writes the surrogate map and the measured and predicted fronts.
 *
 * <p><b>Sampled orderings.</b> With {@code samples: N} the strategy chooses compositions (a composition in a
 * prototype; index = candidate index ÷ N, as in the ranking's aggregates): a round computes all N orderings of each
 * of its picks, and observes their means. Budget, initial design and batch then count compositions.
 *
 * <p><b>Resume.</b> A round is written to the manifest before any of its candidates is simulated and marked complete
 * once all are committed, so a run killed during round k finds round k planned and computes exactly its picks
 * (skipping those already committed); it never plans a round twice. Planning is a pure function of the committed
 * observations (sorted by candidate index), so a run killed between rounds plans the next one as an uninterrupted
 * run would. Either way the rerun ends with the records an uninterrupted run gives.
 */
public final class AdaptiveRun {
    /**
     * The outcome of one adaptive run.
     *
     * @param run this run's screening: candidates computed and resumed over all its rounds, the ranked table of every
     *     committed record
     * @param roundsRun rounds this run computed (a resumed round included)
     * @param doneReason why the campaign has nothing left to compute, or null if this run stopped before (deadline)
     * @param adaptive the manifest's adaptive section at the end
     * @param surrogateMap the surrogate map's URI, or null if none was written
     * @param samples orderings per composition: each pick (and each unit of the budget) is that many simulations
     */
    public record Summary(RunSummary run, int roundsRun, String doneReason, AdaptiveManifest adaptive,
            String surrogateMap, int samples) {}

    private AdaptiveRun() {}

    /** Whether a campaign is screened adaptively. */
    public static boolean isAdaptive(CampaignSpec spec) {
        return spec.screening().strategy() instanceof StrategySpec.Adaptive;
    }

    public static Summary run(SparkSession spark, CampaignSpec spec, String campaignYaml, PotentialSource potentials,
            ScreeningJob.Options opts) {
        if (!isAdaptive(spec)) {
            throw new IllegalArgumentException("campaign " + spec.name() + " is not adaptive");
        }
        if (!opts.shard().isAll() || !opts.retryStatuses().isEmpty() || opts.dryRun()) {
            throw new IllegalArgumentException("an adaptive run takes neither --shard, --retry-failed nor --dry-run");
        }
        MethodInfo method = ScreeningJob.methodOf(spec, potentials);
        CandidateSpace space = CandidateSpace.of(spec.space(), spec.structure().prototypes(), spec.structure().samples(),
                spec.source());
        return ScreeningJob.underLock(spark, spec, campaignYaml, method, space.size(), opts,
                (repo, lock, started) -> new AdaptiveRun.Rounds(spark, spec, campaignYaml, potentials, opts, method,
                        space, repo, lock, started).run());
    }

    /** One run's rounds, under the writer lock. */
    private static final class Rounds {
        private final SparkSession spark;
        private final JavaSparkContext sc;
        private final CampaignSpec spec;
        private final String yaml;
        private final PotentialSource potentials;
        private final ScreeningJob.Options opts;
        private final MethodInfo method;
        /** Every candidate (each ordering of each composition): what the rounds compute. */
        private final CandidateSpace space;
        /** One entry per composition and prototype: what the strategy chooses among. */
        private final CandidateSpace groups;
        private final int samples;
        private final Repository repo;
        private final WriterLock lock;
        private final String started;
        private final AdaptiveStrategy strategy;
        private final List<String> quantities;
        private final LongFunction<String> ids;
        private final PrintStream log;
        // totals over this run's rounds
        private final Map<String, Long> counts = new TreeMap<>();
        private long computed;
        private long skipped;
        private long passed;
        private double wall;
        private double referenceSeconds;
        private double nativeSeconds;
        private int restarts;
        private int partitions;
        private String codeVersion = "";

        Rounds(SparkSession spark, CampaignSpec spec, String yaml, PotentialSource potentials,
                ScreeningJob.Options opts, MethodInfo method, CandidateSpace space, Repository repo, WriterLock lock,
                String started) {
            this.spark = spark;
            this.sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            this.spec = spec;
            this.yaml = yaml;
            this.potentials = potentials;
            this.opts = opts;
            this.method = method;
            this.space = space;
            this.samples = spec.structure().samples();
            this.groups = samples == 1 ? space : CandidateSpace.of(spec.space(), spec.structure().prototypes(),
                    spec.source());
            this.repo = repo;
            this.lock = lock;
            this.started = started;
            this.strategy = new AdaptiveStrategy(groups, spec.screening());
            this.quantities = strategy.quantities();
            Map<org.matscreen.core.structure.Prototype, String> recipes = new HashMap<>();
            spec.structure().prototypes().forEach(p -> recipes.put(p, spec.structure().recipe(p).key()));
            String methodKey = method.key();
            // a composition's id is that of its first ordering (sample 0), as its aggregate's group id
            this.ids = group -> {
                Candidate c = space.candidate(group * samples);
                return CandidateIds.of(c.composition(), recipes.get(c.prototype()), methodKey);
            };
            this.log = opts.progress();
        }

        Summary run() {
            int roundsRun = 0;
            String done = null;
            while (true) {
                if (pastDeadline() || lock.isLost()) {
                    break;
                }
                List<Observation> observed = observations();
                AdaptiveManifest.Round last = adaptive().lastRound();
                AdaptiveManifest.Round round;
                if (last != null && !last.complete()) {
                    round = last; // killed during this round: compute the same candidates
                    say(String.format(Locale.ROOT, "round %d (%s) resumed: %d candidates", round.number(),
                            round.phase(), round.picks().size()));
                } else {
                    Plan plan = strategy.next(observed, new SurrogateScan(spark, null, opts.partitions()));
                    if (plan instanceof Plan.Done d) {
                        done = d.reason();
                        break;
                    }
                    if (!(plan instanceof Plan.Batch batch)) {
                        throw new IllegalStateException("an adaptive strategy planned " + plan);
                    }
                    int number = last == null ? 0 : last.number() + 1;
                    AdaptiveManifest.Round planned = RoundRecords.planned(number, batch, observed.size(), groups, ids,
                            Instant.now().toString());
                    // on disk before anything is simulated: a kill from here on resumes this very round
                    repo.updateManifest(m -> m.orElseThrow().withAdaptive(m.get().adaptive().withRound(planned)));
                    round = planned;
                    say(String.format(Locale.ROOT, "round %d (%s): %d candidates planned from %d observations%s",
                            number, round.phase(), round.picks().size(), observed.size(),
                            round.frontSize() > 0 ? ", front of " + round.frontSize() : ""));
                }
                roundsRun++;
                RunSummary s = compute(round);
                if (lock.isLost()) {
                    break;
                }
                if (s.computed() + s.skipped() < (long) round.picks().size() * samples) {
                    break; // stopped at the deadline; the round stays planned and is resumed
                }
                List<Observation> after = observations();
                List<AdaptiveManifest.RoundCalibration> calibration = RoundRecords.calibration(
                        Calibration.of(RoundRecords.picks(round), after));
                AdaptiveManifest.Round complete = round.completed(Instant.now().toString(), calibration);
                repo.updateManifest(m -> m.orElseThrow().withAdaptive(m.get().adaptive().withRound(complete)));
                for (AdaptiveManifest.RoundCalibration c : calibration) {
                    say(String.format(Locale.ROOT, "  %s: %d of %d inside the predicted 95 %% interval, RMSE %.4g",
                            c.metric(), c.inside95(), c.count(), c.rmse() == null ? Double.NaN : c.rmse()));
                }
            }
            String map = null;
            if (done != null && !lock.isLost()) {
                map = outputs();
            }
            // the ranked table of everything committed: over the per-composition aggregates when sampled
            Screening screening = new Screening(spec.screening(), ScreeningJob.tableMetrics(spec));
            RankingStage.Ranked ranked = lock.isLost() ? new RankingStage.Ranked(List.of(), RankingCounts.NONE)
                    : samples > 1 ? AggregateStage.run(sc, repo.layout(), screening, spec.screening().top(),
                            AggregateStage.configurations())
                    : RankingStage.rank(sc, repo.layout(), screening, spec.screening().top());
            RunSummary total = new RunSummary(spec.name(), repo.layout().root().toString(), space.size(), computed,
                    skipped, counts, passed, wall, referenceSeconds, nativeSeconds, sc.defaultParallelism(),
                    partitions, restarts, ScreeningJob.tableMetrics(spec), ranked.top(), 0, codeVersion,
                    ranked.counts(), samples > 1);
            if (!lock.isLost()) {
                ScreeningJob.writeManifest(repo, spec, yaml, method, space.size(), started, total, sc.master(), opts,
                        done != null);
            }
            return new Summary(total, roundsRun, done, adaptive(), map, samples);
        }

        /** What the strategy observes: one entry per composition, sorted by index. */
        private List<Observation> observations() {
            return Observations.of(Observations.read(sc, repo.layout(), quantities, spec.screening()), quantities,
                    samples);
        }

        /** The candidates of a round: every ordering of each picked composition. */
        private List<Long> candidates(AdaptiveManifest.Round round) {
            List<Long> out = new ArrayList<>();
            for (long g : round.indices()) {
                for (int k = 0; k < samples; k++) {
                    out.add(g * samples + k);
                }
            }
            return out;
        }

        private AdaptiveManifest adaptive() {
            return repo.manifest().map(Manifest::adaptive).orElseThrow(() -> new IllegalStateException(
                    "the manifest of " + repo.layout().root() + " has no adaptive section"));
        }

        /** The round's candidates that are not committed yet, computed and committed as an ordinary job. */
        private RunSummary compute(AdaptiveManifest.Round round) {
            int slices = opts.partitions() > 0 ? opts.partitions() : 2 * sc.defaultParallelism();
            List<CandidateRange> ranges = ScreeningJob.explicitRanges(candidates(round), slices,
                    repo.layout().chunks());
            RepositoryLayout layout = repo.layoutFor(lock);
            // one potential: an ensemble campaign is refused for adaptive screening when it is loaded
            RunSummary s = ScreeningJob.screen(spark, spec, List.of(potentials), null, opts, layout,
                    lock.stagingName(), method, space, ranges, false);
            s.statusCounts().forEach((k, v) -> counts.merge(k, v, Long::sum));
            computed += s.computed();
            skipped += s.skipped();
            passed += s.passedFilters();
            wall += s.wallSeconds();
            referenceSeconds += s.referenceSeconds();
            nativeSeconds += s.nativeSeconds();
            restarts += s.workerRestarts();
            partitions += s.partitions();
            if (!s.codeVersion().isEmpty()) {
                codeVersion = s.codeVersion();
            }
            return s;
        }

        /**
         * Refits the surrogate on every observation, writes the surrogate map and records the measured and predicted
         * fronts; returns the map's URI (null, with a warning, if the quantities cannot be fitted).
         */
        private String outputs() {
            AdaptiveStrategy.Round fit;
            try {
                fit = strategy.fit(observations());
            } catch (IllegalArgumentException e) {
                ScreeningJob.warn("no surrogate map or predicted front: " + e.getMessage());
                return null;
            }
            String mapUri = repo.layout().surrogateMap().toString();
            SurrogateScan scan = new SurrogateScan(spark, mapUri, opts.partitions());
            scan.top(groups, fit.model(), 1); // writes the map
            List<Scored> front = scan.predictedFront(groups, fit.model(), AdaptiveOutputs.MIN_PROBABILITY_FEASIBLE);
            Map<Long, Integer> roundOf = new HashMap<>();
            for (AdaptiveManifest.Round r : adaptive().rounds()) {
                r.indices().forEach(i -> roundOf.putIfAbsent(i, r.number()));
            }
            AdaptiveManifest.Outcome outcome = new AdaptiveManifest.Outcome(Instant.now().toString(),
                    fit.observations().size(), "adaptive/surrogate-map", groups.size(),
                    RoundRecords.models(fit.model().surrogate().summary()),
                    AdaptiveOutputs.measured(fit, groups, quantities, ids, roundOf),
                    AdaptiveOutputs.predicted(front, fit.model().acquisition(), groups, quantities, ids), front.size(),
                    AdaptiveOutputs.MIN_PROBABILITY_FEASIBLE, AdaptiveOutputs.MAX_LISTED);
            repo.updateManifest(m -> m.orElseThrow().withAdaptive(m.get().adaptive().withOutcome(outcome)));
            say(String.format(Locale.ROOT, "surrogate refitted on %d observations: measured front %d, predicted"
                    + " front %d; surrogate map of %d candidates in %s", fit.observations().size(),
                    outcome.measuredFront().size(), front.size(), groups.size(), mapUri));
            return mapUri;
        }

        private boolean pastDeadline() {
            return opts.deadline() != null && Instant.now().isAfter(opts.deadline());
        }

        private void say(String line) {
            if (log != null) {
                log.println(line);
                log.flush();
            }
        }
    }
}
