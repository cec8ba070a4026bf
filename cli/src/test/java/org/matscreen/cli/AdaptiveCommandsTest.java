package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.repository.AdaptiveManifest;
import org.matscreen.repository.JsonFiles;
import org.matscreen.repository.Manifest;
import org.matscreen.repository.RepositoryLayout;

/** {@code plan} and {@code run} on an adaptive campaign, without Spark: budget, rounds and cost; refused options. */
class AdaptiveCommandsTest {
    @TempDir
    Path dir;

    static final String ADAPTIVE = """
            name: cli-adaptive
            space: {elements: [Cu, Ni], orders: [1, 2], step: 0.025}
            structure: {prototypes: [fcc], supercell: [5, 2, 2]}
            method: {potential: POT}
            screening:
              objectives: ["min dh_mix_ev_per_atom", "max bulk_modulus_gpa"]
              strategy: adaptive
              adaptive: {budget: 16, initial: 6, batch: 4, seed: 3}
            """;

    Path campaign() throws IOException {
        CliTest t = new CliTest();
        t.dir = dir;
        return t.campaign(ADAPTIVE);
    }

    @Test
    void planShowsTheBudgetTheRoundsAndTheCostOfTheBudget() throws IOException {
        CliTest.Result r = CliTest.exec("plan", campaign().toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        // 41 candidates; 16 = 6 + 4 + 4 + 2: four rounds
        assertTrue(r.out().contains("a budget of 16 simulations (39.0 % of the 41 candidates) in about 4 rounds:"
                + " an initial design of 6, then batches of 4"), r.out());
        // the cost is that of the budget: 16 simulations, not the 41 candidates
        assertTrue(r.out().contains("  candidates: 16 on 2 cores"), r.out());
    }

    @Test
    void runRefusesShardsAndRetriesOfAnAdaptiveCampaignBeforeSparkStarts() throws IOException {
        Path c = campaign();
        CliTest.Result shard = CliTest.exec("run", c.toString(), "--out", dir.resolve("r").toString(), "--shard",
                "0/2", "--no-cache");
        assertEquals(ExitCodes.INVALID_INPUT, shard.code(), shard.err());
        assertTrue(shard.err().contains("--shard") && shard.err().contains("adaptive"), shard.err());
        RunInputTest.assertOneLine(shard);
        CliTest.Result retry = CliTest.exec("run", c.toString(), "--out", dir.resolve("r").toString(),
                "--retry-failed", "--no-cache");
        assertEquals(ExitCodes.INVALID_INPUT, retry.code(), retry.err());
        assertTrue(retry.err().contains("--retry-failed") && retry.err().contains("adaptive"), retry.err());
        RunInputTest.assertOneLine(retry);
    }

    @Test
    void statusShowsTheRoundInProgressAndTheBudget() {
        RepositoryLayout layout = new RepositoryLayout(dir.resolve("repo").toString(), new Configuration());
        AdaptiveManifest.Round planned = new AdaptiveManifest.Round(2, "acquisition",
                AdaptiveManifest.Round.PLANNED, "t", "", 10, Map.of(), 1, List.of(), List.of(), List.of());
        JsonFiles.write(layout, layout.manifest(), new Manifest(1, "cli-adaptive", "", "", "t", "t", "f", 41,
                Map.of(), "v", "c", "", new Manifest.Potential("p", "eam/alloy", "k", "", List.of()), List.of(),
                new AdaptiveManifest(16, Map.of(), List.of(planned), null)));
        CliTest.Result r = CliTest.exec("status", "--out", dir.resolve("repo").toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("adaptive: round 2 (acquisition) planned, being computed; 0 of a budget of 16"
                + " simulations committed"), r.out());
    }

    @Test
    void statusCountsEveryOrderingOfASampledCampaignsBudget() {
        RepositoryLayout layout = new RepositoryLayout(dir.resolve("sampled").toString(), new Configuration());
        String yaml = """
                name: cli-adaptive-sampled
                space: {elements: [Cu, Ni], orders: [1, 2], step: 0.05}
                structure: {prototypes: [fcc], supercell: [5, 2, 2], samples: 2}
                method: {potential: CuNi.eam.alloy, properties: {eos: true, elastic: false}}
                screening:
                  objectives: ["min dh_mix_ev_per_atom", "max bulk_modulus_gpa"]
                  strategy: adaptive
                  adaptive: {budget: 8, initial: 4, batch: 2, seed: 3}
                """;
        JsonFiles.write(layout, layout.manifest(), new Manifest(1, "cli-adaptive-sampled", "", yaml, "t", "t", "f",
                42, Map.of(), "v", "c", "", new Manifest.Potential("p", "eam/alloy", "k", "", List.of()), List.of(),
                new AdaptiveManifest(8, Map.of(), List.of(), null)));
        CliTest.Result r = CliTest.exec("status", "--out", dir.resolve("sampled").toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        // 8 compositions, each simulated in 2 orderings
        assertTrue(r.out().contains("no round planned yet; 0 of a budget of 16 simulations committed"), r.out());
    }
}
