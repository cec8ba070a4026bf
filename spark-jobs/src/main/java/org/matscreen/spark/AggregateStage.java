package org.matscreen.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.matscreen.core.result.Aggregate;
import org.matscreen.core.result.AggregateAxis;
import org.matscreen.repository.AggregateStore;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;
import scala.Tuple2;

/**
 * Per-composition aggregates of a sampled campaign, and the ranking over them: executors read the committed chunks
 * and key every record by its group along the axis; partial {@link Aggregate}s merge by key (the samples of a
 * composition are adjacent in the enumeration, but ranges may split them); each reduced partition writes its part of
 * the aggregates table and returns its first k Pareto fronts among the aggregates that pass filters and flag gate.
 * The driver publishes the table in one rename and merges the fronts. Only fronts and counts reach the driver.
 */
final class AggregateStage {
    private AggregateStage() {}

    static RankingStage.Ranked run(JavaSparkContext sc, RepositoryLayout layout, Screening screening, int top,
            AggregateAxis axis) {
        List<String> chunks = layout.chunks().stream().map(c -> c.path().toString()).toList();
        AggregateStore store = new AggregateStore(layout, axis);
        Path staging = store.newStaging();
        if (chunks.isEmpty()) {
            store.publish(staging);
            return new RankingStage.Ranked(List.of(), RankingCounts.NONE);
        }
        int slices = Math.max(1, Math.min(chunks.size(), 4 * sc.defaultParallelism()));
        String root = layout.root().toString();
        List<RankingStage.Part> parts = sc.parallelize(chunks, slices)
                .mapPartitionsToPair(new Keyed(root, axis))
                .reduceByKey(Aggregate::merge, slices)
                .mapPartitions(new WriteAndRank(root, axis, staging.toString(), screening, top))
                .collect();
        store.publish(staging);
        return RankingStage.merge(parts, top);
    }

    /** Executor side: every record of a few chunks as a one-member aggregate keyed by its group. */
    static final class Keyed implements PairFlatMapFunction<Iterator<String>, String, Aggregate> {
        private static final long serialVersionUID = 1L;
        private final String repositoryUri;
        private final AggregateAxis axis;

        Keyed(String repositoryUri, AggregateAxis axis) {
            this.repositoryUri = repositoryUri;
            this.axis = axis;
        }

        @Override
        public Iterator<Tuple2<String, Aggregate>> call(Iterator<String> chunks) {
            ResultReader reader = new ResultReader(new RepositoryLayout(repositoryUri,
                    RepositoryLayout.sharedConfiguration()));
            List<Tuple2<String, Aggregate>> out = new ArrayList<>();
            while (chunks.hasNext()) {
                reader.forEach(new Path(chunks.next()), r -> {
                    Aggregate a = Aggregate.of(axis, r);
                    out.add(new Tuple2<>(a.groupId(), a));
                });
            }
            return out.iterator();
        }
    }

    /** Executor side: writes one part of the table and ranks its aggregates. */
    static final class WriteAndRank implements FlatMapFunction<Iterator<Tuple2<String, Aggregate>>,
            RankingStage.Part> {
        private static final long serialVersionUID = 1L;
        private final String repositoryUri;
        private final AggregateAxis axis;
        private final String staging;
        private final Screening screening;
        private final int top;

        WriteAndRank(String repositoryUri, AggregateAxis axis, String staging, Screening screening, int top) {
            this.repositoryUri = repositoryUri;
            this.axis = axis;
            this.staging = staging;
            this.screening = screening;
            this.top = top;
        }

        @Override
        public Iterator<RankingStage.Part> call(Iterator<Tuple2<String, Aggregate>> groups) {
            List<Aggregate> aggregates = new ArrayList<>();
            RankTally tally = new RankTally();
            while (groups.hasNext()) {
                Aggregate a = groups.next()._2();
                aggregates.add(a);
                tally.offer(a.flags(), screening.passesFilters(a), screening.excluded(a.flags()),
                        () -> screening.entry(a));
            }
            if (!aggregates.isEmpty()) {
                new AggregateStore(new RepositoryLayout(repositoryUri, RepositoryLayout.sharedConfiguration()), axis)
                        .writePart(new Path(staging), aggregates);
            }
            return List.of(tally.part(top)).iterator();
        }
    }
}
