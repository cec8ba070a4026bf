package org.matscreen.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;

/**
 * Ranks every committed record of a repository, as executors read the chunk files: each task keeps its first k Pareto
 * fronts among the records that pass the filters, the driver merges them (see {@link TopCandidates}). So a resumed
 * run, or the merge after sharded jobs, shows the campaign's ranking, and no record list reaches the driver.
 */
final class RankingStage {
    private RankingStage() {}

    static List<TopCandidates.Row> rank(JavaSparkContext sc, RepositoryLayout layout, Screening screening, int top) {
        List<String> chunks = layout.chunks().stream().map(c -> c.path().toString()).toList();
        if (chunks.isEmpty()) {
            return List.of();
        }
        int slices = Math.max(1, Math.min(chunks.size(), 4 * sc.defaultParallelism()));
        List<RankedEntry> union = sc.parallelize(chunks, slices)
                .mapPartitions(new Fronts(layout.root().toString(), screening, top)).collect();
        return TopCandidates.merge(union, top);
    }

    /** Executor side: the first k fronts of the records in a few chunk files. */
    static final class Fronts implements FlatMapFunction<Iterator<String>, RankedEntry> {
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
        public Iterator<RankedEntry> call(Iterator<String> chunks) {
            ResultReader reader = new ResultReader(new RepositoryLayout(repositoryUri, RepositoryLayout.sharedConfiguration()));
            List<RankedEntry> entries = new ArrayList<>();
            while (chunks.hasNext()) {
                reader.forEach(new Path(chunks.next()), r -> {
                    if (screening.passes(r)) {
                        entries.add(screening.entry(r));
                    }
                });
            }
            return TopCandidates.firstFronts(entries, top).iterator();
        }
    }
}
