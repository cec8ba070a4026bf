package org.matscreen.spark;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.plan.CostModel;
import org.matscreen.core.plan.Partitioner;
import org.matscreen.core.properties.ReferenceEnergies;
import org.matscreen.core.result.MethodInfo;
import org.matscreen.core.screening.Criterion;
import org.matscreen.core.screening.Objective;
import org.matscreen.core.sim.CodeOptions;
import org.matscreen.core.sim.PotentialEnsemble;
import org.matscreen.core.sim.PotentialSpec;
import org.matscreen.core.sim.PotentialSource;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.core.util.BuildInfo;
import org.matscreen.core.util.Hashing;
import org.apache.hadoop.fs.Path;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.repository.Manifest;
import org.matscreen.repository.ReferenceStore;
import org.matscreen.repository.Repository;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;
import org.matscreen.repository.WriterLock;
import org.matscreen.spark.adaptive.AdaptiveIdentity;

/**
 * The screening pipeline on a given Spark session: references, then the candidates in ranges computed on the
 * executors, committed to the repository by the executors, with only bounded summaries returned here.
 */
public final class ScreeningJob {

    /**
     * Run options.
     *
     * @param repositoryUri the campaign's repository (local path or Hadoop URI)
     * @param fresh delete what the repository holds first (otherwise a rerun resumes)
     * @param partitions Spark partitions (0: the campaign's setting, else automatic)
     * @param commitEvery records per committed chunk
     * @param codeOptions the simulation code's options as the driver resolved them
     *     ({@link org.matscreen.core.sim.SimulationCode#resolve})
     * @param cacheUri the shared result cache (a repository URI), or null for none
     * @param dryRun enumerate and build every candidate (ids, cells) on the executors without computing anything
     * @param progress where to print progress lines (null for none)
     * @param shard the slice of the candidates this run screens ({@link Shard#ALL} for the whole campaign)
     * @param deadline when executors stop starting candidates (null for none): what is committed by then stays, the
     *     partitions end cleanly, and a rerun resumes the rest
     * @param breakLock take over the repository's writer lock even if its holder looks alive
     * @param retryStatuses statuses (keys such as {@code crashed}) whose committed records are computed again and
     *     replaced; empty for an ordinary resume
     */
    public record Options(String repositoryUri, boolean fresh, int partitions, int commitEvery,
            CodeOptions codeOptions, String cacheUri, boolean dryRun, PrintStream progress, Shard shard,
            Instant deadline, boolean breakLock, Set<String> retryStatuses) {

        public Options {
            shard = shard == null ? Shard.ALL : shard;
            retryStatuses = retryStatuses == null ? Set.of() : Set.copyOf(retryStatuses);
        }

        /** Without lock override or retries. */
        public Options(String repositoryUri, boolean fresh, int partitions, int commitEvery,
                CodeOptions codeOptions, String cacheUri, boolean dryRun, PrintStream progress, Shard shard,
                Instant deadline) {
            this(repositoryUri, fresh, partitions, commitEvery, codeOptions, cacheUri, dryRun, progress, shard,
                    deadline, false, Set.of());
        }

        /** The whole campaign, no deadline. */
        public Options(String repositoryUri, boolean fresh, int partitions, int commitEvery,
                CodeOptions codeOptions, String cacheUri, boolean dryRun, PrintStream progress) {
            this(repositoryUri, fresh, partitions, commitEvery, codeOptions, cacheUri, dryRun, progress, Shard.ALL,
                    null);
        }

        /** Options for a plain local run (no cache, not a dry run). */
        public static Options simple(String repositoryUri, boolean fresh, int partitions, int commitEvery,
                CodeOptions codeOptions) {
            return new Options(repositoryUri, fresh, partitions, commitEvery, codeOptions, null, false, null);
        }
    }

    private ScreeningJob() {}

    /** Metric columns of the ranked table: objectives, filter metrics, then the standard ones. */
    static List<String> tableMetrics(CampaignSpec spec) {
        Set<String> keys = new LinkedHashSet<>();
        spec.screening().objectives().stream().map(Objective::metric).forEach(keys::add);
        spec.screening().filters().stream().map(Criterion::metric).forEach(keys::add);
        keys.add("dh_mix_ev_per_atom");
        keys.add("lattice_parameter_angstrom");
        keys.add("bulk_modulus_gpa");
        return new ArrayList<>(keys);
    }

    /** What identifies the numbers a repository holds; a rerun must match it. */
    static String fingerprint(CampaignSpec spec, MethodInfo method) {
        return Hashing.sha256Hex(spec.space() + "|" + spec.structure() + "|" + method.key());
    }

    public static RunSummary run(SparkSession spark, CampaignSpec spec, String campaignYaml,
            PotentialSource potentials, Options opts) {
        return run(spark, spec, campaignYaml, List.of(potentials), opts);
    }

    /**
     * Runs a campaign with one potential, or with each member of an ensemble of potentials (in campaign order): every
     * cell is then computed once per member, and the ranking reads the per-composition aggregates across the members.
     */
    public static RunSummary run(SparkSession spark, CampaignSpec spec, String campaignYaml,
            List<PotentialSource> members, Options opts) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        PotentialEnsemble ensemble = members.size() > 1
                ? new PotentialEnsemble(members.stream().map(PotentialSource::spec).toList()) : null;
        MethodInfo method = new MethodInfo(spec.method().code(),
                ensemble != null ? ensemble.spec() : members.get(0).spec(), spec.method().relax(),
                spec.method().properties());
        CandidateSpace space = CandidateSpace.of(spec.space(), spec.structure().prototypes(), spec.structure().samples(),
                members.size(), spec.source());
        if (opts.dryRun()) {
            Repository repo = Repository.open(opts.repositoryUri(), sc.hadoopConfiguration());
            return screen(spark, spec, members, ensemble, opts, repo.layout(), null, method, space);
        }
        long first = opts.shard().start(space.size());
        long end = opts.shard().end(space.size());
        return underLock(spark, spec, campaignYaml, method, space.size(), opts, (repo, lock, started) -> {
            RunSummary s = screen(spark, spec, members, ensemble, opts, repo.layoutFor(lock), lock.stagingName(),
                    method, space);
            if (lock.isLost()) {
                return s; // underLock reports it
            }
            if (!opts.retryStatuses().isEmpty()) {
                repo.collapseDuplicates(first, end); // the retried records replace the old ones
            }
            Map<String, Long> total = new ResultReader(repo.layout()).statusCounts();
            long committed = total.values().stream().mapToLong(Long::longValue).sum();
            writeManifest(repo, spec, campaignYaml, method, space.size(), started, s, sc.master(), opts, total,
                    committed == space.size());
            return s;
        });
    }

    static MethodInfo methodOf(CampaignSpec spec, PotentialSource potentials) {
        return new MethodInfo(spec.method().code(), potentials.spec(), spec.method().relax(),
                spec.method().properties());
    }

    /** What a run does while it holds the repository's writer lock; {@code started} is the run's start time. */
    interface LockedWork<T> {
        T run(Repository repo, WriterLock lock, String started);
    }

    /**
     * Prepares the repository for writing and runs {@code work} holding its writer lock (for the run's shard): an
     * unwritable folder or another live writer is refused, {@code --fresh} clears the repository, staging left by
     * dead writers and duplicate records are removed, and the campaign's identity (name, fingerprint, potential,
     * adaptive settings) is checked against the manifest or written to it before anything is computed.
     */
    static <T> T underLock(SparkSession spark, CampaignSpec spec, String campaignYaml, MethodInfo method,
            long candidates, Options opts, LockedWork<T> work) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Repository repo = Repository.open(opts.repositoryUri(), sc.hadoopConfiguration());
        long first = opts.shard().start(candidates);
        long end = opts.shard().end(candidates);
        if (opts.fresh()) {
            repo.requireClearable(spec.name(), "--out");
        }
        repo.requireWritable("--out");
        String purpose = "a run of campaign " + spec.name() + (opts.shard().isAll() ? "" : " shard " + opts.shard());
        try (WriterLock lock = repo.lockForWriting(first, end, purpose, opts.breakLock(), ScreeningJob::warn)) {
            lock.onLost(() -> {
                warn("the repository's writer lock was taken over by another process (--break-lock?); stopping");
                sc.cancelAllJobs();
            });
            if (opts.fresh()) {
                repo.requireClearable(spec.name(), "--out"); // again, now that no other writer can start
                repo.clear(lock);
            }
            int stale = repo.removeDeadStaging();
            if (stale > 0) {
                warn("removed " + stale + " staging entries left by runs that are gone");
            }
            int duplicates = repo.collapseDuplicates(first, end);
            if (duplicates > 0) {
                warn("removed " + duplicates + " duplicate records (one record per candidate id is kept)");
            }
            if (opts.cacheUri() != null) {
                Repository.open(opts.cacheUri(), sc.hadoopConfiguration()).removeDeadStaging();
            }
            String started = Instant.now().toString();
            // The campaign's identity is on disk before the first record, so a run killed at any point cannot let
            // another campaign into this folder.
            repo.updateManifest(existing -> identity(existing, repo, spec, campaignYaml, method, candidates,
                    started));
            T result;
            try {
                result = work.run(repo, lock, started);
            } catch (RuntimeException e) {
                if (lock.isLost()) {
                    throw lockLost(repo, e); // the job was cancelled because of it
                }
                throw e;
            }
            if (lock.isLost()) {
                throw lockLost(repo, null);
            }
            return result;
        }
    }

    private static MatscreenException lockLost(Repository repo, Throwable cause) {
        return new MatscreenException("the writer lock of " + repo.layout().root() + " was taken over while this run"
                + " wrote (--break-lock elsewhere?); what it committed stays, and no manifest entry was written for"
                + " it", cause);
    }

    static void warn(String line) {
        System.err.println("matscreen: " + line);
    }

    /**
     * The manifest as a run starts: the existing one if it is this campaign's (else an input error saying why), or a
     * new one holding the campaign's identity.
     */
    private static Manifest identity(java.util.Optional<Manifest> existing, Repository repo, CampaignSpec spec,
            String yaml, MethodInfo method, long candidates, String started) {
        Path root = repo.layout().root();
        if (existing.isPresent()) {
            Manifest m = existing.get();
            if (!spec.name().equals(m.campaign())) {
                throw new InvalidInputException(spec.source(), "name", "the repository " + root
                        + " holds campaign '" + m.campaign() + "'; choose another --out or pass --fresh");
            }
            if (m.potential() == null || !m.potential().key().equals(method.potential().key())) {
                throw new InvalidInputException(spec.source(), "method.potential", "the repository "
                        + root + " was computed with potential " + (m.potential() == null ? "?"
                        : m.potential().name() + " (key " + m.potential().key().substring(0, 12) + "…)")
                        + "; rerun with --fresh to recompute");
            }
            if (!fingerprint(spec, method).equals(m.fingerprint())) {
                throw new InvalidInputException(spec.source(), "", "the chemical space, structures or method"
                        + " changed since " + root + " was computed, so its records would not belong"
                        + " to this campaign; rerun with --fresh (or choose another --out)");
            }
            return AdaptiveIdentity.check(m, spec, root.toString(), () -> new ResultReader(repo.layout())
                    .statusCounts().values().stream().mapToLong(Long::longValue).sum());
        }
        PotentialSpec p = method.potential();
        Map<String, Long> counts = new ResultReader(repo.layout()).statusCounts(); // records of an older version
        return new Manifest(org.matscreen.repository.RecordSchema.VERSION, spec.name(), spec.description(), yaml,
                started, Instant.now().toString(), fingerprint(spec, method), candidates, counts, BuildInfo.version(),
                BuildInfo.commit(), "", new Manifest.Potential(p.name(), p.pairStyle(), p.key(), p.citation(),
                p.elements()), List.of(), AdaptiveIdentity.initial(spec));
    }

    /** The screening itself, into {@code layout}; {@code stagingName} is the writer's staging folder (null: dry run). */
    private static RunSummary screen(SparkSession spark, CampaignSpec spec, List<PotentialSource> potentials,
            PotentialEnsemble ensemble, Options opts, RepositoryLayout layout, String stagingName, MethodInfo method,
            CandidateSpace space) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int cores = sc.defaultParallelism();
        CostModel prior = ensemble == null ? CostModel.prior(spec, potentials.get(0).costClass())
                : CostModel.prior(spec, potentials.stream().map(PotentialSource::costClass).toList());
        CostModel cost = calibrate(prior, layout, spec);
        long first = opts.shard().start(space.size());
        long end = opts.shard().end(space.size());
        List<CandidateRange> ranges = ranges(shift(plan(spec, opts, space, end - first, cores, cost), first),
                opts.dryRun() ? List.of() : layout.chunks());
        return screen(spark, spec, potentials, ensemble, opts, layout, stagingName, method, space, ranges, true);
    }

    /**
     * Computes the candidates of {@code ranges} that are not committed yet (the whole campaign, a shard, or a round
     * of an adaptive campaign), with the pure-element references first.
     *
     * @param rank whether to rank the committed records afterwards (false: the summary's table is empty)
     */
    static RunSummary screen(SparkSession spark, CampaignSpec spec, List<PotentialSource> potentials,
            PotentialEnsemble ensemble, Options opts, RepositoryLayout layout, String stagingName, MethodInfo method,
            CandidateSpace space, List<CandidateRange> ranges, boolean rank) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<JobContext.Member> members = new ArrayList<>();
        for (PotentialSource p : potentials) {
            members.add(new JobContext.Member(ensemble == null ? method : new MethodInfo(spec.method().code(),
                    p.spec(), spec.method().relax(), spec.method().properties()), p));
        }
        JobContext ctx = JobContext.of(spec.name(), space, spec.structure(), members, spec.screening(),
                spec.visibility(), layout.root().toString(), opts.codeOptions(), opts.cacheUri(), opts.dryRun(),
                spec.method().timeoutSeconds(), opts.commitEvery());

        long r0 = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        // A dry run builds cells at a nominal lattice parameter and needs no references (nor LAMMPS). Each member has
        // its own reference groups (keyed by its content), computed and cached under its own settings.
        Map<String, ReferenceEnergies> refs = new TreeMap<>();
        if (!opts.dryRun()) {
            for (int m = 0; m < ctx.members(); m++) {
                JobContext mc = ctx.forMember(m);
                refs.putAll(references(sc, layout, mc, mc.potentials().referenceGroups(space.systems())));
            }
        }
        double referenceSeconds = (System.nanoTime() - r0) / 1e9;
        Broadcast<JobContext> bc = sc.broadcast(ctx.withReferences(refs));

        int cores = sc.defaultParallelism();
        long scope = ranges.stream().mapToLong(CandidateRange::size).sum();
        long deadlineMillis = opts.deadline() == null ? 0 : opts.deadline().toEpochMilli();
        LongAccumulator done = sc.sc().longAccumulator("matscreen.done");
        LongAccumulator failed = sc.sc().longAccumulator("matscreen.failed");
        LongAccumulator retried = sc.sc().longAccumulator("matscreen.retried");
        List<String> tableMetrics = tableMetrics(spec);
        Screening screening = new Screening(spec.screening(), tableMetrics);
        LongAccumulator skippedAcc = sc.sc().longAccumulator("matscreen.skipped");
        ProgressListener partials = new ProgressListener(done, failed, skippedAcc);
        spark.sparkContext().addSparkListener(partials);
        Progress progress = opts.progress() == null ? null
                : Progress.start(opts.progress(), scope, done, failed, skippedAcc, partials);
        long t0 = System.nanoTime();
        List<PartitionSummary> summaries;
        PartitionTask task = new PartitionTask(bc, screening, done, failed, skippedAcc, deadlineMillis, stagingName,
                opts.retryStatuses(), retried);
        // Local mode runs the executors in this JVM: one task per slot takes the ranges from a queue here (see
        // LocalRangeQueue). A dry run's ranges cost microseconds each and keep one task per range.
        String queue = sc.isLocal() && !opts.dryRun() && ranges.size() > cores ? LocalRangeQueue.register(ranges)
                : null;
        try {
            if (queue == null) {
                summaries = sc.parallelize(ranges, ranges.size()).mapPartitions(task).collect();
            } else {
                summaries = sc.parallelize(java.util.Collections.nCopies(cores, new LocalRangeQueue.Slot(queue)), cores)
                        .mapPartitions(task.fromQueue()).collect();
            }
        } finally {
            if (queue != null) {
                LocalRangeQueue.remove(queue);
            }
            if (progress != null) {
                progress.stop();
            }
            spark.sparkContext().removeSparkListener(partials);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double firstRecord = opts.dryRun() ? Double.NaN
                : firstRecordSeconds(layout.chunks(), startMillis, jvmStartMillis());

        Map<String, Long> counts = new TreeMap<>();
        long skipped = 0;
        long passed = 0;
        double nativeSeconds = 0;
        int restarts = 0;
        String codeVersion = "";
        List<RankedEntry> union = new ArrayList<>();
        for (PartitionSummary s : summaries) {
            s.statusCounts().forEach((k, v) -> counts.merge(k, v, Long::sum));
            skipped += s.skipped();
            passed += s.passedFilters();
            nativeSeconds += s.nativeSeconds();
            restarts += s.workerRestarts();
            if (!s.codeVersion().isEmpty()) {
                codeVersion = s.codeVersion();
            }
            union.addAll(s.top());
        }
        long computed = counts.values().stream().mapToLong(Long::longValue).sum();
        RankingCounts seen = RankingCounts.NONE;
        for (PartitionSummary s : summaries) {
            seen = seen.plus(s.counts());
        }
        boolean sampled = spec.structure().samples() > 1;
        RankingStage.Ranked ranked;
        if (!rank) {
            ranked = new RankingStage.Ranked(List.of(), seen); // an adaptive round: ranked once, at the end
        } else if (ensemble != null && !opts.dryRun()) {
            // Ranking reads the per-composition aggregates across the members, rebuilt from everything committed.
            ranked = AggregateStage.run(sc, layout, screening, spec.screening().top(),
                    AggregateStage.potentials(ensemble));
        } else if (sampled && !opts.dryRun()) {
            // Ranking reads the per-composition aggregates, rebuilt from everything committed.
            ranked = AggregateStage.run(sc, layout, screening, spec.screening().top(),
                    AggregateStage.configurations());
        } else if ((skipped > 0 || retried.value() > 0) && !opts.dryRun()) {
            // A resumed run (or a shard's merge, or a retry) ranks everything committed, not only what it computed.
            ranked = RankingStage.rank(sc, layout, screening, spec.screening().top());
        } else {
            ranked = new RankingStage.Ranked(TopCandidates.merge(union, spec.screening().top()), seen);
        }
        return new RunSummary(spec.name(), layout.root().toString(), scope, computed, skipped,
                counts, passed, wall, referenceSeconds, nativeSeconds, cores, ranges.size(), restarts, tableMetrics,
                ranked.top(), retried.value(), codeVersion, ranked.counts(), sampled || ensemble != null,
                ensemble == null ? List.of() : ensemble.names(),
                ensemble == null ? "" : spec.screening().ensembleRanking().key(), firstRecord);
    }

    /** When this JVM started (epoch ms): the start of the command for a local run. */
    static long jvmStartMillis() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /**
     * Seconds from {@code fromMillis} (the JVM's start) to the earliest chunk committed since {@code sinceMillis}
     * (this run's start; a chunk's modification time is when its staging file was written, just before the rename
     * that commits it); NaN when this run committed none.
     */
    static double firstRecordSeconds(List<org.matscreen.repository.RepositoryLayout.Chunk> chunks, long sinceMillis,
            long fromMillis) {
        long first = chunks.stream().mapToLong(org.matscreen.repository.RepositoryLayout.Chunk::modifiedMillis)
                .filter(m -> m >= sinceMillis).min().orElse(-1);
        return first < 0 ? Double.NaN : (first - fromMillis) / 1e3;
    }

    /**
     * The pure-element references of a campaign as {@code plan} shows them.
     *
     * @param sets one set per reference group
     * @param cachedIn where every set was found (the repository's or the shared cache's references.json), or null
     *     when some were computed
     * @param failures reference calculations that failed
     */
    public record PlannedReferences(List<ReferenceEnergies> sets, String cachedIn, double seconds,
            List<String> failures) {
        public boolean cached() {
            return cachedIn != null;
        }
    }

    /**
     * The campaign's pure-element references without Spark: from the repository's references.json when it has them,
     * else from the shared result cache's (as {@code run} would take them), else computed here through one session of
     * the campaign's code. A plan writes nothing, neither here nor in the cache.
     *
     * @param codeOptions the code's options as the driver resolved them
     * @param cacheUri the shared result cache (a repository URI), or null for none
     */
    public static PlannedReferences references(CampaignSpec spec, PotentialSource potentials,
            CodeOptions codeOptions, String repositoryUri, String cacheUri) {
        long t0 = System.nanoTime();
        MethodInfo method = new MethodInfo(spec.method().code(), potentials.spec(), spec.method().relax(),
                spec.method().properties());
        CandidateSpace space = CandidateSpace.of(spec.space(), spec.structure().prototypes(), spec.structure().samples(),
                spec.source());
        RepositoryLayout layout = new RepositoryLayout(repositoryUri, new org.apache.hadoop.conf.Configuration());
        JobContext ctx = new JobContext(spec.name(), space, spec.structure(), method, potentials, spec.screening(),
                spec.visibility(), layout.root().toString(), codeOptions, null, false, spec.method().timeoutSeconds(),
                1, Map.of());
        List<PotentialSource.ReferenceGroup> groups = potentials.referenceGroups(space.systems());
        ReferenceStore store = new ReferenceStore(layout);
        ReferenceStore shared = cacheUri == null ? null
                : new ReferenceStore(new RepositoryLayout(cacheUri, layout.conf()));
        List<ReferenceEnergies> sets = new ArrayList<>();
        List<PotentialSource.ReferenceGroup> missing = new ArrayList<>();
        java.util.Set<String> foundIn = new java.util.TreeSet<>();
        for (PotentialSource.ReferenceGroup g : groups) {
            Optional<ReferenceStage.Cached> found = ReferenceStage.cached(ctx, g, store, shared);
            found.ifPresent(c -> foundIn.add((c.shared() ? new RepositoryLayout(cacheUri, layout.conf()) : layout)
                    .references().toString()));
            found.map(ReferenceStage.Cached::references).ifPresentOrElse(sets::add, () -> missing.add(g));
        }
        List<String> failures = new ArrayList<>();
        if (!missing.isEmpty()) {
            // Not cached here: writing a repository takes its writer lock, which a plan has no business holding.
            ReferenceStage.Outcome computed = ReferenceStage.computeHere(ctx, missing);
            for (var e : computed.references().entrySet()) {
                sets.add(e.getValue());
                failures.addAll(computed.failures().getOrDefault(e.getKey(), List.of()));
            }
        }
        return new PlannedReferences(sets, missing.isEmpty() ? String.join(" and ", foundIn) : null,
                (System.nanoTime() - t0) / 1e9, failures);
    }

    /** Ranges per {@code --partitions} or the campaign's setting, else cost-aware (see {@link Partitioner}). */
    static List<Partitioner.Range> plan(CampaignSpec spec, Options opts, CandidateSpace space, int cores,
            CostModel cost) {
        return plan(spec, opts, space, space.size(), cores, cost);
    }

    /**
     * Ranges of {@code [0, size)}: the whole space, or a shard's slice before {@link #shift}. A candidate's cost
     * depends on its index only through its prototype, so a slice is planned like a space of its size.
     */
    static List<Partitioner.Range> plan(CampaignSpec spec, Options opts, CandidateSpace space, long size, int cores,
            CostModel cost) {
        int fixed = opts.partitions() > 0 ? opts.partitions() : spec.execution().partitions();
        if (opts.dryRun() && fixed <= 0) {
            // a dry run costs microseconds per candidate: a few ranges per slot, each at most half a million
            fixed = (int) Math.min(MAX_RANGES, Math.max(4L * cores, space.size() / 500_000));
        }
        if (fixed > 0) {
            return Partitioner.split(size, space.prototypeCycle(), cost, Double.MAX_VALUE, fixed, fixed);
        }
        // At least 20 ranges per task slot: Spark hands them out as slots free up, so the last wave (and any
        // straggler, costs vary several-fold with composition) idles a slot for a twentieth of its share at most;
        // the tapered last wave cuts that idle tail about fourfold again. But none under a second of work while
        // there are two per slot: 46 ranges of 200 Cu-Ni candidates (0.2 s each) spent 9 % of the cores on the fixed
        // cost of a range. (That cost is a task's; in local mode, where the tasks take ranges from a queue, a range
        // costs little more than the lookup of its committed ids, but the same plan serves both.)
        return Partitioner.split(size, space.prototypeCycle(), cost,
                spec.execution().targetPartitionSeconds(), MIN_RANGES_PER_SLOT * cores, MAX_RANGES, cores,
                MIN_RANGE_SECONDS);
    }

    /** The ranges moved to start at {@code first} (a shard's first candidate). */
    static List<Partitioner.Range> shift(List<Partitioner.Range> plan, long first) {
        if (first == 0) {
            return plan;
        }
        return plan.stream().map(r -> new Partitioner.Range(r.start() + first, r.end() + first,
                r.estimatedSeconds())).toList();
    }

    static final int MIN_RANGES_PER_SLOT = 20;
    /** Estimated work below which a range's fixed cost (about 18 ms) would exceed 2 %, s. */
    static final double MIN_RANGE_SECONDS = 1.0;
    static final int MAX_RANGES = 200_000;

    /** The prior cost model corrected by this campaign's own measured costs, where a resumed run has them. */
    static CostModel calibrate(CostModel prior, RepositoryLayout layout, CampaignSpec spec) {
        Map<String, double[]> measured = new ResultReader(layout).meanSecondsByPrototype();
        CostModel m = prior;
        for (var p : spec.structure().prototypes()) {
            double[] v = measured.get(p.key());
            if (v != null && v[1] >= 5) { // a mean over a handful of candidates is still noise
                m = m.calibrated(p, v[0]);
                break;
            }
        }
        return m;
    }

    /**
     * Explicit ranges for a list of candidates (a round of an adaptive campaign): sorted by index and cut into at most
     * {@code count} slices of nearly equal size, each with the committed chunks that may hold one of its candidates.
     */
    static List<CandidateRange> explicitRanges(List<Long> indices, int count, List<RepositoryLayout.Chunk> chunks) {
        List<Long> sorted = indices.stream().distinct().sorted().toList();
        int n = Math.max(1, Math.min(count, sorted.size()));
        List<CandidateRange> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < n && from < sorted.size(); i++) {
            int to = from + sorted.size() / n + (i < sorted.size() % n ? 1 : 0);
            List<Long> slice = sorted.subList(from, to);
            CandidateRange bare = CandidateRange.of(out.size(), slice, List.of());
            List<String> overlapping = new ArrayList<>();
            for (RepositoryLayout.Chunk c : chunks) {
                if (bare.overlaps(c.first(), c.last())) {
                    overlapping.add(c.path().toString());
                }
            }
            out.add(CandidateRange.of(out.size(), slice, overlapping));
            from = to;
        }
        return out;
    }

    /** Contiguous ranges, each with the committed chunks that overlap it. */
    static List<CandidateRange> ranges(List<Partitioner.Range> plan, List<RepositoryLayout.Chunk> chunks) {
        List<CandidateRange> out = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            long start = plan.get(i).start();
            long end = plan.get(i).end();
            List<String> overlapping = new ArrayList<>();
            for (RepositoryLayout.Chunk c : chunks) {
                if (c.overlaps(start, end)) {
                    overlapping.add(c.path().toString());
                }
            }
            out.add(new CandidateRange(i, start, end, overlapping));
        }
        return out;
    }

    /**
     * The pure-element references of the groups: from this repository's references.json, else from the shared cache's
     * (references of the same potential content and settings computed by another campaign; copied into this
     * repository, which thus always documents the references its enthalpies used), else computed on the executors
     * and stored in both.
     */
    private static Map<String, ReferenceEnergies> references(JavaSparkContext sc, RepositoryLayout layout,
            JobContext ctx, List<PotentialSource.ReferenceGroup> groups) {
        ReferenceStore store = new ReferenceStore(layout);
        ReferenceStore shared = ctx.cacheUri() == null ? null
                : new ReferenceStore(new RepositoryLayout(ctx.cacheUri(), sc.hadoopConfiguration()));
        String key = ReferenceStage.settingsKey(ctx);
        Map<String, ReferenceEnergies> out = new TreeMap<>();
        List<PotentialSource.ReferenceGroup> missing = new ArrayList<>();
        for (PotentialSource.ReferenceGroup g : groups) {
            Optional<ReferenceStage.Cached> found = ReferenceStage.cached(ctx, g, store, shared);
            found.filter(ReferenceStage.Cached::shared).ifPresent(c -> store.store(key, c.references()));
            found.map(ReferenceStage.Cached::references).ifPresentOrElse(r -> out.put(g.key(), r),
                    () -> missing.add(g));
        }
        if (!missing.isEmpty()) {
            ReferenceStage.Outcome computed = ReferenceStage.compute(sc, sc.broadcast(ctx), missing);
            computed.references().forEach((g, r) -> {
                if (computed.complete(g)) {
                    store.store(key, r); // only complete sets are cached, so a rerun retries what failed
                    if (shared != null) {
                        shared.store(key, r);
                    }
                } else {
                    System.err.println("warning: pure-element references failed, enthalpies of the affected"
                            + " candidates will be unknown: " + String.join("; ", computed.failures().get(g)));
                }
                out.put(g, r);
            });
        }
        return out;
    }

    /**
     * Adds the run's entry to the manifest with the repository's status counts, keeping its adaptive section.
     *
     * @param complete whether the campaign has nothing left to compute
     */
    static void writeManifest(Repository repo, CampaignSpec spec, String yaml, MethodInfo method,
            long candidates, String started, RunSummary s, String master, Options opts, boolean complete) {
        writeManifest(repo, spec, yaml, method, candidates, started, s, master, opts,
                new ResultReader(repo.layout()).statusCounts(), complete);
    }

    /** As above, with the repository's status counts already taken ({@code total}). */
    static void writeManifest(Repository repo, CampaignSpec spec, String yaml, MethodInfo method, long candidates,
            String started, RunSummary s, String master, Options opts, Map<String, Long> total, boolean complete) {
        PotentialSpec p = method.potential();
        repo.updateManifest(existing -> {
            List<Manifest.Run> runs = new ArrayList<>(existing.map(Manifest::runs).orElse(List.of()));
            runs.add(new Manifest.Run(started, Instant.now().toString(), master, s.cores(), s.computed(),
                    s.skipped(), s.statusCounts(), s.wallSeconds(), s.nativeSeconds(), complete,
                    new ArrayList<>(new java.util.TreeSet<>(opts.retryStatuses())), s.retried(),
                    Double.isNaN(s.firstRecordSeconds()) ? Manifest.Run.NO_RECORD : s.firstRecordSeconds()));
            String created = existing.map(Manifest::createdAt).orElse(started);
            String codeVersion = s.codeVersion().isEmpty() ? existing.map(Manifest::codeVersion).orElse("")
                    : s.codeVersion();
            return new Manifest(org.matscreen.repository.RecordSchema.VERSION, spec.name(), spec.description(), yaml,
                    created, Instant.now().toString(), fingerprint(spec, method), candidates, total,
                    BuildInfo.version(), BuildInfo.commit(), codeVersion,
                    new Manifest.Potential(p.name(), p.pairStyle(), p.key(), p.citation(), p.elements()), runs,
                    existing.map(Manifest::adaptive).orElse(null));
        });
    }

}
