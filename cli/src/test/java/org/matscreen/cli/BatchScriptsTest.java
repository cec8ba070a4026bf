package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell side of batch jobs: every script parses, and the helpers in slurm/lib.sh compute what they claim. */
class BatchScriptsTest {
    static final Path HOME = TestDistribution.findCheckout();

    @TempDir
    Path dir;

    @Test
    void everyScriptParses() throws IOException {
        List<Path> scripts;
        try (Stream<Path> s = Stream.of("slurm", "scripts/spark-standalone", "scripts/slurm-local")
                .flatMap(d -> list(HOME.resolve(d)))) {
            scripts = s.filter(p -> p.toString().endsWith(".sh") || p.toString().endsWith(".sbatch")).toList();
        }
        assertTrue(scripts.size() >= 12, scripts.toString());
        for (Path p : scripts) {
            Processes.Result r = Processes.run(List.of("bash", "-n", p.toString()), Map.of(), dir, 30);
            assertEquals(0, r.code(), p + ": " + r.output());
            String text = Files.readString(p);
            assertTrue(text.contains("set -euo pipefail") || p.getFileName().toString().matches("(lib|common)\\.sh"),
                    p + " sets -euo pipefail");
        }
    }

    String lib(String snippet, Map<String, String> env) {
        Map<String, String> e = new java.util.HashMap<>(env);
        e.put("MATSCREEN_HOME", HOME.toString());
        Processes.Result r = Processes.run(List.of("bash", "-c", "set -euo pipefail; source \"$MATSCREEN_HOME/slurm/"
                + "lib.sh\"; " + snippet), e, dir, 30);
        assertEquals(0, r.code(), snippet + ": " + r.output());
        return r.output().strip();
    }

    @Test
    void slurmDurationsBecomeSeconds() {
        assertEquals("45", lib("ms_slurm_seconds 45", Map.of()));
        assertEquals("125", lib("ms_slurm_seconds 2:05", Map.of()));
        assertEquals("3725", lib("ms_slurm_seconds 1:02:05", Map.of()));
        assertEquals("93784", lib("ms_slurm_seconds 1-02:03:04", Map.of()));
        assertEquals("32400", lib("ms_slurm_seconds 09:00:00", Map.of()), "leading zeros are not octal");
        assertEquals("", lib("ms_slurm_seconds UNLIMITED", Map.of()));
    }

    @Test
    void deadlineIsTheEndLessTheMargin() {
        long now = System.currentTimeMillis() / 1000;
        long d = Long.parseLong(lib("ms_deadline 3600", Map.of("MATSCREEN_STOP_BEFORE", "600")));
        assertTrue(Math.abs(d - (now + 3000)) <= 5, d + " vs " + (now + 3000));
        assertEquals("", lib("ms_deadline ''", Map.of()));
        long pjm = Long.parseLong(lib("ms_deadline \"$(ms_pjm_time_left)\"", Map.of("MATSCREEN_JOB_START",
                Long.toString(now - 100), "MATSCREEN_TIME_LIMIT", "1000", "MATSCREEN_STOP_BEFORE", "300")));
        assertTrue(Math.abs(pjm - (now + 600)) <= 5, pjm + " vs " + (now + 600));
    }

    @Test
    void shardsFromArrayTasksAndBulkNumbers() {
        assertEquals("", lib("ms_shard", Map.of()));
        assertEquals("2/4", lib("ms_shard", Map.of("SLURM_ARRAY_TASK_ID", "2", "SLURM_ARRAY_TASK_COUNT", "4")));
        assertEquals("1/3", lib("ms_shard", Map.of("PJM_BULKNUM", "1", "MATSCREEN_SHARDS", "3")));
        Processes.Result r = Processes.run(List.of("bash", "-c", "source \"$MATSCREEN_HOME/slurm/lib.sh\"; ms_shard"),
                Map.of("MATSCREEN_HOME", HOME.toString(), "PJM_BULKNUM", "3", "MATSCREEN_SHARDS", "3"), dir, 30);
        assertTrue(r.code() != 0 && r.output().contains("0-2"), r.output());
    }

    @Test
    void memoryIsSharedOutSoExecutorsFit() {
        assertEquals("4096", lib("ms_slurm_node_memory_mb", Map.of("SLURM_MEM_PER_CPU", "1024",
                "SLURM_CPUS_ON_NODE", "4")));
        assertEquals("64000", lib("ms_slurm_node_memory_mb", Map.of("SLURM_MEM_PER_NODE", "64000")));
        // 32 GB, 48 cores (an A64FX node): 32768 - 1024 - 2048 - 48 * 384
        assertEquals("11264", lib("ms_executor_memory_mb 32768 48", Map.of()));
        assertEquals("512", lib("ms_executor_memory_mb 2048 8", Map.of()), "never below 512 MB");
        assertEquals("16384", lib("ms_executor_memory_mb 512000 8", Map.of()), "never above 16 GB");
        assertEquals("3000", lib("ms_executor_memory_mb 8000 4", Map.of("MATSCREEN_EXECUTOR_MEMORY", "3000")));
    }

    @Test
    void launcherVariablesAreScrubbedForLammpsSingletons() {
        String left = lib("ms_scrub_launcher_env; env | grep -E '^(SLURM|PMI|OMPI_COMM)' || true",
                Map.of("SLURM_STEP_ID", "0", "SLURM_JOB_ID", "7", "PMIX_RANK", "1", "OMPI_COMM_WORLD_RANK", "0",
                        "OMPI_MCA_btl", "self"));
        assertEquals("", left);
        assertEquals("self", lib("ms_scrub_launcher_env; echo \"$OMPI_MCA_btl\"", Map.of("OMPI_MCA_btl", "self")),
                "a site's own MPI settings stay");
    }

    private static Stream<Path> list(Path d) {
        try {
            return Files.list(d).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
