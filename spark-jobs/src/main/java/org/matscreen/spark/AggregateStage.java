package org.matscreen.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.matscreen.core.result.Aggregate;
import org.matscreen.core.result.AggregateAxis;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.result.EnsembleAggregate;
import org.matscreen.core.sim.PotentialEnsemble;
import org.matscreen.repository.AggregateStore;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;
import scala.Tuple2;

/**
 * An aggregates table and the ranking over it: executors read the committed chunks and key every record by its group
 * (a {@link Grouping}); partial aggregates merge by key (the records of a group are adjacent in the enumeration, but
 * ranges may split them); each reduced partition writes its part of the table and returns its first k Pareto fronts
 * among the aggregates that pass filters and flag gate. The driver publishes the table in one rename and merges the
 * fronts. Only fronts and counts reach the driver.
 *
 * <p>Two groupings: the orderings of a composition in a sampled campaign ({@link #configurations}, table
 * {@code aggregates/configurations/}), and the members of an ensemble of potentials ({@link #potentials}, table
 * {@code aggregates/potentials/}), which rank only compositions every member computed, filtered by the members' mean
 * or by each member.
 */
final class AggregateStage {
    private AggregateStage() {}

    /** What differs between the aggregates tables: how records group, merge, rank and are written. */
    interface Grouping<A> extends Serializable {
        /** The table the aggregates go to. */
        AggregateAxis axis();

        /** A record as a one-record aggregate keyed by its group, or null when the record belongs to no group. */
        Tuple2<String, A> keyed(CandidateResult r);

        /** Two partial aggregates of one group as one. */
        A merge(A a, A b);

        /** Offers a whole group to a task's ranking. */
        void offer(RankTally tally, Screening screening, A a);

        /** Writes one part of the table. */
        void writePart(AggregateStore store, Path staging, List<A> part);
    }

    /** The orderings of each composition ({@code structure.samples} > 1). */
    static Grouping<Aggregate> configurations() {
        return new Configurations();
    }

    /** The members of an ensemble of potentials, per composition. */
    static Grouping<EnsembleAggregate> potentials(PotentialEnsemble ensemble) {
        return new Potentials(ensemble);
    }

    static <A> RankingStage.Ranked run(JavaSparkContext sc, RepositoryLayout layout, Screening screening, int top,
            Grouping<A> grouping) {
        List<String> chunks = layout.chunks().stream().map(c -> c.path().toString()).toList();
        AggregateStore store = new AggregateStore(layout, grouping.axis());
        Path staging = store.newStaging();
        if (chunks.isEmpty()) {
            store.publish(staging);
            return new RankingStage.Ranked(List.of(), RankingCounts.NONE);
        }
        int slices = Math.max(1, Math.min(chunks.size(), 4 * sc.defaultParallelism()));
        String root = layout.root().toString();
        List<RankingStage.Part> parts = sc.parallelize(chunks, slices)
                .mapPartitionsToPair(new Keyed<>(root, grouping))
                .reduceByKey(grouping::merge, slices)
                .mapPartitions(new WriteAndRank<>(root, grouping, staging.toString(), screening, top))
                .collect();
        store.publish(staging);
        return RankingStage.merge(parts, top);
    }

    /** Executor side: every record of a few chunks as a one-record aggregate keyed by its group. */
    static final class Keyed<A> implements PairFlatMapFunction<Iterator<String>, String, A> {
        private static final long serialVersionUID = 1L;
        private final String repositoryUri;
        private final Grouping<A> grouping;

        Keyed(String repositoryUri, Grouping<A> grouping) {
            this.repositoryUri = repositoryUri;
            this.grouping = grouping;
        }

        @Override
        public Iterator<Tuple2<String, A>> call(Iterator<String> chunks) {
            ResultReader reader = new ResultReader(new RepositoryLayout(repositoryUri,
                    RepositoryLayout.sharedConfiguration()));
            List<Tuple2<String, A>> out = new ArrayList<>();
            while (chunks.hasNext()) {
                reader.forEach(new Path(chunks.next()), r -> {
                    Tuple2<String, A> keyed = grouping.keyed(r);
                    if (keyed != null) {
                        out.add(keyed);
                    }
                });
            }
            return out.iterator();
        }
    }

    /** Executor side: writes one part of the table and ranks its aggregates. */
    static final class WriteAndRank<A> implements FlatMapFunction<Iterator<Tuple2<String, A>>, RankingStage.Part> {
        private static final long serialVersionUID = 1L;
        private final String repositoryUri;
        private final Grouping<A> grouping;
        private final String staging;
        private final Screening screening;
        private final int top;

        WriteAndRank(String repositoryUri, Grouping<A> grouping, String staging, Screening screening, int top) {
            this.repositoryUri = repositoryUri;
            this.grouping = grouping;
            this.staging = staging;
            this.screening = screening;
            this.top = top;
        }

        @Override
        public Iterator<RankingStage.Part> call(Iterator<Tuple2<String, A>> groups) {
            List<A> aggregates = new ArrayList<>();
            RankTally tally = new RankTally();
            while (groups.hasNext()) {
                A a = groups.next()._2();
                aggregates.add(a);
                grouping.offer(tally, screening, a);
            }
            if (!aggregates.isEmpty()) {
                grouping.writePart(new AggregateStore(new RepositoryLayout(repositoryUri,
                        RepositoryLayout.sharedConfiguration()), grouping.axis()), new Path(staging), aggregates);
            }
            return List.of(tally.part(top)).iterator();
        }
    }

    // Groupings travel inside the stage's functions, which Spark's closure serializer writes (Java serialization),
    // like Keyed and WriteAndRank; they are not Kryo wire types.
    private static final class Configurations implements Grouping<Aggregate> {
        private static final long serialVersionUID = 1L;

        @Override
        public AggregateAxis axis() {
            return AggregateAxis.CONFIGURATIONS;
        }

        @Override
        public Tuple2<String, Aggregate> keyed(CandidateResult r) {
            Aggregate a = Aggregate.of(axis(), r);
            return new Tuple2<>(a.groupId(), a);
        }

        @Override
        public Aggregate merge(Aggregate a, Aggregate b) {
            return a.merge(b);
        }

        @Override
        public void offer(RankTally tally, Screening screening, Aggregate a) {
            tally.offer(a.flags(), screening.passesFilters(a), screening.excluded(a.flags()), () -> screening.entry(a));
        }

        @Override
        public void writePart(AggregateStore store, Path staging, List<Aggregate> part) {
            store.writePart(staging, part);
        }
    }

    private static final class Potentials implements Grouping<EnsembleAggregate> {
        private static final long serialVersionUID = 1L;
        private final PotentialEnsemble ensemble;

        Potentials(PotentialEnsemble ensemble) {
            this.ensemble = ensemble;
        }

        @Override
        public AggregateAxis axis() {
            return AggregateAxis.POTENTIALS;
        }

        @Override
        public Tuple2<String, EnsembleAggregate> keyed(CandidateResult r) {
            // the repository's identity check admits only this ensemble's records; anything else is skipped
            if (ensemble.indexOf(r.method().potential().key()) < 0) {
                return null;
            }
            EnsembleAggregate a = EnsembleAggregate.of(ensemble, r);
            return new Tuple2<>(a.groupId(), a);
        }

        @Override
        public EnsembleAggregate merge(EnsembleAggregate a, EnsembleAggregate b) {
            return a.merge(b);
        }

        @Override
        public void offer(RankTally tally, Screening screening, EnsembleAggregate a) {
            tally.offer(a.flags(), screening.passesFilters(a), screening.excluded(a.flags()), () -> screening.entry(a));
        }

        @Override
        public void writePart(AggregateStore store, Path staging, List<EnsembleAggregate> part) {
            store.writeEnsemblePart(staging, part);
        }
    }
}
