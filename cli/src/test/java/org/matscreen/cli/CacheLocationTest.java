package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --cache DIR} and {@code MATSCREEN_CACHE=DIR} name the same folder and mean the same thing. */
class CacheLocationTest {
    @TempDir
    Path dir;

    @Test
    void recordsAndPotentialsLiveUnderTheCacheFolder() {
        assertEquals("/data/cache/records", CacheLocation.records("/data/cache"));
        assertEquals("/data/cache/records", CacheLocation.records("/data/cache/"));
        assertEquals(Path.of("/data/cache/potentials"), CacheLocation.potentials("/data/cache"));
        assertEquals(Path.of("/data/cache/potentials"), CacheLocation.potentials("file:///data/cache"));
        assertEquals("hdfs://nn:8020/cache/records", CacheLocation.records("hdfs://nn:8020/cache"));
        assertTrue(CacheLocation.potentials("hdfs://nn:8020/cache").isAbsolute(), "potentials stay local");
    }

    @Test
    void theOptionAndTheVariableGiveTheSamePlan() throws IOException {
        Path campaign = dir.resolve("c.yaml");
        Files.writeString(campaign, PlanEstimateTest.CAMPAIGN);
        Path cache = dir.resolve("cache");
        String repo = dir.resolve("none").toString();
        CliTest.Result option = CliTest.exec("plan", campaign.toString(), "--no-references", "--out", repo, "--cache",
                cache.toString());
        assertEquals(ExitCodes.OK, option.code(), option.err());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Processes.Result variable = Processes.run(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), "org.matscreen.cli.Main", "plan", campaign.toString(),
                "--no-references", "--out", repo), Map.of("MATSCREEN_CACHE", cache.toString()), dir, 120);
        assertEquals(0, variable.code(), variable.output());
        String basis = option.out().lines().filter(l -> l.contains("basis:")).findFirst().orElseThrow();
        assertTrue(basis.contains(cache.resolve("records").toString()), basis);
        assertTrue(variable.output().contains(basis), variable.output());
    }
}
