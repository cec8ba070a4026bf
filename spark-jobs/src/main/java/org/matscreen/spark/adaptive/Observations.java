package org.matscreen.spark.adaptive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.matscreen.core.adaptive.Observation;
import org.matscreen.core.campaign.ScreeningSpec;
import org.matscreen.core.screening.SampleStatistics;
import org.matscreen.core.sim.Status;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;

/**
 * Reads what an adaptive campaign has committed, on the executors (a few chunk files per task), and returns one
 * {@link Observed} per record to the driver: as many as simulations were spent, which the budget bounds. Sorted by
 * candidate index, so the strategy sees the same list however the files were written, and a resumed campaign plans
 * exactly as an uninterrupted one.
 *
 * <p>The strategy observes what the ranking reads. A record the ranking leaves out for its flags is observed with
 * unknown values, like a failed one: it counts against the budget, is on no front and teaches the surrogate nothing
 * (its numbers describe another structure, or an unfinished relaxation). With {@code samples: N} the strategy works
 * on compositions (composition and prototype, index = candidate index ÷ N): a composition's values are the means over
 * its OK orderings, as in the ranking's aggregates, and unknown when an ordering carries a flag the ranking excludes.
 */
public final class Observations {
    private Observations() {}

    /** Every committed record with its values of {@code quantities}, by candidate index (then id). */
    public static List<Observed> read(JavaSparkContext sc, RepositoryLayout layout, List<String> quantities,
            ScreeningSpec screening) {
        List<String> chunks = layout.chunks().stream().map(c -> c.path().toString()).toList();
        if (chunks.isEmpty()) {
            return List.of();
        }
        int slices = Math.max(1, Math.min(chunks.size(), 4 * sc.defaultParallelism()));
        List<Observed> out = new ArrayList<>(sc.parallelize(chunks, slices)
                .mapPartitions(new ReadTask(layout.root().toString(), quantities, screening)).collect());
        out.sort(Comparator.comparingLong(Observed::index).thenComparing(Observed::id));
        return out;
    }

    /**
     * The strategy's view: one observation per composition (per record when {@code samples} is 1), by index.
     *
     * @param samples orderings per composition: candidates {@code [g·samples, (g+1)·samples)} form composition g
     */
    public static List<Observation> of(List<Observed> observed, List<String> quantities, int samples) {
        Map<Long, List<Observed>> groups = new TreeMap<>();
        for (Observed o : observed) {
            groups.computeIfAbsent(o.index() / samples, g -> new ArrayList<>()).add(o);
        }
        List<Observation> out = new ArrayList<>(groups.size());
        groups.forEach((g, members) -> {
            List<Observed> ok = members.stream().filter(o -> Status.OK.key().equals(o.status())).toList();
            boolean unknown = ok.isEmpty() || ok.stream().anyMatch(Observed::excluded);
            Map<String, Double> values = new LinkedHashMap<>();
            for (int q = 0; q < quantities.size(); q++) {
                SampleStatistics s = SampleStatistics.EMPTY;
                for (Observed o : ok) {
                    s = s.add(o.values()[q]);
                }
                values.put(quantities.get(q), unknown ? Double.NaN : s.mean());
            }
            out.add(new Observation(g, values));
        });
        return out;
    }

    /** Executor side: the records of a few chunk files. */
    static final class ReadTask implements FlatMapFunction<Iterator<String>, Observed> {
        private static final long serialVersionUID = 1L;
        private final String repositoryUri;
        private final List<String> quantities;
        private final ScreeningSpec screening;

        ReadTask(String repositoryUri, List<String> quantities, ScreeningSpec screening) {
            this.repositoryUri = repositoryUri;
            this.quantities = List.copyOf(quantities);
            this.screening = screening;
        }

        @Override
        public Iterator<Observed> call(Iterator<String> chunks) {
            ResultReader reader = new ResultReader(new RepositoryLayout(repositoryUri,
                    RepositoryLayout.sharedConfiguration()));
            List<Observed> out = new ArrayList<>();
            while (chunks.hasNext()) {
                reader.forEach(new Path(chunks.next()), r -> {
                    double[] v = new double[quantities.size()];
                    for (int q = 0; q < v.length; q++) {
                        v[q] = r.metric(quantities.get(q));
                    }
                    out.add(new Observed(r.candidateIndex(), r.id(), r.status().key(),
                            screening.excludes(r.flags()), v));
                });
            }
            return out.iterator();
        }
    }
}
