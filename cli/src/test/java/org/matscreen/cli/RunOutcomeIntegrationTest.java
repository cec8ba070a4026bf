package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exit codes of whole runs that end badly for every candidate, and an output folder whose name a shell or a URI treats
 * specially (issue 17, items 12 and 13).
 */
@Tag("integration")
@Tag("spark")
@Tag("lammps")
class RunOutcomeIntegrationTest {
    @TempDir
    Path dir;

    /**
     * Item 13: every candidate failed (here: bcc cells of 21,296 atoms given one second each) and the run said exit
     * 0; it now exits with {@link ExitCodes#ALL_FAILED}, the records committed as always.
     */
    @Test
    void aRunWhereEveryCandidateFailedDoesNotExitZero() throws IOException {
        Path c = Files.writeString(dir.resolve("c.yaml"), """
                name: all-fail
                space: {compositions: [Cu0.5Ni0.5, Cu0.75Ni0.25]}
                structure: {prototypes: [bcc], supercell: [22, 22, 22]}
                method: {potential: CuNi.eam.alloy, properties: {eos: false, elastic: false}, timeout_seconds: 1}
                """);
        CliTest.Result r = CliTest.exec("run", c.toString(), "--out", dir.resolve("repo").toString(), "--master",
                "local[2]", "--no-cache", "--no-progress");
        assertEquals(ExitCodes.ALL_FAILED, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("every candidate failed"), r.err());
        assertTrue(r.out().contains("2 computed"), r.out());
    }

    /** Item 12: an --out with a space, ';' and '\' failed after creating the folder and computing references. */
    @Test
    void anOutputFolderWithSpecialCharactersWorks() throws IOException {
        Path c = Files.writeString(dir.resolve("c.yaml"), """
                name: odd-path
                space: {elements: [Cu, Ni], orders: [1, 2], step: 0.25}
                structure: {prototypes: [fcc], supercell: [2, 2, 2]}
                method: {potential: CuNi.eam.alloy, properties: {eos: false, elastic: false}}
                """);
        Path out = dir.resolve("my results; v1 \\ final");
        CliTest.Result r = CliTest.exec("run", c.toString(), "--out", out.toString(), "--master", "local[2]",
                "--no-cache", "--no-progress");
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("5 candidates, 5 computed"), r.out());
        CliTest.Result again = CliTest.exec("run", c.toString(), "--out", out.toString(), "--master", "local[2]",
                "--no-cache", "--no-progress");
        assertEquals(ExitCodes.OK, again.code(), again.out() + again.err());
        assertTrue(again.out().contains("5 candidates, 0 computed, 5 resumed"), again.out());
    }
}
