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
 * {@code matscreen run --shard} and {@code --deadline} in Spark local mode: shards fill one repository without
 * overlap, a run past its deadline starts nothing and exits 5, and rerunning completes the campaign.
 */
@Tag("integration")
@Tag("lammps")
@Tag("spark")
class RunShardAndDeadlineIntegrationTest {
    @TempDir
    Path dir;

    Path campaign() throws IOException {
        return Files.writeString(dir.resolve("c.yaml"), """
                name: shards
                space: {elements: [Cu, Ni], orders: [1, 2], step: 0.25}
                structure: {prototypes: [fcc], supercell: [2, 2, 2]}
                method: {potential: CuNi.eam.alloy, properties: {eos: false, elastic: false}}
                screening: {objectives: ["min dh_mix_ev_per_atom"], top: 5}
                """);
    }

    @Test
    void shardsShareARepositoryAndADeadlineStopsCleanly() throws IOException {
        String c = campaign().toString();
        String repo = dir.resolve("repo").toString();

        CliTest.Result past = CliTest.exec("run", c, "--out", repo, "--master", "local[2]", "--no-progress", "--no-cache",
                "--deadline", "2000-01-01T00:00:00Z");
        assertEquals(SlurmJobState.INCOMPLETE, past.code(), past.err() + past.out());
        assertTrue(past.out().contains("5 candidates, 0 computed"), past.out());
        assertTrue(past.out().contains("stopped at the deadline 2000-01-01T00:00:00Z before reaching 5 of the 5"
                + " candidates; rerun the same command to resume"), past.out());

        CliTest.Result first = CliTest.exec("run", c, "--out", repo, "--master", "local[2]", "--no-progress", "--no-cache",
                "--shard", "0/2");
        assertEquals(ExitCodes.OK, first.code(), first.err());
        assertTrue(first.out().contains("shard 0/2: candidates 0 to 1"), first.out());
        assertTrue(first.out().contains("2 candidates, 2 computed, 0 resumed"), first.out());

        CliTest.Result second = CliTest.exec("run", c, "--out", repo, "--master", "local[2]", "--no-progress", "--no-cache",
                "--shard", "1/2", "--deadline", "2100-01-01T00:00:00Z");
        assertEquals(ExitCodes.OK, second.code(), second.err());
        assertTrue(second.out().contains("3 candidates, 3 computed, 0 resumed"), second.out());

        CliTest.Result merge = CliTest.exec("run", c, "--out", repo, "--master", "local[2]", "--no-progress", "--no-cache");
        assertEquals(ExitCodes.OK, merge.code(), merge.err());
        assertTrue(merge.out().contains("5 candidates, 0 computed, 5 resumed"), merge.out());
        SparkStandaloneIntegrationTest.assertRecords(dir.resolve("repo"), 5);

        CliTest.Result fresh = CliTest.exec("run", c, "--out", repo, "--shard", "1/2", "--fresh");
        assertEquals(ExitCodes.INVALID_INPUT, fresh.code());
        assertTrue(fresh.err().contains("--fresh"), fresh.err());
    }
}
