package org.matscreen.spark.adaptive;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.matscreen.core.adaptive.CandidateScorer;
import org.matscreen.core.adaptive.LocalScorer;
import org.matscreen.core.adaptive.RoundModel;
import org.matscreen.core.adaptive.Scored;
import org.matscreen.core.space.Candidate;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.core.screening.ParetoRanking;

/**
 * Scores a whole candidate space with a round's broadcast model on the executors, each task generating its slice of
 * the enumeration from two numbers (as a screening job's partitions do), so neither the driver nor any executor holds
 * the space. Returns the best {@code k} candidates not yet simulated (ranked by acquisition, ties by index, whatever
 * the partitioning) and, when given a path, writes the surrogate map: one Parquet row per candidate with the
 * prediction of every quantity.
 *
 * <p>Surrogate map columns: {@code candidate_index}, {@code chemical_system}, {@code formula}, {@code prototype}, per
 * quantity {@code <metric>_mean} and {@code <metric>_sd} (posterior mean and standard deviation of the noise-free
 * value, in the metric's unit; sd 0 for a descriptor computed exactly), {@code probability_feasible},
 * {@code ehvi}, {@code acquisition} (ehvi × probability_feasible) and {@code simulated} (already committed).
 */
public final class SurrogateScan implements CandidateScorer {
    static final String INDEX = "candidate_index";
    static final String SYSTEM = "chemical_system";
    static final String FORMULA = "formula";
    static final String PROTOTYPE = "prototype";
    static final String FEASIBLE = "probability_feasible";
    static final String EHVI = "ehvi";
    static final String ACQUISITION = "acquisition";
    static final String SIMULATED = "simulated";
    /** Candidates per task when the partition count is automatic. */
    static final long CANDIDATES_PER_TASK = 50_000;
    static final int MAX_TASKS = 100_000;

    private final SparkSession spark;
    private final String mapPath;
    private final int partitions;

    /**
     * @param mapPath where to write the surrogate map (any Hadoop URI, replaced if present), or null for none
     * @param partitions tasks per scan (0: automatic)
     */
    public SurrogateScan(SparkSession spark, String mapPath, int partitions) {
        this.spark = spark;
        this.mapPath = mapPath;
        this.partitions = partitions;
    }

    /** The map's schema for a model's quantities. */
    public static StructType schema(List<String> metrics) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField(INDEX, DataTypes.LongType, false));
        f.add(DataTypes.createStructField(SYSTEM, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(FORMULA, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(PROTOTYPE, DataTypes.StringType, false));
        for (String m : metrics) {
            f.add(DataTypes.createStructField(m + "_mean", DataTypes.DoubleType, false));
            f.add(DataTypes.createStructField(m + "_sd", DataTypes.DoubleType, false));
        }
        f.add(DataTypes.createStructField(FEASIBLE, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(EHVI, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(ACQUISITION, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField(SIMULATED, DataTypes.BooleanType, false));
        return DataTypes.createStructType(f);
    }

    /**
     * Reads a surrogate map with its schema given, not inferred: inferring it runs a job whose results (Spark SQL
     * types) Kryo with {@code registrationRequired} refuses.
     */
    public static org.apache.spark.sql.Dataset<Row> read(SparkSession spark, String path, List<String> metrics) {
        return spark.read().schema(schema(metrics)).parquet(path);
    }

    @Override
    public List<Scored> top(CandidateSpace space, RoundModel model, int k) {
        if (k <= 0 || space.size() == 0) {
            return List.of();
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<ScanContext> bc = sc.broadcast(new ScanContext(space, model));
        try {
            List<String> metrics = model.surrogate().metrics();
            List<ScanRange> ranges = ranges(space.size(), tasks(sc, space.size()));
            JavaRDD<Row> rows = sc.parallelize(ranges, ranges.size()).mapPartitions(new ScoreRows(bc));
            if (mapPath != null) {
                spark.createDataFrame(rows, schema(metrics)).write().mode(SaveMode.Overwrite).parquet(mapPath);
                rows = read(spark, mapPath, metrics).javaRDD(); // rank from the file instead of scoring twice
            }
            // Each task keeps its k best and the driver merges them: RDD.takeOrdered and Spark SQL's ORDER BY ...
            // LIMIT would ship their orderings through Kryo, where they are not registered.
            LocalScorer.Best best = new LocalScorer.Best(k);
            for (Scored s : rows.mapPartitions(new TopRows(metrics, k)).collect()) {
                best.offer(s);
            }
            return best.sorted();
        } finally {
            bc.destroy();
        }
    }

    /**
     * The predicted Pareto front: candidates not yet simulated whose predicted mean costs no other such candidate
     * dominates, among those passing the filters with probability at least {@code minProbabilityFeasible}; each
     * with its means and sds. Every task keeps its own front, the driver merges them, ordered by index.
     */
    public List<Scored> predictedFront(CandidateSpace space, RoundModel model, double minProbabilityFeasible) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<ScanContext> bc = sc.broadcast(new ScanContext(space, model));
        try {
            List<ScanRange> ranges = ranges(space.size(), tasks(sc, space.size()));
            List<Scored> union = sc.parallelize(ranges, ranges.size())
                    .mapPartitions(new FrontTask(bc, minProbabilityFeasible)).collect();
            return nondominated(union, model);
        } finally {
            bc.destroy();
        }
    }

    int tasks(JavaSparkContext sc, long size) {
        if (partitions > 0) {
            return (int) Math.max(1, Math.min(partitions, size));
        }
        long auto = Math.max(4L * sc.defaultParallelism(), (size + CANDIDATES_PER_TASK - 1) / CANDIDATES_PER_TASK);
        return (int) Math.max(1, Math.min(Math.min(auto, MAX_TASKS), size));
    }

    /** {@code count} contiguous ranges of nearly equal size covering {@code [0, size)}. */
    static List<ScanRange> ranges(long size, int count) {
        List<ScanRange> out = new ArrayList<>(count);
        long base = size / count;
        long extra = size % count;
        long start = 0;
        for (int i = 0; i < count; i++) {
            long length = base + (i < extra ? 1 : 0);
            if (length > 0) {
                out.add(new ScanRange(start, start + length));
            }
            start += length;
        }
        return out;
    }

    /** Executor side: the k best rows of a task that are not simulated yet, by the map's column positions. */
    static final class TopRows implements FlatMapFunction<Iterator<Row>, Scored> {
        private static final long serialVersionUID = 1L;
        private final int quantities;
        private final int k;

        TopRows(List<String> metrics, int k) {
            this.quantities = metrics.size();
            this.k = k;
        }

        @Override
        public Iterator<Scored> call(Iterator<Row> rows) {
            LocalScorer.Best best = new LocalScorer.Best(k);
            // column order of schema(): index, system, formula, prototype, (mean, sd) per quantity, feasible, ehvi,
            // acquisition, simulated
            int tail = 4 + 2 * quantities;
            while (rows.hasNext()) {
                Row r = rows.next();
                if (r.getBoolean(tail + 3)) {
                    continue;
                }
                double[] mean = new double[quantities];
                double[] sd = new double[quantities];
                for (int q = 0; q < quantities; q++) {
                    mean[q] = r.getDouble(4 + 2 * q);
                    sd[q] = r.getDouble(5 + 2 * q);
                }
                best.offer(new Scored(r.getLong(0), r.getDouble(tail + 2), r.getDouble(tail + 1), r.getDouble(tail),
                        mean, sd));
            }
            return best.sorted().iterator();
        }
    }

    /** The non-dominated entries by predicted mean cost (duplicates of a cost vector: the lowest index), by index. */
    static List<Scored> nondominated(List<Scored> entries, RoundModel model) {
        List<Scored> sorted = new ArrayList<>(entries);
        sorted.sort(java.util.Comparator.comparingLong(Scored::index));
        List<double[]> costs = sorted.stream().map(s -> model.acquisition().costs(s.mean())).toList();
        List<Scored> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            boolean keep = true;
            for (int j = 0; j < sorted.size() && keep; j++) {
                if (j != i && (ParetoRanking.dominates(costs.get(j), costs.get(i))
                        || (j < i && java.util.Arrays.equals(costs.get(j), costs.get(i))))) {
                    keep = false;
                }
            }
            if (keep) {
                out.add(sorted.get(i));
            }
        }
        return out;
    }

    /** Executor side: one row per candidate of the task's ranges, generated as Spark consumes them. */
    static final class ScoreRows implements FlatMapFunction<Iterator<ScanRange>, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<ScanContext> context;

        ScoreRows(Broadcast<ScanContext> context) {
            this.context = context;
        }

        @Override
        public Iterator<Row> call(Iterator<ScanRange> ranges) {
            ScanContext ctx = context.value();
            return new Iterator<>() {
                Iterator<Candidate> current = java.util.Collections.emptyIterator();

                @Override
                public boolean hasNext() {
                    while (!current.hasNext() && ranges.hasNext()) {
                        ScanRange r = ranges.next();
                        current = ctx.space().range(r.start(), r.end());
                    }
                    return current.hasNext();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return row(ctx.model(), current.next());
                }
            };
        }

        static Row row(RoundModel model, Candidate c) {
            Scored s = model.score(c);
            int q = s.mean().length;
            Object[] v = new Object[4 + 2 * q + 4];
            int k = 0;
            v[k++] = c.index();
            v[k++] = c.chemicalSystem();
            v[k++] = c.composition().formula();
            v[k++] = c.prototype().key();
            for (int i = 0; i < q; i++) {
                v[k++] = s.mean()[i];
                v[k++] = s.sd()[i];
            }
            v[k++] = s.probabilityFeasible();
            v[k++] = s.ehvi();
            v[k++] = s.acquisition();
            v[k] = model.excluded(c.index());
            return RowFactory.create(v);
        }
    }

    /** Executor side: the predicted front of the task's candidates. */
    static final class FrontTask implements FlatMapFunction<Iterator<ScanRange>, Scored> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<ScanContext> context;
        private final double minProbabilityFeasible;

        FrontTask(Broadcast<ScanContext> context, double minProbabilityFeasible) {
            this.context = context;
            this.minProbabilityFeasible = minProbabilityFeasible;
        }

        @Override
        public Iterator<Scored> call(Iterator<ScanRange> ranges) {
            ScanContext ctx = context.value();
            RoundModel model = ctx.model();
            List<Scored> front = new ArrayList<>();
            List<double[]> costs = new ArrayList<>();
            while (ranges.hasNext()) {
                ScanRange r = ranges.next();
                for (Iterator<Candidate> it = ctx.space().range(r.start(), r.end()); it.hasNext(); ) {
                    Candidate c = it.next();
                    if (model.excluded(c.index())) {
                        continue;
                    }
                    Scored s = model.score(c);
                    double[] cost = model.acquisition().costs(s.mean());
                    if (s.probabilityFeasible() < minProbabilityFeasible
                            || !java.util.Arrays.stream(cost).allMatch(Double::isFinite)) {
                        continue;
                    }
                    boolean dominated = false;
                    for (double[] f : costs) {
                        if (ParetoRanking.dominates(f, cost) || java.util.Arrays.equals(f, cost)) {
                            dominated = true;
                            break;
                        }
                    }
                    if (dominated) {
                        continue;
                    }
                    for (int i = costs.size() - 1; i >= 0; i--) {
                        if (ParetoRanking.dominates(cost, costs.get(i))) {
                            costs.remove(i);
                            front.remove(i);
                        }
                    }
                    costs.add(cost);
                    front.add(s);
                }
            }
            return front.iterator();
        }
    }
}
