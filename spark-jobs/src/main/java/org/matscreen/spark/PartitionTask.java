package org.matscreen.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.sim.SimulationSession;
import org.matscreen.core.sim.Status;
import org.matscreen.core.space.Candidate;
import org.matscreen.repository.ChunkWriter;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;

/**
 * The executor side of a screening job: generates its range of candidates, skips those already committed, computes
 * the rest through one session of the campaign's simulation code (for LAMMPS a pooled worker, or LAMMPS in this
 * JVM), commits records in chunks and reports a bounded summary.
 *
 * <p>Failure policy: a candidate never fails the task. A crash of the code's worker is retried once on a fresh
 * worker (a node hiccup deserves a second chance); a second crash is recorded as {@code crashed} with both texts and,
 * like every committed record, is not attempted again in this campaign. With a code in the executor's own process
 * ({@link SimulationSession#crashEndsCaller()}, e.g. LAMMPS in-process) a crash can take the executor down: the
 * candidate in flight is remembered on the repository's file system, and the retried task records it as
 * {@code quarantined} instead of computing it again. With {@code run --retry-failed}, committed records whose
 * status is among the chosen ones are computed again; the new record is committed beside the old one and the driver
 * then keeps only the new one ({@link org.matscreen.repository.Repository#collapseDuplicates}), so a kill at any point
 * loses neither.
 */
final class PartitionTask implements FlatMapFunction<Iterator<CandidateRange>, PartitionSummary> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<JobContext> context;
    private final Screening screening;
    private final LongAccumulator done;
    private final LongAccumulator failed;
    private final LongAccumulator skippedAcc;
    /** Epoch milliseconds after which no candidate is started (0: none); executors' clocks are NTP-synchronised. */
    private final long deadlineMillis;
    /** The driver's staging folder under {@code _staging/}: its writer lock covers what is written there. */
    private final String stagingName;
    /** Statuses of committed records that are computed again (run --retry-failed); empty: skip every committed id. */
    private final Set<String> retryStatuses;
    private final LongAccumulator retried;

    PartitionTask(Broadcast<JobContext> context, Screening screening, LongAccumulator done,
            LongAccumulator failed, LongAccumulator skipped, long deadlineMillis, String stagingName,
            Set<String> retryStatuses, LongAccumulator retried) {
        this.context = context;
        this.screening = screening;
        this.done = done;
        this.failed = failed;
        this.skippedAcc = skipped;
        this.deadlineMillis = deadlineMillis;
        this.stagingName = stagingName;
        this.retryStatuses = Set.copyOf(retryStatuses);
        this.retried = retried;
    }

    /** Whether the run's deadline has passed: the partition then commits what it has and ends. */
    private boolean pastDeadline() {
        return deadlineMillis > 0 && System.currentTimeMillis() >= deadlineMillis;
    }

    @Override
    public Iterator<PartitionSummary> call(Iterator<CandidateRange> ranges) {
        List<PartitionSummary> out = new ArrayList<>();
        JobContext ctx = Sessions.localise(context.value());
        while (ranges.hasNext()) {
            out.add(run(ctx, ranges.next()));
        }
        return out.iterator();
    }

    private PartitionSummary run(JobContext ctx, CandidateRange range) {
        if (ctx.dryRun()) {
            return dryRun(ctx, range);
        }
        long t0 = System.nanoTime();
        if (pastDeadline()) {
            // Neither a worker process nor the committed ids are needed for a partition that will not start.
            return new PartitionSummary(range.partition(), Map.of(), 0, 0, 0, 0, 0, "", List.of(),
                    RankingCounts.NONE);
        }
        RepositoryLayout layout = new RepositoryLayout(ctx.repositoryUri(), RepositoryLayout.sharedConfiguration())
                .withStaging(stagingName);
        Map<String, String> committed = committedIds(layout, range);
        ChunkWriter writer = new ChunkWriter(layout);
        ResultCache cache = ctx.cacheUri() == null ? null : new ResultCache(ctx.cacheUri());
        CandidateEvaluator evaluator = new CandidateEvaluator(ctx);
        InFlightMarkers markers = new InFlightMarkers(layout, range);
        Map<String, Long> counts = new TreeMap<>();
        List<CandidateResult> pending = new ArrayList<>();
        List<RankedEntry> entries = new ArrayList<>();
        long skipped = 0;
        long passed = 0;
        Map<String, Long> flagCounts = new TreeMap<>();
        long excluded = 0;
        double nativeSeconds = 0;
        int restarts = 0;
        String codeVersion;
        try (SimulationSession session = Sessions.open(ctx)) {
            codeVersion = session.codeVersion();
            boolean crashEndsExecutor = session.crashEndsCaller();
            OptionalLong poison = crashEndsExecutor ? markers.leftOver() : OptionalLong.empty();
            for (Iterator<Candidate> it = range.candidates(ctx.space()); it.hasNext(); ) {
                if (pastDeadline()) {
                    break;
                }
                Candidate c = it.next();
                String status = committed.isEmpty() ? null : committed.get(evaluator.id(c));
                if (status != null) {
                    if (!retryStatuses.contains(status)) {
                        skipped++;
                        skippedAcc.add(1);
                        continue;
                    }
                    // computed again; the driver removes the old record once the new one is committed
                    retried.add(1);
                }
                CandidateResult r;
                var cached = cache == null ? java.util.Optional.<CandidateResult>empty()
                        : cache.find(c.chemicalSystem(), evaluator.id(c), ctx.campaign(), c.index(), ctx.visibility());
                boolean simulated = cached.isEmpty();
                if (cached.isPresent()) {
                    r = cached.get();
                } else if (poison.isPresent() && poison.getAsLong() == c.index()) {
                    r = evaluator.quarantined(c, "its calculation ended the executor process in an earlier attempt"
                            + " of this task (" + ctx.method().code() + " in-process); not computed again in this"
                            + " campaign");
                } else {
                    if (crashEndsExecutor) {
                        markers.mark(c.index());
                    }
                    r = evaluateWithRetry(evaluator, c, session);
                }
                if (simulated && r.status() == Status.OK) {
                    ChunkWriter.warmUpOnce(r);
                }
                counts.merge(r.status().key(), 1L, Long::sum);
                if (simulated) {
                    // a record reused from the cache carries the native time of the run that computed it; counting
                    // it here put efficiency above 1 (measured: 2.08 on 2 cores for a quick start served from cache)
                    nativeSeconds += r.provenance().nativeSeconds();
                }
                done.add(1);
                if (r.status() != Status.OK) {
                    failed.add(1);
                } else {
                    r.flags().forEach(f -> flagCounts.merge(f.key(), 1L, Long::sum));
                    if (screening.passesFilters(r)) {
                        passed++;
                        if (screening.excluded(r.flags())) {
                            excluded++;
                        } else {
                            entries.add(screening.entry(r));
                        }
                    }
                }
                pending.add(r);
                if (pending.size() >= ctx.commitEvery()) {
                    commit(writer, cache, pending);
                }
            }
            commit(writer, cache, pending);
            if (crashEndsExecutor) {
                markers.clear();
            }
            restarts = session.workersLost();
        }
        List<RankedEntry> top = TopCandidates.firstFronts(entries, ctx.screening().top());
        return new PartitionSummary(range.partition(), counts, skipped, passed, nativeSeconds,
                (System.nanoTime() - t0) / 1e9, restarts, codeVersion, top, new RankingCounts(flagCounts, excluded));
    }

    private static void commit(ChunkWriter writer, ResultCache cache, List<CandidateResult> pending) {
        writer.commit(pending);
        if (cache != null) {
            cache.add(pending);
        }
        pending.clear();
    }

    /** Dry run: every candidate is generated, its id derived and its cell checked; nothing is computed. */
    private PartitionSummary dryRun(JobContext ctx, CandidateRange range) {
        long t0 = System.nanoTime();
        CandidateEvaluator evaluator = new CandidateEvaluator(ctx);
        Map<String, Long> counts = new TreeMap<>();
        for (Iterator<Candidate> it = range.candidates(ctx.space()); it.hasNext(); ) {
            Candidate c = it.next();
            counts.merge(evaluator.checkOnly(c) ? "planned" : "unbuildable", 1L, Long::sum);
            done.add(1);
        }
        return new PartitionSummary(range.partition(), counts, 0, 0, 0, (System.nanoTime() - t0) / 1e9, 0, "",
                List.of(), RankingCounts.NONE);
    }

    /** A crashed calculation gets one more try on a fresh worker; two crashes are recorded with both texts. */
    static CandidateResult evaluateWithRetry(CandidateEvaluator evaluator, Candidate c, SimulationSession session) {
        CandidateResult first = evaluator.evaluate(c, session);
        if (first.status() != Status.CRASHED) {
            return first;
        }
        CandidateResult second = evaluator.evaluate(c, session);
        String history = "first attempt crashed:\n" + first.errorText();
        return second.status() == Status.CRASHED
                ? evaluator.withError(second, "crashed twice; " + history + "\nsecond attempt crashed:\n"
                        + second.errorText())
                : evaluator.withError(second, (second.errorText().isEmpty() ? "" : second.errorText() + "\n")
                        + "succeeded on a fresh worker after the " + history);
    }

    /** id → status of the records already committed in chunks overlapping the range. */
    private static Map<String, String> committedIds(RepositoryLayout layout, CandidateRange range) {
        if (range.committedChunks().isEmpty()) {
            return Map.of();
        }
        List<RepositoryLayout.Chunk> chunks = range.committedChunks().stream()
                .map(p -> new RepositoryLayout.Chunk(new Path(p), 0, 0, 0)).toList();
        return new ResultReader(layout).idStatuses(chunks);
    }
}
