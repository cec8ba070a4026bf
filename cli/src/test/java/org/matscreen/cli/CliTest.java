package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: messages that name file, field and reason, and named exit codes. */
class CliTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    static Result exec(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A syntactically valid Cu–Ni setfl file with tiny tables (enough for validation, never run). */
    Path potential() throws IOException {
        StringBuilder b = new StringBuilder("CITATION: test\n\n\n2 Cu Ni\n3 0.1 3 0.1 2.0\n");
        for (String el : new String[] {"29 63.546 3.615 fcc", "28 58.69 3.52 fcc"}) {
            b.append(el).append("\n0 -1 -2\n1.0 0.5 0.2\n");
        }
        b.append("1 2 3\n4 5 6\n7 8 9\n"); // LAMMPS starts each table on a new line
        return Files.writeString(dir.resolve("CuNi.eam.alloy"), b.toString());
    }

    Path campaign(String body) throws IOException {
        return Files.writeString(dir.resolve("c.yaml"), body.replace("POT", potential().toString()));
    }

    static final String GOOD = """
            name: cli-test
            space: {elements: [Cu, Ni], orders: [1, 2], step: 0.25}
            structure: {prototypes: [fcc], supercell: [2, 2, 2]}
            method: {potential: POT}
            """;

    @Test
    void planValidatesAndCounts() throws IOException {
        // the test potential is never run: no pure-element references here (PlanReferencesIntegrationTest has them)
        Result r = exec("plan", campaign(GOOD).toString(), "--no-references");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("5 candidates in 3 chemical systems"), r.out());
        assertTrue(r.out().contains("Cu-Ni"), r.out());
        assertTrue(r.out().contains("estimated cost"), r.out());
    }

    @Test
    void unknownElementIsAnInputErrorNamingFileAndField() throws IOException {
        Path c = campaign(GOOD.replace("[Cu, Ni]", "[Cu, Qq]"));
        Result r = exec("run", c.toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code());
        assertTrue(r.err().contains(c.toString()), r.err());
        assertTrue(r.err().contains("space.elements[1]"), r.err());
        assertTrue(r.err().contains("unknown element 'Qq'"), r.err());
    }

    @Test
    void potentialProblemsAreCaughtBeforeSparkStarts() throws IOException {
        Result missing = exec("run", campaign(GOOD.replace("POT", "NoSuch.eam.alloy")).toString());
        assertEquals(ExitCodes.INVALID_INPUT, missing.code());
        assertTrue(missing.err().contains("method.potential") && missing.err().contains("no potential named"),
                missing.err());
        Result uncovered = exec("run", campaign(GOOD.replace("[Cu, Ni]", "[Cu, Ni, Al]")).toString());
        assertEquals(ExitCodes.INVALID_INPUT, uncovered.code());
        assertTrue(uncovered.err().contains("[Al]"), uncovered.err());
        Result hostile = exec("run", campaign(GOOD.replace("POT", "\"x.eam.alloy; shell rm -rf ~\"")).toString());
        assertEquals(ExitCodes.INVALID_INPUT, hostile.code());
        assertTrue(hostile.err().contains("potential name contains"), hostile.err());
    }

    @Test
    void impossibleGridAndUnknownPrototype() throws IOException {
        Result grid = exec("run", campaign(GOOD.replace("step: 0.25", "step: 0.3")).toString());
        assertEquals(ExitCodes.INVALID_INPUT, grid.code());
        assertTrue(grid.err().contains("space.step"), grid.err());
        Result proto = exec("plan", campaign(GOOD.replace("[fcc]", "[bcc, rocksalt]")).toString(),
                "--no-references");
        assertEquals(ExitCodes.INVALID_INPUT, proto.code());
        assertTrue(proto.err().contains("structure.prototypes[1]") && proto.err().contains("rocksalt"), proto.err());
    }

    @Test
    void missingCampaignFileAndBadConf() throws IOException {
        Result nofile = exec("run", dir.resolve("nope.yaml").toString());
        assertEquals(ExitCodes.INVALID_INPUT, nofile.code());
        assertTrue(nofile.err().contains("no such file"), nofile.err());
        Result conf = exec("run", campaign(GOOD).toString(), "--conf", "spark.executor.memory");
        assertEquals(ExitCodes.INVALID_INPUT, conf.code());
        assertTrue(conf.err().contains("key=value"), conf.err());
    }

    @Test
    void aWrongLibraryPathIsANativeErrorWithTheFix() throws IOException {
        Result r = exec("run", campaign(GOOD).toString(), "--lammps-lib", dir.resolve("liblammps.so").toString());
        assertEquals(ExitCodes.NATIVE, r.code(), r.err());
        assertTrue(r.err().contains("MATSCREEN_LAMMPS_LIB"), r.err());
    }

    @Test
    void versionAndHelp() {
        Result v = exec("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("matscreen "), v.out());
        Result h = exec("run", "--help");
        assertTrue(h.out().contains("--fresh"), h.out());
    }
}
