package org.matscreen.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.SimulationSession;
import org.matscreen.core.sim.Status;
import org.matscreen.core.space.Candidate;
import org.matscreen.repository.ChunkWriter;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;

/**
 * The executor side of a screening job: generates the candidates of its ranges (one per task on a cluster; in local
 * mode as many as the task takes from the job's {@link LocalRangeQueue}), skips those already committed, computes the
 * rest through one session of the campaign's simulation code (for LAMMPS a pooled worker, or LAMMPS in this JVM),
 * commits records in chunks (every {@code commitEvery} records, at least every 30 s, at the end of the task's first
 * range and at its end) and reports a bounded summary.
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
        if (ctx.dryRun()) {
            while (ranges.hasNext()) {
                out.add(dryRun(ctx, ranges.next()));
            }
        } else if (ranges.hasNext()) {
            out.add(screen(ctx, ranges.next(), ranges));
        }
        return out.iterator();
    }

    /** The task of a local-mode job: takes ranges from the job's {@link LocalRangeQueue} until none is left. */
    FlatMapFunction<Iterator<LocalRangeQueue.Slot>, PartitionSummary> fromQueue() {
        return new QueueTask(this);
    }

    /** A closure (Java-serialised with the task), not a wire record. */
    private static final class QueueTask implements FlatMapFunction<Iterator<LocalRangeQueue.Slot>, PartitionSummary> {
        private static final long serialVersionUID = 1L;
        private final PartitionTask task;

        QueueTask(PartitionTask task) {
            this.task = task;
        }

        @Override
        public Iterator<PartitionSummary> call(Iterator<LocalRangeQueue.Slot> slots) throws Exception {
            List<PartitionSummary> out = new ArrayList<>();
            while (slots.hasNext()) {
                task.call(LocalRangeQueue.taker(slots.next().token())).forEachRemaining(out::add);
            }
            return out.iterator();
        }
    }

    /**
     * Computes {@code first} and then the {@code rest}, as one stream through one session: the pipeline stays one
     * candidate ahead across ranges and records commit by count and time ({@link Tally}), not per range. With a code
     * whose crash ends this process, each range is computed on its own behind its in-flight marker.
     */
    private PartitionSummary screen(JobContext ctx, CandidateRange first, Iterator<CandidateRange> rest) {
        long t0 = System.nanoTime();
        if (pastDeadline()) {
            // Neither a worker process nor the committed ids are needed for a partition that will not start.
            return new PartitionSummary(first.partition(), Map.of(), 0, 0, 0, 0, 0, "", List.of(),
                    RankingCounts.NONE);
        }
        RepositoryLayout layout = new RepositoryLayout(ctx.repositoryUri(), RepositoryLayout.sharedConfiguration())
                .withStaging(stagingName);
        ResultCache cache = ctx.cacheUri() == null ? null : new ResultCache(ctx.cacheUri());
        CandidateEvaluator evaluator = new CandidateEvaluator(ctx);
        Tally tally = new Tally(new ChunkWriter(layout), cache, ctx.commitEvery());
        int restarts;
        String codeVersion;
        try (SimulationSession session = Sessions.open(ctx)) {
            codeVersion = session.codeVersion();
            if (session.crashEndsCaller()) {
                for (CandidateRange range = first; range != null; range = rest.hasNext() ? rest.next() : null) {
                    InFlightMarkers markers = new InFlightMarkers(layout, range);
                    compute(session, new Upcoming(List.of(range).iterator(), layout, cache, evaluator,
                            markers.leftOver(), tally, ctx, codeVersion), evaluator, tally, markers);
                    tally.commit();
                    markers.clear();
                }
            } else {
                compute(session, new Upcoming(withFirst(first, rest), layout, cache, evaluator, OptionalLong.empty(),
                        tally, ctx, codeVersion), evaluator, tally, null);
                tally.commit();
            }
            restarts = session.workersLost();
        }
        List<RankedEntry> top = TopCandidates.firstFronts(tally.entries, ctx.screening().top());
        return new PartitionSummary(first.partition(), tally.counts, tally.skipped, tally.passed,
                tally.nativeSeconds, (System.nanoTime() - t0) / 1e9, restarts, codeVersion, top,
                new RankingCounts(tally.flagCounts, tally.excluded));
    }

    /**
     * Computes what {@code upcoming} prepares, one candidate ahead: the next one's cell is built while the code
     * computes the current one, and as soon as the current outcome arrives the next request is sent before the current
     * record is made and committed, so the worker does not wait for this thread between candidates (it waited 2.9 ms
     * per candidate, median, for 47 ms of LAMMPS: 200 Cu-Ni candidates on 2 cores).
     *
     * @param markers where the candidate in flight is remembered (a code whose crash ends this process), or null
     */
    private void compute(SimulationSession session, Upcoming upcoming, CandidateEvaluator evaluator, Tally tally,
            InFlightMarkers markers) {
        InFlight flight = launch(session, upcoming.next(), markers);
        CandidateEvaluator.Prepared following = flight == null ? null : upcoming.next();
        while (flight != null) {
            CalculationOutcome outcome = flight.submitted().await();
            boolean crashed = outcome.status() == Status.CRASHED;
            InFlight next = crashed ? null : launch(session, following, markers);
            CandidateResult r = evaluator.finish(flight.prepared(), outcome, flight.sentNanos());
            if (crashed) {
                // the retry on a fresh worker comes before the next candidate is sent
                r = retried(evaluator, r, evaluator.evaluate(flight.prepared().candidate(), session));
                next = launch(session, following, markers);
            }
            tally.accept(r, true);
            flight = next;
            following = flight == null ? null : upcoming.next();
        }
    }

    /** {@code first}, then what {@code rest} hands out (taken only when reached: a queue's ranges stay shared). */
    private static Iterator<CandidateRange> withFirst(CandidateRange first, Iterator<CandidateRange> rest) {
        return new Iterator<>() {
            private boolean firstTaken;

            @Override
            public boolean hasNext() {
                return !firstTaken || rest.hasNext();
            }

            @Override
            public CandidateRange next() {
                if (!firstTaken) {
                    firstTaken = true;
                    return first;
                }
                return rest.next();
            }
        };
    }

    /** A prepared candidate sent to the code, and when ({@code System.nanoTime()}). */
    private record InFlight(CandidateEvaluator.Prepared prepared, SimulationSession.Submitted submitted,
            long sentNanos) {}

    /** Sends {@code p} to the code; null if there is none, or if the deadline passed since it was prepared. */
    private InFlight launch(SimulationSession session, CandidateEvaluator.Prepared p, InFlightMarkers markers) {
        if (p == null || pastDeadline()) {
            return null;
        }
        if (markers != null) {
            markers.mark(p.candidate().index());
        }
        return new InFlight(p, session.submit(p.request()), System.nanoTime());
    }

    /**
     * The candidates of a stream of ranges in order, each either recorded at once (committed earlier and not retried,
     * found in the cache, quarantined, or unbuildable) or returned prepared for the code. A range's committed ids are
     * read when the stream reaches it. Stops at the deadline.
     */
    private final class Upcoming {
        private final Iterator<CandidateRange> ranges;
        private final RepositoryLayout layout;
        private final ResultCache cache;
        private final CandidateEvaluator evaluator;
        private final OptionalLong poison;
        private final Tally tally;
        private final JobContext ctx;
        private final String codeVersion;
        private Iterator<Candidate> it = Collections.emptyIterator();
        private Map<String, String> committed = Map.of();
        private boolean started;

        Upcoming(Iterator<CandidateRange> ranges, RepositoryLayout layout, ResultCache cache,
                CandidateEvaluator evaluator, OptionalLong poison, Tally tally, JobContext ctx, String codeVersion) {
            this.ranges = ranges;
            this.layout = layout;
            this.cache = cache;
            this.evaluator = evaluator;
            this.poison = poison;
            this.tally = tally;
            this.ctx = ctx;
            this.codeVersion = codeVersion;
        }

        /** The next candidate to compute, prepared; null when the ranges (or the time before the deadline) are done. */
        CandidateEvaluator.Prepared next() {
            while (!pastDeadline()) {
                if (!it.hasNext()) {
                    if (!ranges.hasNext()) {
                        return null;
                    }
                    CandidateRange range = ranges.next();
                    if (started) {
                        tally.rangeDone();
                    }
                    started = true;
                    committed = committedIds(layout, range);
                    it = range.candidates(ctx.space());
                    continue;
                }
                Candidate c = it.next();
                String status = committed.isEmpty() ? null : committed.get(evaluator.id(c));
                if (status != null) {
                    if (!retryStatuses.contains(status)) {
                        tally.skipped++;
                        skippedAcc.add(1);
                        continue;
                    }
                    // computed again; the driver removes the old record once the new one is committed
                    retried.add(1);
                }
                var cached = cache == null ? Optional.<CandidateResult>empty()
                        : cache.find(c.chemicalSystem(), evaluator.id(c), ctx.campaign(), c.index(), ctx.visibility());
                if (cached.isPresent()) {
                    tally.accept(cached.get(), false);
                    continue;
                }
                if (poison.isPresent() && poison.getAsLong() == c.index()) {
                    tally.accept(evaluator.quarantined(c, "its calculation ended the executor process in an earlier"
                            + " attempt of this task (" + ctx.method().code() + " in-process); not computed again in"
                            + " this campaign"), true);
                    continue;
                }
                CandidateEvaluator.Prepared p = evaluator.prepare(c);
                if (p.request() != null) {
                    return p;
                }
                tally.accept(evaluator.unbuildable(p, codeVersion), true);
            }
            return null;
        }
    }

    /**
     * A task's records commit at least this often (and at every {@code commitEvery} records): a task that streams
     * ranges would otherwise hold up to {@code commitEvery} records, which is minutes of work for a costly method,
     * and a kill loses what is not committed. A commit of a 15-record chunk costs about 7 ms.
     */
    private static final long COMMIT_INTERVAL_NANOS = 30_000_000_000L;

    /** What a task counts and collects from its records, and the records not committed yet. */
    private final class Tally {
        private final ChunkWriter writer;
        private final ResultCache cache;
        private final int commitEvery;
        private long lastCommitNanos = System.nanoTime();
        private boolean committedOnce;
        final Map<String, Long> counts = new TreeMap<>();
        final Map<String, Long> flagCounts = new TreeMap<>();
        final List<RankedEntry> entries = new ArrayList<>();
        private final List<CandidateResult> pending = new ArrayList<>();
        long skipped;
        long passed;
        long excluded;
        double nativeSeconds;

        Tally(ChunkWriter writer, ResultCache cache, int commitEvery) {
            this.writer = writer;
            this.cache = cache;
            this.commitEvery = commitEvery;
        }

        /** @param simulated computed by this task (false: reused from the cache) */
        void accept(CandidateResult r, boolean simulated) {
            if (simulated && r.status() == Status.OK) {
                ChunkWriter.warmUpOnce(r);
            }
            counts.merge(r.status().key(), 1L, Long::sum);
            if (simulated) {
                // a record reused from the cache carries the native time of the run that computed it; counting it
                // here put efficiency above 1 (measured: 2.08 on 2 cores for a quick start served from cache)
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
            if (pending.size() >= commitEvery || System.nanoTime() - lastCommitNanos >= COMMIT_INTERVAL_NANOS) {
                commit();
            }
        }

        /**
         * The stream moved past a range. The task's first records commit there, as they did when each range was a
         * task of its own: a first look at the results (and the time to the first record) should not wait for
         * {@code commitEvery} records.
         */
        void rangeDone() {
            if (!committedOnce) {
                commit();
            }
        }

        void commit() {
            lastCommitNanos = System.nanoTime();
            if (pending.isEmpty()) {
                return;
            }
            committedOnce = true;
            PartitionTask.commit(writer, cache, pending);
        }
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

    /** The record of a second attempt after a crashed {@code first}, carrying the history of both. */
    private static CandidateResult retried(CandidateEvaluator evaluator, CandidateResult first, CandidateResult second) {
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
