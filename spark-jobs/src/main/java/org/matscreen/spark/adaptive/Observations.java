package org.matscreen.spark.adaptive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.matscreen.core.adaptive.Observation;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;

/**
 * Reads what an adaptive campaign has committed, on the executors (a few chunk files per task), and returns one
 * {@link Observed} per record to the driver: as many as simulations were spent, which the budget bounds. Sorted by
 * candidate index, so the strategy sees the same list however the files were written, and a resumed campaign plans
 * exactly as an uninterrupted one.
 */
public final class Observations {
    private Observations() {}

    /** Every committed record with its values of {@code quantities}, by candidate index (then id). */
    public static List<Observed> read(JavaSparkContext sc, RepositoryLayout layout, List<String> quantities) {
        List<String> chunks = layout.chunks().stream().map(c -> c.path().toString()).toList();
        if (chunks.isEmpty()) {
            return List.of();
        }
        int slices = Math.max(1, Math.min(chunks.size(), 4 * sc.defaultParallelism()));
        List<Observed> out = new ArrayList<>(sc.parallelize(chunks, slices)
                .mapPartitions(new ReadTask(layout.root().toString(), quantities)).collect());
        out.sort(Comparator.comparingLong(Observed::index).thenComparing(Observed::id));
        return out;
    }

    /** The strategy's view: one observation per record, values by metric. */
    public static List<Observation> of(List<Observed> observed, List<String> quantities) {
        List<Observation> out = new ArrayList<>(observed.size());
        for (Observed o : observed) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (int q = 0; q < quantities.size(); q++) {
                values.put(quantities.get(q), o.values()[q]);
            }
            out.add(new Observation(o.index(), values));
        }
        return out;
    }

    /** Executor side: the records of a few chunk files. */
    static final class ReadTask implements FlatMapFunction<Iterator<String>, Observed> {
        private static final long serialVersionUID = 1L;
        private final String repositoryUri;
        private final List<String> quantities;

        ReadTask(String repositoryUri, List<String> quantities) {
            this.repositoryUri = repositoryUri;
            this.quantities = List.copyOf(quantities);
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
                    out.add(new Observed(r.candidateIndex(), r.id(), r.status().key(), v));
                });
            }
            return out.iterator();
        }
    }
}
