package org.matscreen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.campaign.CampaignLoader;
import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.potential.FilePotentialSource;
import org.matscreen.core.sim.PotentialSource;
import org.matscreen.core.sim.Status;
import org.matscreen.core.sim.CodeOptions;
import org.matscreen.potential.PotentialRegistry;
import org.matscreen.repository.JsonFiles;
import org.matscreen.repository.Manifest;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;

/** End-to-end screens in Spark local mode: campaign → Spark → LAMMPS workers → repository, then a resume. */
@Tag("integration")
@Tag("lammps")
@Tag("spark")
class LocalScreenIntegrationTest {
    static final String YAML = """
            name: cuni-test
            space: {elements: [Cu, Ni], orders: [1, 2], step: 0.25}
            structure: {prototypes: [fcc], supercell: [2, 2, 2]}
            method: {potential: CuNi.eam.alloy, properties: {eos: true, elastic: false}}
            screening: {objectives: ["min dh_mix_ev_per_atom"], top: 3}
            """;
    @TempDir
    static Path dir;
    static SparkSession spark;
    static CampaignSpec spec;
    static PotentialSource potential;
    static CodeOptions lammps;

    @BeforeAll
    static void start() {
        spark = SparkSessionFactory.create("local[2]", Map.of());
        spec = CampaignLoader.parse(YAML, "cuni-test.yaml");
        potential = new FilePotentialSource(PotentialRegistry.standard().resolve("CuNi.eam.alloy", "cuni-test.yaml",
                "method.potential"));
        lammps = LammpsOptions.local();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private RunSummary run(String repo, boolean fresh) {
        return ScreeningJob.run(spark, spec, YAML, potential, new ScreeningJob.Options(repo, fresh, 3, 2, lammps,
                null, false, null));
    }

    @Test
    void screensStoresAndResumes() {
        String repo = dir.resolve("repo").toString();
        RunSummary first = run(repo, false);
        assertEquals(5, first.candidates());
        assertEquals(5, first.computed());
        assertEquals(Map.of("ok", 5L), first.statusCounts());
        assertEquals("true", spark.conf().get("spark.kryo.registrationRequired"));

        RepositoryLayout layout = new RepositoryLayout(repo, new Configuration());
        List<CandidateResult> records = new ResultReader(layout).readAll();
        records.sort(Comparator.comparingDouble(r -> r.composition().fraction("Ni")));
        assertEquals(5, records.size());
        assertEquals(5, new HashSet<>(records.stream().map(CandidateResult::id).toList()).size());
        double[] expectA = {3.615, Double.NaN, Double.NaN, Double.NaN, 3.52};
        for (int i = 0; i < 5; i++) {
            CandidateResult r = records.get(i);
            assertEquals(Status.OK, r.status(), r.errorText());
            assertEquals(32, r.relaxed().siteCount());
            assertEquals(0.25 * i, r.cellComposition().fraction("Ni"), 1e-12, "exact atom counts");
            assertTrue(r.relaxation().converged());
            if (!Double.isNaN(expectA[i])) {
                assertEquals(expectA[i], r.metric("lattice_parameter_angstrom"), 2e-4);
                assertEquals(0, r.metric("dh_mix_ev_per_atom"), 1e-6, "pure element");
            } else {
                // Cu-Ni mixes endothermically (EAM and experiment: a few kJ/mol, tens of meV/atom)
                double dh = r.metric("dh_mix_ev_per_atom");
                assertTrue(dh > 0.005 && dh < 0.06, "dH_mix " + dh);
                double a = r.metric("lattice_parameter_angstrom");
                assertTrue(a < records.get(i - 1).metric("lattice_parameter_angstrom") && a > 3.52,
                        "lattice parameter decreases from Cu to Ni");
            }
            assertEquals(r.metric("bulk_modulus_gpa"), r.metric("bulk_modulus_gpa"));
        }
        assertEquals(-3.54, records.get(0).metric("energy_per_atom_ev"), 1e-4);
        assertEquals(-4.45, records.get(4).metric("energy_per_atom_ev"), 1e-4);

        Manifest m = JsonFiles.read(layout, layout.manifest(), Manifest.class).orElseThrow();
        assertEquals(Map.of("ok", 5L), m.statusCounts());
        assertEquals("LAMMPS 20210929".length() > 0, m.codeVersion().startsWith("LAMMPS"));
        assertEquals(potential.spec().key(), m.potential().key());
        // the first record came after this JVM started and before the run ended, and the manifest holds the summary's
        double firstRecord = m.runs().get(0).firstRecordSeconds();
        assertTrue(firstRecord > 0 && firstRecord < java.lang.management.ManagementFactory.getRuntimeMXBean()
                .getUptime() / 1e3, "first record after " + firstRecord + " s");
        assertEquals(first.firstRecordSeconds(), firstRecord, 1e-9);

        // The top table is the mixing-enthalpy ranking: the pure metals first.
        assertEquals(3, first.top().size());
        assertTrue(first.top().get(2).entry().formula().contains("Cu"));

        RunSummary again = run(repo, false);
        assertEquals(0, again.computed());
        assertEquals(5, again.skipped());
        assertEquals(5, new ResultReader(layout).readAll().size(), "no duplicates after a resume");
        Manifest m2 = JsonFiles.read(layout, layout.manifest(), Manifest.class).orElseThrow();
        assertEquals(2, m2.runs().size());
        assertTrue(m2.runs().get(1).complete());
        // a resume that computed nothing committed no record of its own (the first run's chunks are older)
        assertEquals(Manifest.Run.NO_RECORD, m2.runs().get(1).firstRecordSeconds());
    }

    @Test
    void aChangedCampaignDoesNotMixIntoAnOldRepository() {
        String repo = dir.resolve("repo2").toString();
        run(repo, false);
        CampaignSpec changed = CampaignLoader.parse(YAML.replace("eos: true", "eos: false"), "cuni-test.yaml");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScreeningJob.run(spark, changed,
                YAML, potential, ScreeningJob.Options.simple(repo, false, 2, 2, lammps)));
        assertTrue(e.getMessage().contains("--fresh"), e.getMessage());
        RunSummary fresh = ScreeningJob.run(spark, changed, YAML, potential, ScreeningJob.Options.simple(repo, true, 2,
                2, lammps));
        assertEquals(5, fresh.computed());
    }

    /** 15 binary Cu-Ni compositions at x_Ni = k/16 in 32-site cells, so every cell's counts are exact. */
    static final String QUEUE_YAML = """
            name: queue-test
            space: {elements: [Cu, Ni], orders: [2], step: 0.0625}
            structure: {prototypes: [fcc], supercell: [2, 2, 2]}
            method: {potential: CuNi.eam.alloy, relax: {mode: shape-fixed}, properties: {eos: false, elastic: false}}
            screening: {objectives: ["min dh_mix_ev_per_atom"], top: 3}
            """;

    private RunSummary runQueue(String repo, int partitions) {
        return ScreeningJob.run(spark, CampaignLoader.parse(QUEUE_YAML, "queue-test.yaml"), QUEUE_YAML, potential,
                ScreeningJob.Options.simple(repo, false, partitions, 50, lammps));
    }

    private static Map<String, CandidateResult> byId(RepositoryLayout layout) {
        Map<String, CandidateResult> out = new TreeMap<>();
        for (CandidateResult r : new ResultReader(layout).readAll()) {
            assertEquals(null, out.put(r.id(), r), "each candidate once: " + r.id());
        }
        return out;
    }

    /**
     * Local mode hands its ranges to one task per slot from a queue ({@link LocalRangeQueue}): the records must be
     * those of one task per range, bit for bit, each candidate once, in fewer chunk files, and a rerun must resume.
     */
    @Test
    void queuedTasksGiveTheRecordsOfOneTaskPerRangeInFewerChunks() {
        // 2 ranges on 2 slots: one task per range, as on a cluster
        String perRange = dir.resolve("per-range").toString();
        RunSummary a = runQueue(perRange, 2);
        // 10 ranges on 2 slots: two tasks take them from the queue
        String queued = dir.resolve("queued").toString();
        RunSummary b = runQueue(queued, 10);
        assertEquals(15, a.computed());
        assertEquals(15, b.computed());
        assertEquals(Map.of("ok", 15L), b.statusCounts());
        assertEquals(10, b.partitions());

        RepositoryLayout la = new RepositoryLayout(perRange, new Configuration());
        RepositoryLayout lb = new RepositoryLayout(queued, new Configuration());
        Map<String, CandidateResult> ra = byId(la);
        Map<String, CandidateResult> rb = byId(lb);
        assertEquals(ra.keySet(), rb.keySet(), "the same candidates (ids are seeded by the cell)");
        for (String id : ra.keySet()) {
            CandidateResult x = ra.get(id);
            CandidateResult y = rb.get(id);
            assertEquals(Status.OK, y.status(), y.errorText());
            assertEquals(x.candidateIndex(), y.candidateIndex());
            // same cell, same protocol, same library: the same floating-point path
            assertEquals(x.metric("energy_per_atom_ev"), y.metric("energy_per_atom_ev"), 0.0, id);
            assertEquals(x.metric("dh_mix_ev_per_atom"), y.metric("dh_mix_ev_per_atom"), 0.0, id);
        }
        // Each queued task commits at the end of its first range and at its end (fewer than 50 records and 30 s in
        // between): at most 4 chunks, where one task per range wrote 10 (as before the queue).
        List<RepositoryLayout.Chunk> chunks = lb.chunks();
        assertTrue(chunks.size() >= 2 && chunks.size() <= 4, chunks.size() + " chunks: " + chunks);

        RunSummary again = runQueue(queued, 10);
        assertEquals(0, again.computed());
        assertEquals(15, again.skipped());
        assertEquals(15, byId(lb).size(), "no duplicates after a resume");
        assertEquals(0, LocalRangeQueue.registered(), "no queue is left behind");
    }
}
