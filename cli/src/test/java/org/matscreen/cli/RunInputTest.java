package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} refuses what it cannot do before any work, with one line naming the option and the reason and the
 * documented exit code (issue 17, items 1, 13, 14 and 16). None of these starts Spark.
 */
class RunInputTest {
    @TempDir
    Path dir;

    CliTest.Result exec(String... args) {
        return CliTest.exec(args);
    }

    Path campaign() throws IOException {
        CliTest t = new CliTest();
        t.dir = dir;
        return t.campaign(CliTest.GOOD);
    }

    /** An expected failure is one line on stderr: no stack trace, no "internal error". */
    static void assertOneLine(CliTest.Result r) {
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("error: "), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("internal error"), r.err());
    }

    /** Item 1: {@code --fresh} deleted whatever --out named; a folder that is not this campaign's stays. */
    @Test
    void freshNeverDeletesAFolderThatIsNotThisCampaignsRepository() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path precious = Files.writeString(work.resolve("thesis.tex"), "three years");
        CliTest.Result r = exec("run", campaign().toString(), "--out", work.toString(), "--fresh", "--no-cache");
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("--out") && r.err().contains("not a matscreen repository"), r.err());
        assertOneLine(r);
        assertEquals("three years", Files.readString(precious));
    }

    @Test
    void freshNeverDeletesAnotherCampaignsRepository() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("manifest.json"), "{\"campaign\": \"someone-else\"}");
        Path data = Files.createDirectories(other.resolve("data/system=Cu"));
        Files.writeString(data.resolve("chunk-0-0-abc.parquet"), "PAR1");
        CliTest.Result r = exec("run", campaign().toString(), "--out", other.toString(), "--fresh", "--no-cache");
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("someone-else"), r.err());
        assertTrue(Files.exists(data.resolve("chunk-0-0-abc.parquet")));
    }

    /** Item 1: {@code --out ""} (an unset variable) meant the current folder. */
    @Test
    void anEmptyOutIsRefused() throws IOException {
        CliTest.Result r = exec("run", campaign().toString(), "--out", "", "--fresh", "--no-cache");
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("--out"), r.err());
        assertOneLine(r);
    }

    /** Item 14: an --out that cannot be written is found before Spark starts, not after all the work. */
    @Test
    void anUnwritableOutIsRefusedFirst() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliTest.Result r = exec("run", campaign().toString(), "--out", file.resolve("results").toString(),
                "--no-cache");
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("--out") && r.err().contains("cannot write"), r.err());
        assertOneLine(r);
    }

    /** Item 14: a bad --master is the user's to fix (2), said in one line. */
    @Test
    void aBadMasterIsAnInputError() throws IOException {
        CliTest.Result r = exec("run", campaign().toString(), "--out", dir.resolve("o").toString(), "--master",
                "spork://nowhere:7077", "--no-cache");
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("--master") && r.err().contains("spork://nowhere:7077"), r.err());
        assertOneLine(r);
    }

    /** Item 16: YARN and Kubernetes masters are not what matscreen ships; said before anything starts. */
    @Test
    void yarnAndKubernetesMastersAreRefusedWithWhatIsSupported() throws IOException {
        for (String master : List.of("yarn", "k8s://https://cluster:6443")) {
            CliTest.Result r = exec("run", campaign().toString(), "--out", dir.resolve("o").toString(), "--master",
                    master, "--no-cache");
            assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.err());
            assertTrue(r.err().contains("--master") && r.err().contains("not supported")
                    && r.err().contains("spark://"), r.err());
            assertOneLine(r);
        }
    }

    /** Item 14: a --conf value Spark cannot start with. */
    @Test
    void aConfSparkCannotStartWithIsAnInputError() throws IOException {
        CliTest.Result r = exec("run", campaign().toString(), "--out", dir.resolve("o").toString(), "--conf",
                "spark.executor.memory=lots", "--no-cache");
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("--conf") && r.err().contains("spark.executor.memory"), r.err());
        assertOneLine(r);
    }

    /** Item 14: a file that is not a LAMMPS library is a native-component error (3) found at once. */
    @Test
    void aLibraryThatIsNotLammpsIsFoundAtOnce() throws IOException {
        Path text = Files.writeString(dir.resolve("liblammps.so"), "not a library");
        CliTest.Result r = exec("run", campaign().toString(), "--out", dir.resolve("o").toString(), "--lammps-lib",
                text.toString(), "--no-cache");
        assertEquals(ExitCodes.NATIVE, r.code(), r.err());
        assertTrue(r.err().contains(text.toString()) && r.err().contains("not a shared library"), r.err());
        assertOneLine(r);
        Path libjava = Path.of(System.getProperty("java.home"), "lib", "libjava.so");
        CliTest.Result other = exec("run", campaign().toString(), "--out", dir.resolve("o").toString(),
                "--lammps-lib", libjava.toString(), "--no-cache");
        assertEquals(ExitCodes.NATIVE, other.code(), other.err());
        assertTrue(other.err().contains("not a LAMMPS library"), other.err());
        assertOneLine(other);
        assertFalse(Files.exists(dir.resolve("o")), "nothing was created");
    }
}
