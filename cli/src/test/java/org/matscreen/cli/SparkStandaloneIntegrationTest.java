package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;

/**
 * Spark beyond local mode, with executors in their own JVMs: a real standalone master and worker started on loopback
 * by scripts/spark-standalone from the project's own jars, the campaign submitted through spark-submit in client
 * mode; and the cheaper {@code local-cluster} master. The executors start LAMMPS worker processes with the classpath
 * {@code WorkerConfig.workerClasspath()} derives from their code sources, which this test proves works there.
 */
@Tag("integration")
@Tag("spark")
@Tag("lammps")
class SparkStandaloneIntegrationTest {
    static final String CAMPAIGN = """
            name: standalone
            space: {elements: [Cu, Ni], orders: [1, 2], step: 0.25}
            structure: {prototypes: [fcc], supercell: [2, 2, 2]}
            method: {potential: CuNi.eam.alloy, properties: {eos: false, elastic: false}}
            screening: {objectives: ["min dh_mix_ev_per_atom"], top: 5}
            """;

    @TempDir
    static Path dir;
    static TestDistribution dist;
    static Path campaign;

    @BeforeAll
    static void assemble() throws IOException {
        dist = TestDistribution.create(dir.resolve("dist"));
        campaign = Files.writeString(dir.resolve("standalone.yaml"), CAMPAIGN);
    }

    @AfterAll
    static void stopCluster() {
        // Idempotent: stops whatever the test started, by PID files, even after a failed assertion.
        Processes.run(List.of(dist.script("scripts/spark-standalone/stop.sh").toString(),
                dir.resolve("cluster").toString()), dist.env(), dir, 60);
    }

    @Test
    void screensOnAStandaloneMasterAndWorker() {
        Path state = dir.resolve("cluster");
        Processes.Result master = Processes.run(List.of(dist.script("scripts/spark-standalone/start-master.sh")
                .toString(), state.toString()), dist.env(), dir, 120);
        assertEquals(0, master.code(), master.output());
        String url = master.output().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(url.matches("spark://127\\.0\\.0\\.1:\\d+"), url);

        Processes.Result worker = Processes.run(List.of(dist.script("scripts/spark-standalone/start-worker.sh")
                .toString(), state.toString(), url, "--cores", "2", "--memory", "1536m"), dist.env(), dir, 120);
        assertEquals(0, worker.code(), worker.output());

        Path repo = dir.resolve("repo-standalone");
        Processes.Result run = Processes.run(List.of(dist.script("scripts/spark-standalone/submit.sh").toString(),
                url, "--conf", "spark.executor.memory=1g", "--", campaign.toString(), "--out", repo.toString(),
                "--no-progress"), dist.env(), dir, 300);
        assertEquals(0, run.code(), run.output());
        assertTrue(run.output().contains("5 candidates, 5 computed, 0 resumed, 0 failures"), run.output());
        assertRecords(repo, 5);
        assertTrue(run.output().contains("on 2 cores"), "the executor had the worker's two cores: " + run.output());

        Processes.Result stop = Processes.run(List.of(dist.script("scripts/spark-standalone/stop.sh").toString(),
                state.toString()), dist.env(), dir, 60);
        assertEquals(0, stop.code(), stop.output());
        assertTrue(Files.notExists(state.resolve("master.pid")) && Files.notExists(state.resolve("worker-1.pid")),
                "PID files are removed once the daemons are stopped");
        String masterLog = Files.exists(state.resolve("master.log")) ? read(state.resolve("master.log")) : "";
        assertTrue(masterLog.contains("Registering app matscreen"), masterLog);
    }

    @Test
    void screensOnALocalClusterWithExecutorsInTheirOwnJvms() throws IOException {
        // local-cluster starts its workers inside the driver, and they launch executors from SPARK_HOME/jars.
        Path sparkHome = dir.resolve("local-cluster-home");
        Files.createDirectories(sparkHome);
        Files.createSymbolicLink(sparkHome.resolve("jars"), dist.lib());
        Map<String, String> env = new LinkedHashMap<>(dist.env());
        // Its own result cache: the same candidates computed by the other test must be computed again here.
        env.put("MATSCREEN_CACHE", dir.resolve("cache-local-cluster").toString());
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        Path repo = dir.resolve("repo-local-cluster");
        Processes.Result run = Processes.run(List.of(dist.script("scripts/spark-standalone/submit.sh").toString(),
                "local-cluster[2,1,1024]", "--conf", "spark.executor.memory=768m", "--", campaign.toString(),
                "--out", repo.toString(), "--no-progress"), env, dir, 300);
        assertEquals(0, run.code(), run.output());
        assertTrue(run.output().contains("5 candidates, 5 computed"), run.output());
        assertTrue(run.output().contains("on 2 cores"), run.output());
        assertRecords(repo, 5);
    }

    static void assertRecords(Path repo, int expected) {
        List<CandidateResult> records = new ResultReader(new RepositoryLayout(repo.toString(), new Configuration()))
                .readAll();
        assertEquals(expected, records.size());
        assertEquals(expected, new HashSet<>(records.stream().map(CandidateResult::id).toList()).size(),
                "no duplicate ids");
        records.forEach(r -> assertEquals("ok", r.status().key(), r.errorText()));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
