package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.error.MatscreenException;

/**
 * {@code submit}'s resource options, cache option and build snapshot, {@code cancel}'s search for the jobs that wait
 * for a campaign, and the batch library's check of a snapshot.
 */
class SubmitOptionsTest {
    @TempDir
    Path dir;

    private final SubmitCommandTest scripts = new SubmitCommandTest();

    private List<SubmitCommandTest.Rendered> dryRun(String... args) {
        scripts.dir = dir;
        return scripts.dryRun(args);
    }

    private Path campaign() throws IOException {
        scripts.dir = dir;
        return scripts.campaign("cuni");
    }

    @Test
    void resourceOptionsBecomeDirectives() throws IOException {
        List<SubmitCommandTest.Rendered> r = dryRun(campaign().toString(), "--time", "01:00:00", "--partition",
                "batch", "--cpus-per-task", "8", "--mem", "64G", "--qos", "high", "--constraint", "[intel&ib]|amd",
                "--array", "3%2");
        String array = r.get(0).text();
        scripts.assertSyntax(array);
        for (String line : List.of("#SBATCH --cpus-per-task=8", "#SBATCH --mem=64G", "#SBATCH --qos=high",
                "#SBATCH --constraint=[intel&ib]|amd", "#SBATCH --array=0-2%2")) {
            assertTrue(array.contains(line + "\n"), line + " in\n" + array);
        }
        assertFalse(array.contains("--exclusive"), "CPUs per task: the node is shared unless asked\n" + array);
        String merge = r.get(1).text();
        assertTrue(merge.contains("#SBATCH --cpus-per-task=8\n") && merge.contains("#SBATCH --mem=64G\n"), merge);
        assertFalse(merge.contains("--array"), merge);

        String plain = dryRun(campaign().toString(), "--time", "01:00:00", "--partition", "batch").get(0).text();
        assertTrue(plain.contains("#SBATCH --exclusive\n"), "whole nodes by default\n" + plain);
        String shared = dryRun(campaign().toString(), "--time", "01:00:00", "--partition", "batch",
                "--no-exclusive").get(0).text();
        assertFalse(shared.contains("--exclusive"), shared);
        String both = dryRun(campaign().toString(), "--time", "01:00:00", "--partition", "batch", "--cpus-per-task",
                "4", "--exclusive").get(0).text();
        assertTrue(both.contains("#SBATCH --exclusive\n") && both.contains("#SBATCH --cpus-per-task=4\n"), both);
    }

    @Test
    void theCacheReachesTheJobsRuns() throws IOException {
        List<SubmitCommandTest.Rendered> r = dryRun(campaign().toString(), "--time", "01:00:00", "--partition", "p",
                "--array", "2", "--cache", "shared-cache");
        String abs = Path.of("shared-cache").toAbsolutePath().normalize().toString();
        for (SubmitCommandTest.Rendered s : r) {
            assertTrue(s.text().contains("'--cache' '" + abs + "'"), s.text());
        }
        String off = dryRun(campaign().toString(), "--time", "01:00:00", "--partition", "p", "--no-cache").get(0)
                .text();
        assertTrue(off.contains("'--no-cache'"), off);
        String uri = dryRun(campaign().toString(), "--time", "01:00:00", "--partition", "p", "--cache",
                "hdfs://nn:8020/cache").get(0).text();
        assertTrue(uri.contains("'--cache' 'hdfs://nn:8020/cache'"), uri);
    }

    @Test
    void wrongResourceOptionsAreRefused() throws IOException {
        Path c = campaign();
        Object[][] cases = {
            {new String[] {"--mem", "12X"}, "--mem"},
            {new String[] {"--cpus-per-task", "0"}, "--cpus-per-task"},
            {new String[] {"--qos", "a b"}, "--qos"},
            {new String[] {"--constraint", "a;b"}, "--constraint"},
            {new String[] {"--array", "4%0"}, "%N must be at least 1"},
            {new String[] {"--array", "four"}, "expected K or K%N"},
            {new String[] {"--cache", "x", "--no-cache"}, "not both"},
            {new String[] {"--scheduler", "pjm", "--qos", "high"}, "a Slurm option"},
            {new String[] {"--scheduler", "pjm", "--cpus-per-task", "4"}, "a Slurm option"},
            {new String[] {"--scheduler", "pjm", "--array", "3%1"}, "PJM bulk jobs have no such limit"},
        };
        for (Object[] k : cases) {
            List<String> a = new ArrayList<>(List.of("submit", c.toString(), "--time", "01:00:00", "--partition",
                    "p", "--dry-run", "--script-dir", dir.resolve("jobs").toString()));
            a.addAll(List.of((String[]) k[0]));
            CliTest.Result r = CliTest.exec(a.toArray(String[]::new));
            assertEquals(ExitCodes.INVALID_INPUT, r.code(), String.join(" ", a) + "\n" + r.out() + r.err());
            assertTrue(r.err().contains((String) k[1]), k[1] + " in " + r.err());
        }
    }

    @Test
    void aDirectiveArgumentStaysOnDirectiveLines() {
        ScriptTemplate t = new ScriptTemplate("t", "#SBATCH --constraint={{c}}\necho {{c}}\n");
        assertThrows(MatscreenException.class, () -> t.render(Map.of("c", ScriptTemplate.Value.directive("a&b"))));
        assertThrows(IllegalArgumentException.class, () -> ScriptTemplate.Value.directive("a;b"));
        assertThrows(IllegalArgumentException.class, () -> ScriptTemplate.Value.directive("a b"));
    }

    /** A fake installation: a checkout with the batch scripts, a CLI jar, one module jar and one dependency. */
    private Installation installation(Path home) throws IOException {
        Files.createDirectories(home.resolve("slurm"));
        Files.createDirectories(home.resolve("scripts/spark-standalone"));
        Files.writeString(home.resolve("slurm/lib.sh"), "# lib v1\n");
        Files.writeString(home.resolve("scripts/spark-standalone/submit.sh"), "# submit v1\n");
        Files.createDirectories(home.resolve("cli/target/lib"));
        jar(home.resolve("cli/target/matscreen-cli.jar"), "org/matscreen/cli/Main.class", "cli v1");
        jar(home.resolve("cli/target/lib/screening-core-0.1.jar"), "org/matscreen/core/A.class", "core v1");
        jar(home.resolve("cli/target/lib/other-1.0.jar"), "com/other/B.class", "other");
        return new Installation(home, home.resolve("cli/target/matscreen-cli.jar"), home.resolve("cli/target/lib"));
    }

    private static void jar(Path file, String entry, String content) throws IOException {
        try (OutputStream o = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(content.getBytes());
            z.closeEntry();
        }
    }

    @Test
    void theSnapshotCopiesWhatARebuildRewritesAndLinksTheRest() throws IOException {
        Installation source = installation(dir.resolve("checkout"));
        Path jobs = dir.resolve("jobs");
        BuildSnapshot s = BuildSnapshot.plan(source, jobs).create(source);
        Path lib = s.installation().lib();
        assertTrue(Files.isRegularFile(s.installation().jar()) && !Files.isSymbolicLink(s.installation().jar()));
        assertFalse(Files.isSymbolicLink(lib.resolve("screening-core-0.1.jar")), "a module jar is copied");
        assertTrue(Files.isSymbolicLink(lib.resolve("other-1.0.jar")), "a dependency is linked");
        assertEquals("# lib v1\n", Files.readString(s.installation().home().resolve("slurm/lib.sh")));
        assertTrue(Files.readString(s.dir().resolve("BUILD")).contains("checkout=" + source.home()));

        // a rebuild rewrites the checkout's files in place; the snapshot keeps what was submitted
        jar(source.lib().resolve("screening-core-0.1.jar"), "org/matscreen/core/A.class", "core v2");
        Files.writeString(source.home().resolve("slurm/lib.sh"), "# lib v2\n");
        assertEquals("# lib v1\n", Files.readString(s.installation().home().resolve("slurm/lib.sh")));
        BuildSnapshot next = BuildSnapshot.plan(source, jobs);
        assertNotEquals(s.dir(), next.dir(), "another build, another snapshot");
        assertEquals(next.dir(), BuildSnapshot.plan(source, jobs).dir(), "the same build, the same snapshot");
        try (var z = new java.util.zip.ZipFile(lib.resolve("screening-core-0.1.jar").toFile())) {
            assertEquals("core v1", new String(z.getInputStream(z.getEntry("org/matscreen/core/A.class"))
                    .readAllBytes()));
        }
    }

    @Test
    void aJobRefusesASnapshotWhoseDependencyHasGone() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path dep = Files.writeString(dir.resolve("dep-1.0.jar"), "x");
        Files.createSymbolicLink(lib.resolve("dep-1.0.jar"), dep);
        Map<String, String> env = Map.of("MATSCREEN_HOME", BatchScriptsTest.HOME.toString(), "MATSCREEN_LIB",
                lib.toString(), "MATSCREEN_JAR", dir.resolve("cli.jar").toString(), "MATSCREEN_BUILD_COMMIT",
                "0123456789abcdef0123456789abcdef01234567", "MATSCREEN_CHECKOUT", BatchScriptsTest.HOME.toString());
        List<String> check = List.of("bash", "-c", "set -euo pipefail; source \"$MATSCREEN_HOME/slurm/lib.sh\";"
                + " ms_check_build");
        Processes.Result ok = Processes.run(check, env, dir, 30);
        assertEquals(0, ok.code(), ok.output());
        assertTrue(ok.output().contains("running the build submitted at commit 0123456789abcdef"), ok.output());
        assertTrue(ok.output().contains("this job runs the submitted build, not the checkout"), ok.output());
        Files.delete(dep);
        Processes.Result gone = Processes.run(check, env, dir, 30);
        assertNotEquals(0, gone.code(), gone.output());
        assertTrue(gone.output().contains("links to a third-party jar that no longer exists"), gone.output());
    }

    @Test
    void cancelFindsTheJobsThatWaitForTheCampaign() {
        String squeue = """
                12|(null)
                13|afterany:12_*(unfulfilled)
                14|afterok:120(unfulfilled)
                15|afterany:11_*(unfulfilled),afterany:12_3(unfulfilled)
                16|singleton(unfulfilled)
                """;
        assertEquals(List.of("13", "15"), CancelCommand.dependentsIn(squeue, "12"));
        assertEquals(List.of("14"), CancelCommand.dependentsIn(squeue, "120"));
        assertEquals(List.of(), CancelCommand.dependentsIn(squeue, "16"));
    }
}
