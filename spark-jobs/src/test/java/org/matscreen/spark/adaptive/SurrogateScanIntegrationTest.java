package org.matscreen.spark.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.adaptive.AdaptiveStrategy;
import org.matscreen.core.adaptive.LocalScorer;
import org.matscreen.core.adaptive.Observation;
import org.matscreen.core.adaptive.Plan;
import org.matscreen.core.adaptive.Prediction;
import org.matscreen.core.adaptive.RoundModel;
import org.matscreen.core.adaptive.Scored;
import org.matscreen.core.screening.ParetoRanking;
import org.matscreen.core.space.Candidate;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.spark.SparkSessionFactory;

/**
 * The executor-side scan of an adaptive round in Spark local mode, against the same scan run sequentially in one JVM
 * ({@link LocalScorer}): the same best candidates whatever the partitioning, a surrogate map with one row per
 * candidate holding the model's predictions, the predicted front, and the same plan for the strategy.
 */
@Tag("integration")
@Tag("spark")
class SurrogateScanIntegrationTest {
    static SparkSession spark;
    static CandidateSpace space;
    static AdaptiveStrategy strategy;
    static List<Observation> observed;
    static RoundModel model;

    @BeforeAll
    static void start() {
        spark = SparkSessionFactory.create("local[2]", Map.of());
        space = SmallCampaign.space();
        strategy = SmallCampaign.strategy(space);
        observed = SmallCampaign.initialObservations(space, strategy);
        model = strategy.fit(observed).model();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static void assertSameScores(List<Scored> expected, List<Scored> actual) {
        assertEquals(expected.stream().map(Scored::index).toList(), actual.stream().map(Scored::index).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).acquisition(), actual.get(i).acquisition(), 0.0);
            assertEquals(expected.get(i).probabilityFeasible(), actual.get(i).probabilityFeasible(), 0.0);
            assertEquals(expected.get(i).mean()[0], actual.get(i).mean()[0], 0.0);
            assertEquals(expected.get(i).sd()[1], actual.get(i).sd()[1], 0.0);
        }
    }

    @Test
    void bestCandidatesMatchTheSequentialScanWhateverThePartitioning(@TempDir Path dir) {
        List<Scored> local = new LocalScorer().top(space, model, 25);
        assertEquals(25, local.size());
        assertTrue(local.get(0).acquisition() > 0);
        String map = dir.resolve("surrogate-map").toUri().toString();
        assertSameScores(local, new SurrogateScan(spark, map, 7).top(space, model, 25));
        assertSameScores(local, new SurrogateScan(spark, null, 3).top(space, model, 25));
        assertSameScores(local, new SurrogateScan(spark, null, 0).top(space, model, 25));
        // more than there are unsimulated candidates: all of them
        assertEquals(space.size() - observed.size(), new SurrogateScan(spark, null, 5).top(space, model, 10_000)
                .size());
    }

    @Test
    void surrogateMapHoldsEveryCandidateWithItsPrediction(@TempDir Path dir) {
        String path = dir.resolve("map").toUri().toString();
        new SurrogateScan(spark, path, 4).top(space, model, 5);
        Dataset<Row> map = SurrogateScan.read(spark, path, model.surrogate().metrics());
        assertEquals(space.size(), map.count());
        assertEquals(observed.size(), map.filter("simulated").count());
        List<String> columns = List.of(map.columns());
        assertTrue(columns.containsAll(List.of("candidate_index", "chemical_system", "formula", "prototype",
                "dh_mix_ev_per_atom_mean", "dh_mix_ev_per_atom_sd", "bulk_modulus_gpa_mean",
                "lattice_parameter_angstrom_sd", "probability_feasible", "ehvi", "acquisition", "simulated")),
                columns.toString());
        for (long i : new long[] {0, 17, 200, space.size() - 1}) {
            Row r = map.filter("candidate_index = " + i).first();
            Candidate c = space.candidate(i);
            Prediction p = model.surrogate().predict(c);
            assertEquals(c.composition().formula(), r.getAs("formula"));
            assertEquals(c.prototype().key(), r.getAs("prototype"));
            assertEquals(p.mean()[1], (double) r.getAs("bulk_modulus_gpa_mean"), 0.0);
            assertEquals(p.sd()[2], (double) r.getAs("lattice_parameter_angstrom_sd"), 0.0);
        }
        // the model is unsure where it has seen nothing: the sd at simulated candidates is smaller on average
        double atSimulated = map.filter("simulated").agg(org.apache.spark.sql.functions.avg("bulk_modulus_gpa_sd"))
                .first().getDouble(0);
        double elsewhere = map.filter("NOT simulated").agg(org.apache.spark.sql.functions.avg(
                "bulk_modulus_gpa_sd")).first().getDouble(0);
        assertTrue(atSimulated < elsewhere, atSimulated + " vs " + elsewhere);
    }

    @Test
    void predictedFrontIsTheNondominatedSetOfPredictedMeans() {
        List<Scored> front = new SurrogateScan(spark, null, 6).predictedFront(space, model, 0.5);
        // brute force in this JVM
        List<Scored> all = new ArrayList<>();
        for (Iterator<Candidate> it = space.range(0, space.size()); it.hasNext(); ) {
            Candidate c = it.next();
            Scored s = model.score(c);
            if (!model.excluded(c.index()) && s.probabilityFeasible() >= 0.5) {
                all.add(s);
            }
        }
        List<Long> expected = new ArrayList<>();
        for (Scored s : all) {
            double[] cs = model.acquisition().costs(s.mean());
            boolean dominated = all.stream().anyMatch(o -> ParetoRanking.dominates(
                    model.acquisition().costs(o.mean()), cs));
            if (!dominated) {
                expected.add(s.index());
            }
        }
        assertFalse(expected.isEmpty());
        assertEquals(expected, front.stream().map(Scored::index).toList());
    }

    @Test
    void theStrategyPlansTheSameRoundWithTheSparkScan() {
        Plan local = strategy.next(observed, new LocalScorer());
        Plan distributed = strategy.next(observed, new SurrogateScan(spark, null, 5));
        assertEquals(Plan.Phase.ACQUISITION, ((Plan.Batch) local).phase());
        assertEquals(((Plan.Batch) local).indices(), ((Plan.Batch) distributed).indices());
        assertEquals(8, ((Plan.Batch) distributed).picks().size());
    }
}
