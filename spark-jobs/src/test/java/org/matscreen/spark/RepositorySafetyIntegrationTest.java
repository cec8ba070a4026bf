package org.matscreen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.matscreen.core.sim.CodeOptions;
import org.matscreen.potential.FilePotentialSource;
import org.matscreen.potential.PotentialRegistry;
import org.matscreen.core.sim.PotentialSource;
import org.matscreen.repository.JsonFiles;
import org.matscreen.repository.Manifest;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;

/**
 * What a repository guarantees when runs overlap, are killed, or leave duplicates behind (issue 17, items 2–4): one
 * writer at a time, the campaign's identity on disk before its first record, duplicates collapsed on resume, and
 * staging files of dead runs removed on the next start.
 */
@Tag("integration")
@Tag("lammps")
@Tag("spark")
class RepositorySafetyIntegrationTest {
    static final String YAML = """
            name: safety
            space: {elements: [Cu, Ni], orders: [1, 2], step: 0.125}
            structure: {prototypes: [fcc], supercell: [2, 2, 2]}
            method: {potential: CuNi.eam.alloy, properties: {eos: false, elastic: false}}
            """;
    static final int CANDIDATES = 9;

    @TempDir
    static Path dir;
    static SparkSession spark;
    static CampaignSpec spec;
    static PotentialSource potential;
    static CodeOptions lammps;

    @BeforeAll
    static void start() {
        spark = SparkSessionFactory.create("local[2]", Map.of());
        spec = CampaignLoader.parse(YAML, "safety.yaml");
        potential = new FilePotentialSource(PotentialRegistry.standard().resolve("CuNi.eam.alloy", "safety.yaml",
                "method.potential"));
        lammps = LammpsOptions.local();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static RunSummary run(CampaignSpec s, String yaml, String repo) {
        return ScreeningJob.run(spark, s, yaml, potential, new ScreeningJob.Options(repo, false, 4, 1, lammps,
                null, false, null));
    }

    static List<CandidateResult> records(String repo) {
        return new ResultReader(new RepositoryLayout(repo, new Configuration())).readAll();
    }

    static long distinctIds(List<CandidateResult> records) {
        return new HashSet<>(records.stream().map(CandidateResult::id).toList()).size();
    }

    /** Item 2: two runs into one repository at the same time; before the lock both computed everything. */
    @Test
    void twoConcurrentRunsIntoOneRepositoryNeverBothWrite() throws Exception {
        String repo = dir.resolve("concurrent").toString();
        CompletableFuture<RunSummary> a = CompletableFuture.supplyAsync(() -> run(spec, YAML, repo));
        CompletableFuture<RunSummary> b = CompletableFuture.supplyAsync(() -> run(spec, YAML, repo));
        List<Throwable> refused = new ArrayList<>();
        int completed = 0;
        for (CompletableFuture<RunSummary> f : List.of(a, b)) {
            try {
                f.get(5, TimeUnit.MINUTES);
                completed++;
            } catch (ExecutionException e) {
                refused.add(e.getCause());
            }
        }
        List<CandidateResult> all = records(repo);
        assertEquals(CANDIDATES, all.size(), "one record per candidate, no duplicates");
        assertEquals(CANDIDATES, distinctIds(all));
        // Either the second run found the first's lock (refused) or it started after the first had finished and
        // skipped everything; both are safe, and the lock makes the first the usual case.
        assertEquals(2, completed + refused.size());
        for (Throwable t : refused) {
            assertTrue(t instanceof InvalidInputException && t.getMessage().contains("another run")
                    && t.getMessage().contains("--break-lock"), String.valueOf(t));
        }
        Manifest m = JsonFiles.read(new RepositoryLayout(repo, new Configuration()),
                new RepositoryLayout(repo, new Configuration()).manifest(), Manifest.class).orElseThrow();
        assertEquals(CANDIDATES, m.statusCounts().values().stream().mapToLong(Long::longValue).sum());
    }

    /** Item 2: should duplicates ever exist, a resume keeps one record per id, and loses none. */
    @Test
    void resumeCollapsesDuplicateIds() throws IOException {
        String repo = dir.resolve("duplicates").toString();
        run(spec, YAML, repo);
        RepositoryLayout layout = new RepositoryLayout(repo, new Configuration());
        // copy three chunks under other names: what two unlocked writers used to leave behind
        List<RepositoryLayout.Chunk> chunks = layout.chunks();
        for (RepositoryLayout.Chunk c : chunks.subList(0, 3)) {
            Path p = Path.of(c.path().toUri());
            Files.copy(p, p.resolveSibling(RepositoryLayout.chunkName(c.first(), c.last(), "dup0000000000000")));
        }
        assertEquals(CANDIDATES + 3, records(repo).size());
        RunSummary again = run(spec, YAML, repo);
        assertEquals(0, again.computed());
        List<CandidateResult> all = records(repo);
        assertEquals(CANDIDATES, all.size());
        assertEquals(CANDIDATES, distinctIds(all));
    }

    /**
     * Item 3: the campaign's identity is on disk before the first record, so after a run that never reached its end
     * (here: its job cancelled once records exist) another campaign is refused in that folder.
     */
    @Test
    void campaignIdentityIsWrittenBeforeTheFirstCommit() throws Exception {
        String repo = dir.resolve("identity").toString();
        RepositoryLayout layout = new RepositoryLayout(repo, new Configuration());
        CompletableFuture<RunSummary> first = CompletableFuture.supplyAsync(() -> run(spec, YAML, repo));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (layout.chunks().isEmpty() && !first.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        spark.sparkContext().cancelAllJobs(); // what a kill does to the job: it never reaches its end
        try {
            first.get(2, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            // cancelled, as intended
        }
        assertFalse(layout.chunks().isEmpty(), "records were committed before the run was stopped");
        Manifest m = JsonFiles.read(layout, layout.manifest(), Manifest.class).orElseThrow(
                () -> new AssertionError("no manifest although records are committed"));
        assertEquals("safety", m.campaign());
        String other = YAML.replace("name: safety", "name: other-campaign");
        CampaignSpec otherSpec = CampaignLoader.parse(other, "other.yaml");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(otherSpec, other, repo));
        assertTrue(e.getMessage().contains("holds campaign 'safety'"), e.getMessage());
        assertTrue(records(repo).stream().allMatch(r -> r.campaign().equals("safety")), "no records mixed in");
    }

    /** Item 4: what killed runs left in {@code _staging} is removed when the next run starts. */
    @Test
    void stagingLeftByDeadRunsIsRemovedOnTheNextStart() throws IOException {
        String repo = dir.resolve("staging").toString();
        Path staging = Path.of(repo, "_staging");
        Files.createDirectories(staging);
        // a partial chunk of an older version (flat in _staging) and the folder of a dead process on this host
        Path legacy = Files.writeString(staging.resolve("Cu-Ni-chunk-0-3-abcdef0123456789.parquet"), "PAR1partial");
        Files.setLastModifiedTime(legacy, java.nio.file.attribute.FileTime.fromMillis(0));
        Path dead = Files.createDirectories(staging.resolve(org.matscreen.core.util.BuildInfo.host() + "~"
                + deadPid() + "~1000~0123456789abcdef"));
        Files.writeString(dead.resolve("Cu-Ni-chunk-4-4-0123456789abcdef.parquet"), "PAR1partial");
        run(spec, YAML, repo);
        try (Stream<Path> left = Files.walk(staging)) {
            List<Path> files = left.filter(Files::isRegularFile).toList();
            assertEquals(List.of(), files, "nothing is left in _staging");
        }
        assertEquals(CANDIDATES, records(repo).size());
    }

    /**
     * Issue 18, item 4: {@code --retry-failed} recomputes the committed candidates of the chosen statuses, replaces
     * their records, and says so in the manifest. Here every candidate crashes on a potential file cut short after it
     * was validated; restored, the retry computes them all.
     */
    @Test
    void retryFailedRecomputesTheChosenFailuresAndReplacesTheirRecords() throws IOException {
        String yaml = YAML.replace("name: safety", "name: retry").replace("step: 0.125", "step: 0.25");
        CampaignSpec s = CampaignLoader.parse(yaml, "retry.yaml");
        Path pot = Files.copy(Path.of("/usr/share/lammps/potentials/CuNi.eam.alloy"), dir.resolve("CuNi.eam.alloy"));
        PotentialSource source = new FilePotentialSource(PotentialRegistry.standard().resolve(pot.toString(),
                "retry.yaml", "method.potential"));
        List<String> whole = Files.readAllLines(pot);
        Files.write(pot, whole.subList(0, 40));
        String repo = dir.resolve("retry").toString();
        RunSummary broken = retry(s, yaml, source, repo, java.util.Set.of());
        // crashed with Debian's library (no C++ exceptions), failed with a library that reports the error
        assertEquals(5, broken.failures(), broken.statusCounts().toString());
        Files.write(pot, whole);

        RunSummary other = retry(s, yaml, source, repo, java.util.Set.of("timeout"));
        assertEquals(0, other.computed(), "no record has the chosen status");
        assertEquals(5, other.skipped());

        RunSummary again = retry(s, yaml, source, repo, java.util.Set.of("crashed", "failed"));
        assertEquals(5, again.retried());
        assertEquals(Map.of("ok", 5L), again.statusCounts());
        List<CandidateResult> all = records(repo);
        assertEquals(5, all.size(), "each new record replaced the old one");
        assertTrue(all.stream().allMatch(r -> r.status() == org.matscreen.core.sim.Status.OK), all.toString());
        RepositoryLayout layout = new RepositoryLayout(repo, new Configuration());
        Manifest m = JsonFiles.read(layout, layout.manifest(), Manifest.class).orElseThrow();
        assertEquals(Map.of("ok", 5L), m.statusCounts());
        Manifest.Run last = m.runs().get(m.runs().size() - 1);
        assertEquals(List.of("crashed", "failed"), last.retriedStatuses());
        assertEquals(5, last.retried());
        assertEquals(List.of(), m.runs().get(0).retriedStatuses());
    }

    static RunSummary retry(CampaignSpec s, String yaml, PotentialSource source, String repo,
            java.util.Set<String> statuses) {
        return ScreeningJob.run(spark, s, yaml, source, new ScreeningJob.Options(repo, false, 2, 1, lammps,
                null, false, null, null, null, false, statuses));
    }

    /** A process id no process has now. */
    static long deadPid() {
        long pid = 4_000_000;
        while (ProcessHandle.of(pid).isPresent()) {
            pid++;
        }
        return pid;
    }
}
