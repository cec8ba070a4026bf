package org.matscreen.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.matscreen.core.result.AggregateAxis;
import org.matscreen.core.result.EnsembleAggregate;
import org.matscreen.core.sim.PotentialEnsemble;
import org.matscreen.repository.AggregateStore;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;
import scala.Tuple2;

/**
 * The potentials aggregates of a campaign with an ensemble of potentials, and the ranking over them: as in
 * {@link AggregateStage}, executors read the committed chunks and key every record of a member by its composition's
 * configuration id (shared by the members); partial {@link EnsembleAggregate}s merge by key; each reduced partition
 * writes its part of {@code aggregates/potentials/} and returns its first k Pareto fronts among the compositions that
 * every member computed, that pass the filters (by the members' mean or by each member) and that no flag leaves out.
 * The driver publishes the table in one rename and merges the fronts. Only fronts and counts reach the driver.
 */
final class EnsembleStage {
    private EnsembleStage() {}

    static RankingStage.Ranked run(JavaSparkContext sc, RepositoryLayout layout, Screening screening, int top,
            PotentialEnsemble ensemble) {
        List<String> chunks = layout.chunks().stream().map(c -> c.path().toString()).toList();
        AggregateStore store = new AggregateStore(layout, AggregateAxis.POTENTIALS);
        Path staging = store.newStaging();
        if (chunks.isEmpty()) {
            store.publish(staging);
            return new RankingStage.Ranked(List.of(), RankingCounts.NONE);
        }
        int slices = Math.max(1, Math.min(chunks.size(), 4 * sc.defaultParallelism()));
        String root = layout.root().toString();
        List<RankingStage.Part> parts = sc.parallelize(chunks, slices)
                .mapPartitionsToPair(new Keyed(root, ensemble))
                .reduceByKey(EnsembleAggregate::merge, slices)
                .mapPartitions(new WriteAndRank(root, staging.toString(), screening, top))
                .collect();
        store.publish(staging);
        return RankingStage.merge(parts, top);
    }

    /** Executor side: every member record of a few chunks as a one-record aggregate keyed by its composition. */
    static final class Keyed implements PairFlatMapFunction<Iterator<String>, String, EnsembleAggregate> {
        private static final long serialVersionUID = 1L;
        private final String repositoryUri;
        private final PotentialEnsemble ensemble;

        Keyed(String repositoryUri, PotentialEnsemble ensemble) {
            this.repositoryUri = repositoryUri;
            this.ensemble = ensemble;
        }

        @Override
        public Iterator<Tuple2<String, EnsembleAggregate>> call(Iterator<String> chunks) {
            ResultReader reader = new ResultReader(new RepositoryLayout(repositoryUri,
                    RepositoryLayout.sharedConfiguration()));
            List<Tuple2<String, EnsembleAggregate>> out = new ArrayList<>();
            while (chunks.hasNext()) {
                reader.forEach(new Path(chunks.next()), r -> {
                    // the repository's identity check admits only this ensemble's records; anything else is skipped
                    if (ensemble.indexOf(r.method().potential().key()) >= 0) {
                        EnsembleAggregate a = EnsembleAggregate.of(ensemble, r);
                        out.add(new Tuple2<>(a.groupId(), a));
                    }
                });
            }
            return out.iterator();
        }
    }

    /** Executor side: writes one part of the potentials table and ranks its compositions. */
    static final class WriteAndRank implements FlatMapFunction<Iterator<Tuple2<String, EnsembleAggregate>>,
            RankingStage.Part> {
        private static final long serialVersionUID = 1L;
        private final String repositoryUri;
        private final String staging;
        private final Screening screening;
        private final int top;

        WriteAndRank(String repositoryUri, String staging, Screening screening, int top) {
            this.repositoryUri = repositoryUri;
            this.staging = staging;
            this.screening = screening;
            this.top = top;
        }

        @Override
        public Iterator<RankingStage.Part> call(Iterator<Tuple2<String, EnsembleAggregate>> groups) {
            List<EnsembleAggregate> aggregates = new ArrayList<>();
            RankTally tally = new RankTally();
            while (groups.hasNext()) {
                EnsembleAggregate a = groups.next()._2();
                aggregates.add(a);
                tally.offer(a.flags(), screening.passesFilters(a), screening.excluded(a.flags()),
                        () -> screening.entry(a));
            }
            if (!aggregates.isEmpty()) {
                new AggregateStore(new RepositoryLayout(repositoryUri, RepositoryLayout.sharedConfiguration()),
                        AggregateAxis.POTENTIALS).writeEnsemblePart(new Path(staging), aggregates);
            }
            return List.of(tally.part(top)).iterator();
        }
    }
}
