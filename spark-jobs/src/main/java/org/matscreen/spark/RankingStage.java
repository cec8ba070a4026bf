package org.matscreen.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.matscreen.core.sim.Status;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;

/**
 * Ranks every committed record of a repository, as executors read the chunk files: each task keeps its first k Pareto
 * fronts among the records that pass the filters and the flag gate, the driver merges them (see
 * {@link TopCandidates}). So a resumed run, or the merge after sharded jobs, shows the campaign's ranking, and no
 * record list reaches the driver.
 */
final class RankingStage {
    private RankingStage() {}

    /** The ranked table and what the pass saw. */
    record Ranked(List<TopCandidates.Row> top, RankingCounts counts) {}

    /** One partition's fronts and counts. */
    record Part(List<RankedEntry> fronts, RankingCounts counts) implements Serializable {}

    static Ranked rank(JavaSparkContext sc, RepositoryLayout layout, Screening screening, int top) {
        List<String> chunks = layout.chunks().stream().map(c -> c.path().toString()).toList();
        if (chunks.isEmpty()) {
            return new Ranked(List.of(), RankingCounts.NONE);
        }
        int slices = Math.max(1, Math.min(chunks.size(), 4 * sc.defaultParallelism()));
        List<Part> parts = sc.parallelize(chunks, slices)
                .mapPartitions(new Fronts(layout.root().toString(), screening, top)).collect();
        return merge(parts, top);
    }

    static Ranked merge(List<Part> parts, int top) {
        List<RankedEntry> union = new ArrayList<>();
        RankingCounts counts = RankingCounts.NONE;
        for (Part p : parts) {
            union.addAll(p.fronts());
            counts = counts.plus(p.counts());
        }
        return new Ranked(TopCandidates.merge(union, top), counts);
    }

    /** Executor side: the first k fronts of the records in a few chunk files. */
    static final class Fronts implements FlatMapFunction<Iterator<String>, Part> {
        private static final long serialVersionUID = 1L;
        private final String repositoryUri;
        private final Screening screening;
        private final int top;

        Fronts(String repositoryUri, Screening screening, int top) {
            this.repositoryUri = repositoryUri;
            this.screening = screening;
            this.top = top;
        }

        @Override
        public Iterator<Part> call(Iterator<String> chunks) {
            ResultReader reader = new ResultReader(new RepositoryLayout(repositoryUri, RepositoryLayout.sharedConfiguration()));
            RankTally tally = new RankTally();
            while (chunks.hasNext()) {
                reader.forEach(new Path(chunks.next()), r -> {
                    if (r.status() == Status.OK) {
                        tally.offer(r.flags(), screening.passesFilters(r), screening.excluded(r.flags()),
                                () -> screening.entry(r));
                    }
                });
            }
            return List.of(tally.part(top)).iterator();
        }
    }
}
