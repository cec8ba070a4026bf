package org.matscreen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.campaign.CampaignLoader;
import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.screening.ParetoRanking;
import org.matscreen.core.sim.Status;
import org.matscreen.core.sim.CodeOptions;
import org.matscreen.potential.FilePotentialSource;
import org.matscreen.potential.PotentialRegistry;
import org.matscreen.core.sim.PotentialSource;
import org.matscreen.repository.AdaptiveManifest;
import org.matscreen.repository.JsonFiles;
import org.matscreen.repository.Manifest;
import org.matscreen.repository.Repository;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;
import org.matscreen.spark.adaptive.SurrogateScan;

/**
 * An adaptive campaign end to end on real LAMMPS in Spark local mode (Cu–Ni, 41 candidates, a budget of 16): every
 * round is in the manifest with its picks, model and, once simulated, a calibration that matches the records; the
 * final outputs agree with the records; a round found planned but not complete is computed as recorded (never planned
 * again); the settings are part of the campaign's identity, except the budget, which may be raised.
 */
@Tag("integration")
@Tag("lammps")
@Tag("spark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdaptiveRunIntegrationTest {
    static final String YAML = """
            name: cuni-adaptive
            space: {elements: [Cu, Ni], orders: [1, 2], step: 0.025}
            structure: {prototypes: [fcc], supercell: [5, 2, 2]}
            method: {potential: CuNi.eam.alloy, properties: {eos: true, elastic: false}}
            screening:
              objectives: ["min dh_mix_ev_per_atom", "max bulk_modulus_gpa"]
              strategy: adaptive
              adaptive: {budget: BUDGET, initial: 6, batch: 4, seed: SEED}
            """;
    static final List<String> OBJECTIVES = List.of("dh_mix_ev_per_atom", "bulk_modulus_gpa");
    @TempDir
    static Path dir;
    static SparkSession spark;
    static PotentialSource potential;
    static CodeOptions lammps;
    static Path first;
    static AdaptiveRun.Summary firstRun;

    @BeforeAll
    static void start() {
        spark = SparkSessionFactory.create("local[2]", Map.of());
        potential = new FilePotentialSource(PotentialRegistry.standard().resolve("CuNi.eam.alloy", "cuni.yaml",
                "method.potential"));
        lammps = LammpsOptions.local();
        first = dir.resolve("first");
        firstRun = run(first, 16, 3);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static String yaml(int budget, int seed) {
        return YAML.replace("BUDGET", Integer.toString(budget)).replace("SEED", Integer.toString(seed));
    }

    static AdaptiveRun.Summary run(Path repo, int budget, int seed) {
        String text = yaml(budget, seed);
        CampaignSpec spec = CampaignLoader.parse(text, "cuni-adaptive.yaml");
        return AdaptiveRun.run(spark, spec, text, potential, new ScreeningJob.Options(repo.toString(), false, 3, 1,
                lammps, null, false, null));
    }

    static Map<Long, CandidateResult> records(Path repo) {
        Map<Long, CandidateResult> out = new HashMap<>();
        for (CandidateResult r : new ResultReader(new RepositoryLayout(repo.toString(), new Configuration()))
                .readAll()) {
            assertNull(out.put(r.candidateIndex(), r), "one record per candidate");
        }
        return out;
    }

    static AdaptiveManifest adaptive(Path repo) {
        return Repository.open(repo.toString(), new Configuration()).manifest().orElseThrow().adaptive();
    }

    @Test
    @Order(1)
    void everyRoundIsRecordedWithItsPicksModelAndCalibration() {
        AdaptiveManifest a = adaptive(first);
        assertEquals("the budget of 16 simulations is spent", firstRun.doneReason());
        assertEquals(List.of(6, 4, 4, 2), a.rounds().stream().map(r -> r.picks().size()).toList());
        assertTrue(a.rounds().stream().allMatch(AdaptiveManifest.Round::complete));
        Map<Long, CandidateResult> records = records(first);
        Set<Long> picked = new TreeSet<>();
        a.rounds().forEach(r -> picked.addAll(r.indices()));
        assertEquals(picked, records.keySet(), "the records are exactly the rounds' picks");
        assertEquals(16, picked.size());
        AdaptiveManifest.Round initial = a.rounds().get(0);
        assertEquals("initial", initial.phase());
        assertTrue(initial.picks().stream().allMatch(p -> p.acquisition() == null && p.mean().isEmpty()));
        assertTrue(initial.calibration().isEmpty() && initial.model().isEmpty());
        for (AdaptiveManifest.Round r : a.rounds().subList(1, a.rounds().size())) {
            assertEquals("acquisition", r.phase());
            assertEquals(OBJECTIVES, r.model().stream().map(AdaptiveManifest.QuantityModel::metric).toList());
            assertEquals(new HashSet<>(OBJECTIVES), r.referencePoint().keySet());
            assertTrue(r.picks().stream().allMatch(p -> p.acquisition() != null && p.acquisition() >= 0));
            for (AdaptiveManifest.RoundPick p : r.picks()) {
                CandidateResult rec = records.get(p.index());
                assertEquals(rec.id(), p.id(), "a pick names the id its record carries");
                assertEquals(rec.composition().formula(), p.formula());
                assertEquals(Status.OK, rec.status(), rec.errorText());
            }
            // the calibration, computed again here from the picks' predictions and the records' values
            for (String metric : OBJECTIVES) {
                AdaptiveManifest.RoundCalibration c = r.calibration().stream().filter(x -> x.metric()
                        .equals(metric)).findFirst().orElseThrow();
                int inside = 0;
                double se = 0;
                for (AdaptiveManifest.RoundPick p : r.picks()) {
                    double e = records.get(p.index()).metric(metric) - p.mean().get(metric);
                    se += e * e;
                    if (Math.abs(e) <= 1.959963984540054 * p.sd().get(metric)) {
                        inside++;
                    }
                }
                assertEquals(r.picks().size(), c.count());
                assertEquals(inside, c.inside95());
                assertEquals(Math.sqrt(se / r.picks().size()), c.rmse(), 1e-12);
            }
        }
        // each round was planned from everything committed before it
        int spent = 0;
        for (AdaptiveManifest.Round r : a.rounds()) {
            assertEquals(spent, r.observations());
            spent += r.picks().size();
        }
    }

    @Test
    @Order(2)
    void theOutputsAgreeWithTheRecords() {
        AdaptiveManifest.Outcome out = adaptive(first).outcome();
        assertNotNull(out);
        assertEquals(16, out.observations());
        assertEquals(41, out.mapRows());
        // the measured front, found again by non-dominated sorting of the records
        List<CandidateResult> recs = new ArrayList<>(records(first).values());
        recs.sort(Comparator.comparingLong(CandidateResult::candidateIndex));
        List<double[]> costs = recs.stream().map(r -> new double[] {r.metric(OBJECTIVES.get(0)),
                -r.metric(OBJECTIVES.get(1))}).toList();
        int[] rank = ParetoRanking.ranks(costs);
        Set<Long> front = new TreeSet<>();
        for (int i = 0; i < rank.length; i++) {
            if (rank[i] == 1) {
                front.add(recs.get(i).candidateIndex());
            }
        }
        assertEquals(front, new TreeSet<>(out.measuredFront().stream().map(AdaptiveManifest.FrontMember::index)
                .toList()));
        // the surrogate map: one row per candidate, the simulated ones flagged
        List<Row> map = SurrogateScan.read(spark, first.resolve("adaptive/surrogate-map").toString(), OBJECTIVES)
                .collectAsList();
        assertEquals(41, map.size());
        Set<Long> simulated = new TreeSet<>();
        Map<Long, Row> byIndex = new HashMap<>();
        for (Row r : map) {
            byIndex.put(r.getLong(0), r);
            if (r.getBoolean(r.fieldIndex("simulated"))) {
                simulated.add(r.getLong(0));
            }
        }
        assertEquals(records(first).keySet(), simulated);
        assertEquals(41, byIndex.size());
        assertFalse(out.predictedFront().isEmpty());
        for (AdaptiveManifest.FrontMember m : out.predictedFront()) {
            Row r = byIndex.get(m.index());
            assertFalse(r.getBoolean(r.fieldIndex("simulated")), "the predicted front holds unsimulated candidates");
            assertEquals(r.getDouble(r.fieldIndex("bulk_modulus_gpa_mean")), m.mean().get("bulk_modulus_gpa"), 0);
            assertEquals(r.getDouble(r.fieldIndex("bulk_modulus_gpa_sd")), m.sd().get("bulk_modulus_gpa"), 0);
            assertTrue(m.probabilityFeasible() >= 0.5);
        }
    }

    /** A copy of the first repository as if killed during round 3 with one of its (replaced) picks committed. */
    @Test
    @Order(3)
    void aRoundFoundPlannedIsComputedAsRecordedNotPlannedAgain() throws IOException {
        Path copy = dir.resolve("killed");
        copyTree(first, copy);
        AdaptiveManifest a = adaptive(first);
        AdaptiveManifest.Round last = a.rounds().get(3);
        long kept = last.picks().get(0).index();
        long dropped = last.picks().get(1).index();
        // a pick no strategy would make now: the lowest index nobody picked
        Set<Long> picked = new TreeSet<>(records(first).keySet());
        long replacement = 0;
        while (picked.contains(replacement)) {
            replacement++;
        }
        deleteRecord(copy, dropped);
        AdaptiveManifest.RoundPick swapped = new AdaptiveManifest.RoundPick(replacement, "id-of-" + replacement,
                "?", "fcc", 0.5, Map.of(), Map.of());
        AdaptiveManifest.Round planned = new AdaptiveManifest.Round(3, last.phase(), AdaptiveManifest.Round.PLANNED,
                last.plannedAt(), "", last.observations(), last.referencePoint(), last.frontSize(),
                List.of(last.picks().get(0), swapped), last.model(), List.of());
        RepositoryLayout layout = new RepositoryLayout(copy.toString(), new Configuration());
        Manifest m = Repository.open(layout).manifest().orElseThrow();
        JsonFiles.write(layout, layout.manifest(), m.withAdaptive(new AdaptiveManifest(a.budget(), a.settings(),
                List.of(a.rounds().get(0), a.rounds().get(1), a.rounds().get(2), planned), null)));

        AdaptiveRun.Summary resumed = run(copy, 16, 3);
        assertEquals(1, resumed.roundsRun(), "only the planned round");
        assertEquals(1, resumed.run().computed());
        assertEquals(1, resumed.run().skipped(), "the committed pick " + kept + " is not computed again");
        AdaptiveManifest after = adaptive(copy);
        assertEquals(4, after.rounds().size(), "no round was planned after the budget was spent");
        assertTrue(after.rounds().get(3).complete());
        assertEquals(List.of(kept, replacement), after.rounds().get(3).indices());
        Set<Long> expected = new TreeSet<>(picked);
        expected.remove(dropped);
        expected.add(replacement);
        assertEquals(expected, records(copy).keySet());
        assertNotNull(after.outcome());
    }

    @Test
    @Order(4)
    void changedSettingsAreRefusedAndARaisedBudgetContinuesTheSequence() throws IOException {
        Path copy = dir.resolve("continued");
        copyTree(first, copy);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(copy, 16, 4));
        assertEquals("screening.adaptive.seed", e.field());
        assertTrue(e.getMessage().contains("was 3") && e.getMessage().contains("--fresh"), e.getMessage());

        AdaptiveRun.Summary more = run(copy, 18, 3);
        assertEquals("the budget of 18 simulations is spent", more.doneReason());
        AdaptiveManifest a = adaptive(copy);
        assertEquals(18, a.budget());
        assertEquals(List.of(6, 4, 4, 2, 2), a.rounds().stream().map(r -> r.picks().size()).toList());
        assertEquals(adaptive(first).rounds().subList(0, 4).stream().map(AdaptiveManifest.Round::indices).toList(),
                a.rounds().subList(0, 4).stream().map(AdaptiveManifest.Round::indices).toList());
        assertEquals(18, records(copy).size());
    }

    /**
     * With {@code samples: 2} the strategy picks compositions: each pick is simulated in both orderings (candidates
     * 2g and 2g + 1), the budget counts compositions, a pick names the id of its sample 0 (its aggregate's group id),
     * and the calibration compares each prediction with the mean of the two orderings, as the ranking aggregates them.
     */
    @Test
    @Order(5)
    void withSampledOrderingsTheStrategyPicksCompositionsAndObservesTheirMeans() {
        String text = """
                name: cuni-adaptive-sampled
                space: {elements: [Cu, Ni], orders: [1, 2], step: 0.05}
                structure: {prototypes: [fcc], supercell: [5, 2, 2], samples: 2}
                method: {potential: CuNi.eam.alloy, properties: {eos: true, elastic: false}}
                screening:
                  objectives: ["min dh_mix_ev_per_atom", "max bulk_modulus_gpa"]
                  strategy: adaptive
                  adaptive: {budget: 8, initial: 4, batch: 2, seed: 3}
                """;
        Path repo = dir.resolve("sampled");
        CampaignSpec spec = CampaignLoader.parse(text, "sampled.yaml");
        AdaptiveRun.Summary s = AdaptiveRun.run(spark, spec, text, potential,
                new ScreeningJob.Options(repo.toString(), false, 3, 1, lammps, null, false, null));
        assertEquals(2, s.samples());
        assertEquals("the budget of 8 simulations is spent", s.doneReason(), "the budget counts compositions");
        AdaptiveManifest a = adaptive(repo);
        assertEquals(List.of(4, 2, 2), a.rounds().stream().map(r -> r.picks().size()).toList());
        Map<Long, CandidateResult> records = records(repo);
        Set<Long> expected = new TreeSet<>();
        a.rounds().forEach(r -> r.indices().forEach(g -> {
            assertTrue(g < 21, "a pick is a composition of the 21: " + g);
            expected.add(2 * g);
            expected.add(2 * g + 1);
        }));
        assertEquals(expected, records.keySet(), "both orderings of every picked composition, nothing else");
        int spent = 0;
        for (AdaptiveManifest.Round r : a.rounds()) {
            assertEquals(spent, r.observations(), "observations count compositions");
            spent += r.picks().size();
            for (AdaptiveManifest.RoundPick p : r.picks()) {
                CandidateResult s0 = records.get(2 * p.index());
                CandidateResult s1 = records.get(2 * p.index() + 1);
                assertEquals(s0.id(), p.id());
                assertEquals(p.id(), s1.groupId(), "sample 1 belongs to the group its pick names");
                assertFalse(s0.id().equals(s1.id()), "two orderings, two records");
            }
            for (AdaptiveManifest.RoundCalibration c : r.calibration()) {
                double se = 0;
                int n = 0;
                for (AdaptiveManifest.RoundPick p : r.picks()) {
                    CandidateResult s0 = records.get(2 * p.index());
                    CandidateResult s1 = records.get(2 * p.index() + 1);
                    if (s0.status() == Status.OK && s1.status() == Status.OK
                            && !spec.screening().excludes(s0.flags()) && !spec.screening().excludes(s1.flags())) {
                        double mean = (s0.metric(c.metric()) + s1.metric(c.metric())) / 2;
                        double e = mean - p.mean().get(c.metric());
                        se += e * e;
                        n++;
                    }
                }
                assertEquals(n, c.count());
                assertEquals(Math.sqrt(se / n), c.rmse(), 1e-12, "against the mean of the orderings");
            }
        }
        AdaptiveManifest.Outcome out = a.outcome();
        assertEquals(8, out.observations());
        assertEquals(21, out.mapRows(), "the map covers compositions");
        assertTrue(s.run().aggregated(), "the ranked table is over the per-composition aggregates");
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.toString().contains("_locks")) {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Deletes the one-record chunk of a candidate (the runs commit every record on its own). */
    static void deleteRecord(Path repo, long index) throws IOException {
        try (Stream<Path> s = Files.walk(repo.resolve("data"))) {
            List<Path> chunks = s.filter(p -> p.getFileName().toString().startsWith("chunk-" + index + "-" + index
                    + "-")).toList();
            assertEquals(1, chunks.size(), chunks.toString());
            Files.delete(chunks.get(0));
        }
    }
}
