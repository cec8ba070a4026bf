package org.matscreen.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.campaign.CampaignLoader;
import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.result.AggregateAxis;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.sim.Status;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.core.sim.CodeOptions;
import org.matscreen.potential.PotentialRegistry;
import org.matscreen.potential.PotentialResolver;
import org.matscreen.core.sim.PotentialSource;
import org.matscreen.repository.AggregateStore;
import org.matscreen.repository.Manifest;
import org.matscreen.repository.Repository;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;
import org.matscreen.repository.schema.RecordRow;

/**
 * Issue 14 item 4 on real LAMMPS: three Cu–Ni compositions computed with an ensemble of two potentials that both
 * cover Cu–Ni (the lammps-data CuNi.eam.alloy file and the generated Zhou 2004 set). Every cell is computed once per
 * member on the same starting cell (same configuration id and site ordering), each member's record names its own
 * potential; the potentials table holds, per composition, each member's ΔH_mix and their spread, which must equal
 * what the two member records give by hand (mean (a + b)/2, range |a − b|, sample standard deviation |a − b|/√2); the
 * ranking orders compositions by the members' mean, and with {@code screening.ensemble: worst} (a rerun that resumes
 * every record) by the larger of the two values of the minimised ΔH_mix.
 */
@Tag("integration")
@Tag("lammps")
@Tag("spark")
class EnsembleIntegrationTest {
    static final String YAML = """
            name: cuni-ensemble
            space: {compositions: [Cu0.25Ni0.75, Cu0.5Ni0.5, Cu0.75Ni0.25]}
            structure: {prototypes: [fcc], supercell: [2, 2, 2]}
            method: {potential: [CuNi.eam.alloy, zhou2004], relax: {mode: shape-fixed},
                     properties: {eos: false, elastic: false}}
            screening: {objectives: ["min dh_mix_ev_per_atom"], top: 3%s}
            """;

    @Test
    void everyMemberComputesEveryCellAndTheSpreadIsTheirDifference(@TempDir Path dir) {
        String meanYaml = String.format(Locale.ROOT, YAML, "");
        String worstYaml = String.format(Locale.ROOT, YAML, ", ensemble: worst");
        SparkSession spark = SparkSessionFactory.create("local[2]", Map.of());
        try {
            CampaignSpec spec = CampaignLoader.parse(meanYaml, "cuni-ensemble.yaml");
            CandidateSpace space = CandidateSpace.of(spec.space(), spec.structure().prototypes(), 1, 2,
                    spec.source());
            List<PotentialSource> members = new PotentialResolver(PotentialRegistry.standard(),
                    dir.resolve("potentials")).resolveAll(spec.method(), space.systems(), spec.source());
            assertEquals(List.of("CuNi.eam.alloy", "zhou2004"), members.stream().map(m -> m.spec().name()).toList());
            String repo = dir.resolve("repo").toString();
            CodeOptions lammps = LammpsOptions.local();
            RunSummary s = ScreeningJob.run(spark, spec, meanYaml, members,
                    ScreeningJob.Options.simple(repo, false, 2, 4, lammps));
            assertEquals(6, s.candidates(), "three cells, two members each");
            assertEquals(6, s.computed());
            assertEquals(Map.of("ok", 6L), s.statusCounts());
            assertTrue(s.aggregated());
            assertEquals(List.of("CuNi.eam.alloy", "zhou2004"), s.potentials());
            assertEquals("mean", s.ensembleRanking());

            RepositoryLayout layout = new RepositoryLayout(repo, new Configuration());
            Manifest manifest = Repository.open(repo, new Configuration()).manifest().orElseThrow();
            assertEquals("CuNi.eam.alloy + zhou2004", manifest.potential().name(), "the campaign names the ensemble");

            // the member records of each cell, by hand
            Map<String, CandidateResult[]> byFormula = new HashMap<>();
            for (CandidateResult r : new ResultReader(layout).readAll()) {
                assertEquals(Status.OK, r.status(), r.errorText());
                int m = r.method().potential().name().equals("CuNi.eam.alloy") ? 0 : 1;
                assertEquals(members.get(m).spec().key(), r.method().potential().key(), "each record names its member");
                byFormula.computeIfAbsent(r.composition().formula(), k -> new CandidateResult[2])[m] = r;
            }
            assertEquals(3, byFormula.size());
            Map<String, double[]> dh = new HashMap<>();
            StringBuilder table = new StringBuilder(
                    "composition     dH_mix CuNi.eam.alloy  zhou2004  (meV/atom)  spread |a-b|\n");
            for (var e : byFormula.entrySet()) {
                CandidateResult a = e.getValue()[0];
                CandidateResult b = e.getValue()[1];
                assertNotNull(a, "CuNi.eam.alloy computed " + e.getKey());
                assertNotNull(b, "zhou2004 computed " + e.getKey());
                assertNotNull(a.configurationId());
                assertEquals(a.configurationId(), b.configurationId(), "members share the configuration");
                assertNotEquals(a.id(), b.id(), "members have their own ids");
                assertEquals(a.cellComposition(), b.cellComposition(), "the same starting cell");
                double[] v = {a.metric("dh_mix_ev_per_atom"), b.metric("dh_mix_ev_per_atom")};
                assertTrue(Double.isFinite(v[0]) && Double.isFinite(v[1]), e.getKey());
                dh.put(e.getKey(), v);
                table.append(String.format(Locale.ROOT, "%-15s %22.3f %9.3f %25.3f%n", e.getKey(), 1e3 * v[0],
                        1e3 * v[1], 1e3 * Math.abs(v[0] - v[1])));
            }
            System.out.print(table);

            // the potentials table: member values and spread equal the records' by hand
            List<RecordRow> rows = new AggregateStore(layout, AggregateAxis.POTENTIALS).readAll();
            assertEquals(3, rows.size());
            for (RecordRow row : rows) {
                double[] v = dh.get((String) row.get("formula"));
                assertNotNull(v, "row " + row.get("formula"));
                assertArrayEquals(v, AggregateStore.memberValues(row, "dh_mix_ev_per_atom"), 1e-15);
                double[] spread = AggregateStore.spread(row, "dh_mix_ev_per_atom");
                assertEquals((v[0] + v[1]) / 2, spread[0], 1e-15, "mean");
                assertEquals(Math.abs(v[0] - v[1]) / Math.sqrt(2), spread[1], 1e-12, "sample std of two values");
                assertEquals(Math.min(v[0], v[1]), spread[2], 0);
                assertEquals(Math.max(v[0], v[1]), spread[3], 0);
                assertEquals(Math.abs(v[0] - v[1]), spread[4], 1e-15, "range");
                assertEquals(2, spread[6]);
            }
            assertTrue(dh.values().stream().anyMatch(v -> Math.abs(v[0] - v[1]) > 1e-4),
                    "two different potentials disagree somewhere: " + table);

            // ranking by the members' mean
            assertRanked(s, dh, v -> (v[0] + v[1]) / 2, table);

            // ranking by the worst member: a rerun resumes every record and ranks again
            CampaignSpec worst = CampaignLoader.parse(worstYaml, "cuni-ensemble.yaml");
            RunSummary w = ScreeningJob.run(spark, worst, worstYaml, members,
                    ScreeningJob.Options.simple(repo, false, 2, 4, lammps));
            assertEquals(0, w.computed());
            assertEquals(6, w.skipped());
            assertEquals("worst", w.ensembleRanking());
            assertRanked(w, dh, v -> Math.max(v[0], v[1]), table);
        } finally {
            spark.stop();
        }
    }

    /**
     * With two orderings per composition each member's value is its mean over them, and the configurational standard
     * deviation is pooled within the members: sqrt(Σ_members Σ_samples (x − member mean)² / Σ_members (n − 1)).
     */
    @Test
    void sampledOrderingsArePooledWithinMembers(@TempDir Path dir) {
        String yaml = String.format(Locale.ROOT, YAML, "").replace("[Cu0.25Ni0.75, Cu0.5Ni0.5, Cu0.75Ni0.25]",
                "[Cu0.5Ni0.5]").replace("supercell: [2, 2, 2]}", "supercell: [2, 2, 2], samples: 2}")
                .replace("name: cuni-ensemble", "name: cuni-ensemble-samples");
        SparkSession spark = SparkSessionFactory.create("local[2]", Map.of());
        try {
            CampaignSpec spec = CampaignLoader.parse(yaml, "cuni-ensemble-samples.yaml");
            CandidateSpace space = CandidateSpace.of(spec.space(), spec.structure().prototypes(), 2, 2,
                    spec.source());
            List<PotentialSource> members = new PotentialResolver(PotentialRegistry.standard(),
                    dir.resolve("potentials")).resolveAll(spec.method(), space.systems(), spec.source());
            String repo = dir.resolve("repo").toString();
            RunSummary s = ScreeningJob.run(spark, spec, yaml, members, ScreeningJob.Options.simple(repo, false, 2,
                    4, LammpsOptions.local()));
            assertEquals(Map.of("ok", 4L), s.statusCounts(), "one composition, two orderings, two members");
            RepositoryLayout layout = new RepositoryLayout(repo, new Configuration());
            double[][] x = new double[2][2]; // [member][sample]
            String[][] configurations = new String[2][2];
            for (CandidateResult r : new ResultReader(layout).readAll()) {
                int m = r.method().potential().name().equals("CuNi.eam.alloy") ? 0 : 1;
                x[m][r.recipe().sample()] = r.metric("dh_mix_ev_per_atom");
                configurations[m][r.recipe().sample()] = r.configurationId();
            }
            assertEquals(configurations[0][0], configurations[1][0], "sample 0: one cell for both members");
            assertEquals(configurations[0][1], configurations[1][1], "sample 1: one cell for both members");
            assertNotEquals(configurations[0][0], configurations[0][1], "two orderings, two configurations");
            double[] memberMeans = {(x[0][0] + x[0][1]) / 2, (x[1][0] + x[1][1]) / 2};
            double pooled = Math.sqrt((sq(x[0][0] - memberMeans[0]) + sq(x[0][1] - memberMeans[0])
                    + sq(x[1][0] - memberMeans[1]) + sq(x[1][1] - memberMeans[1])) / 2);
            List<RecordRow> rows = new AggregateStore(layout, AggregateAxis.POTENTIALS).readAll();
            assertEquals(1, rows.size());
            assertArrayEquals(memberMeans, AggregateStore.memberValues(rows.get(0), "dh_mix_ev_per_atom"), 1e-15);
            double[] spread = AggregateStore.spread(rows.get(0), "dh_mix_ev_per_atom");
            assertEquals(Math.abs(memberMeans[0] - memberMeans[1]), spread[4], 1e-15, "range of the member means");
            assertEquals(pooled, spread[5], 1e-12, "configurational std pooled within members");
            assertTrue(pooled > 0, "two orderings of a 32-atom cell differ");
            System.out.printf(Locale.ROOT, "Cu0.5Ni0.5, 2 orderings: member means %.3f / %.3f meV/atom, range %.3f,"
                    + " pooled configurational std %.3f%n", 1e3 * memberMeans[0], 1e3 * memberMeans[1],
                    1e3 * spread[4], 1e3 * pooled);
            assertEquals(1, s.top().size());
            assertEquals((memberMeans[0] + memberMeans[1]) / 2, s.top().get(0).entry().metrics()[0], 1e-15);
            assertEquals(4, s.top().get(0).entry().samples());
        } finally {
            spark.stop();
        }
    }

    private static double sq(double v) {
        return v * v;
    }

    /** The table holds every composition in the order of the rule's value, with the std across members beside it. */
    private static void assertRanked(RunSummary s, Map<String, double[]> dh,
            java.util.function.ToDoubleFunction<double[]> rule, CharSequence table) {
        List<String> expected = new ArrayList<>(dh.keySet());
        expected.sort(Comparator.comparingDouble(f -> rule.applyAsDouble(dh.get(f))));
        assertEquals(3, s.top().size());
        List<String> got = new ArrayList<>();
        for (TopCandidates.Row r : s.top()) {
            String formula = expected.stream().filter(f -> dh.get(f) != null
                    && Math.abs(rule.applyAsDouble(dh.get(f)) - r.entry().metrics()[0]) < 1e-15).findFirst()
                    .orElseThrow(() -> new AssertionError("rank " + r.rank() + " value " + r.entry().metrics()[0]
                            + " is no composition's rule value\n" + table));
            double[] v = dh.get(formula);
            assertEquals(Math.abs(v[0] - v[1]) / Math.sqrt(2), r.entry().metricErrors()[0], 1e-12);
            assertEquals(2, r.entry().samples(), "both members ok");
            got.add(formula);
        }
        assertEquals(expected, got, "ranked by " + s.ensembleRanking() + "\n" + table);
    }
}
