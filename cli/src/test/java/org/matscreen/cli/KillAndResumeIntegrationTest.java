package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;

/**
 * The driver is killed with SIGKILL about half way through a campaign; a reader then sees only complete files, and
 * the rerun completes the campaign with every candidate exactly once.
 */
@Tag("integration")
@Tag("spark")
@Tag("lammps")
class KillAndResumeIntegrationTest {

    /** The module-opening flags Spark needs on Java 17 (the launcher's list). */
    static final List<String> SPARK_FLAGS = List.of("--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false");

    static Process launch(Path campaign, Path repo, Path log) throws IOException {
        return launch(campaign, repo, log, null);
    }

    /** @param tmp the child's java.io.tmpdir (its worker folders live there), or null for the default */
    static Process launch(Path campaign, Path repo, Path log, Path tmp) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        if (tmp != null) {
            cmd.add("-Djava.io.tmpdir=" + tmp);
        }
        cmd.addAll(SPARK_FLAGS);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of("run", campaign.toString(), "--out", repo.toString(), "--master", "local[2]",
                "--commit-every", "1", "--no-cache", "--no-progress"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    static long workersOf(long driverPid) {
        String tag = "worker-" + driverPid + "-";
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(tag))
                .orElse(false)).count();
    }

    @Test
    void sigkillHalfWayThenRerunCompletesWithoutDuplicates(@TempDir Path dir) throws Exception {
        Path campaign = Files.writeString(dir.resolve("c.yaml"), """
                name: kill-test
                space: {elements: [Cu, Ni], orders: [1, 2], step: 0.025}
                structure: {prototypes: [fcc], supercell: [5, 2, 2]}
                method: {potential: CuNi.eam.alloy, properties: {eos: false, elastic: false}}
                """);
        Path repo = dir.resolve("repo");
        RepositoryLayout layout = new RepositoryLayout(repo.toString(), new Configuration());
        Process first = launch(campaign, repo, dir.resolve("first.log"));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        int total = 41;
        while (System.nanoTime() < deadline && first.isAlive() && layout.chunks().size() < total / 2) {
            Thread.sleep(50);
        }
        assertTrue(first.isAlive(), "the first run must still be running when it is killed: "
                + Files.readString(dir.resolve("first.log")));
        long driverPid = first.pid();
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        first.waitFor(30, TimeUnit.SECONDS);
        // its LAMMPS workers notice the closed pipe and exit on their own
        long orphansDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < orphansDeadline && workersOf(driverPid) > 0) {
            Thread.sleep(200);
        }
        assertEquals(0, workersOf(driverPid), "worker processes outlived their killed driver");
        int committed = layout.chunks().size();
        assertTrue(committed >= total / 2 && committed < total, "killed at " + committed + " of " + total);
        // every visible file is complete: a reader can read all of them
        List<CandidateResult> partial = new ResultReader(layout).readAll();
        assertEquals(committed, partial.size());

        Process second = launch(campaign, repo, dir.resolve("second.log"));
        assertTrue(second.waitFor(5, TimeUnit.MINUTES), "the rerun finishes");
        String out = Files.readString(dir.resolve("second.log"));
        assertEquals(0, second.exitValue(), out);
        assertTrue(out.contains(total + " candidates, " + (total - committed) + " computed, " + committed
                + " resumed"), out);
        List<CandidateResult> all = new ResultReader(layout).readAll();
        assertEquals(total, all.size());
        assertEquals(total, new HashSet<>(all.stream().map(CandidateResult::id).toList()).size(), "no duplicates");
        assertEquals(total, new HashSet<>(all.stream().map(CandidateResult::candidateIndex).toList()).size());
    }

    /**
     * Issue 17, item 4 (and 14): SIGTERM mid-run leaves no partial file in {@code _staging}, no lock, no worker folder,
     * and prints one line instead of an internal error with stack traces; a rerun resumes.
     */
    @Test
    void sigtermCleansUpAndSaysSoInOneLine(@TempDir Path dir) throws Exception {
        Path campaign = Files.writeString(dir.resolve("c.yaml"), """
                name: term-test
                space: {elements: [Cu, Ni], orders: [1, 2], step: 0.025}
                structure: {prototypes: [fcc], supercell: [5, 2, 2]}
                method: {potential: CuNi.eam.alloy, properties: {eos: false, elastic: false}}
                """);
        Path repo = dir.resolve("repo");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        RepositoryLayout layout = new RepositoryLayout(repo.toString(), new Configuration());
        Process first = launch(campaign, repo, dir.resolve("first.log"), tmp);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline && first.isAlive() && layout.chunks().size() < 4) {
            Thread.sleep(50);
        }
        assertTrue(first.isAlive(), Files.readString(dir.resolve("first.log")));
        first.destroy(); // SIGTERM
        assertTrue(first.waitFor(2, TimeUnit.MINUTES), "the run ends on SIGTERM");
        String log = Files.readString(dir.resolve("first.log"));
        assertEquals(143, first.exitValue(), log);
        assertFalse(log.contains("internal error") || log.contains("\tat "), log);
        assertTrue(log.contains("stopped by a signal"), log);
        try (Stream<Path> s = Files.walk(repo)) {
            List<Path> left = s.filter(p -> p.toString().contains("_staging") || p.toString().contains("_locks"))
                    .filter(Files::isRegularFile).toList();
            assertEquals(List.of(), left, "no staging file or lock outlives the run");
        }
        try (Stream<Path> s = Files.walk(tmp)) {
            List<Path> workers = s.filter(p -> p.getFileName().toString().startsWith("worker-" + first.pid()))
                    .toList();
            assertEquals(List.of(), workers, "worker folders are removed");
        }
        Process second = launch(campaign, repo, dir.resolve("second.log"), tmp);
        assertTrue(second.waitFor(5, TimeUnit.MINUTES), "the rerun finishes");
        assertEquals(0, second.exitValue(), Files.readString(dir.resolve("second.log")));
        List<CandidateResult> all = new ResultReader(layout).readAll();
        assertEquals(41, all.size());
        assertEquals(41, new HashSet<>(all.stream().map(CandidateResult::id).toList()).size(), "no duplicates");
    }
}
