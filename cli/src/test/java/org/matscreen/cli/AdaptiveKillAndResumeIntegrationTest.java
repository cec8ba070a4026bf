package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.repository.AdaptiveManifest;
import org.matscreen.repository.JsonFiles;
import org.matscreen.repository.Repository;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;

/**
 * Issue 15's acceptance: an adaptive campaign whose driver is killed (SIGKILL) during a round, then rerun, ends with
 * the same records (candidates, ids and values) and the same rounds as a run that was never interrupted.
 */
@Tag("integration")
@Tag("spark")
@Tag("lammps")
class AdaptiveKillAndResumeIntegrationTest {
    static final String CAMPAIGN = """
            name: adaptive-kill-test
            space: {elements: [Cu, Ni], orders: [1, 2], step: 0.025}
            structure: {prototypes: [fcc], supercell: [5, 2, 2]}
            method: {potential: CuNi.eam.alloy, properties: {eos: true, elastic: false}}
            screening:
              objectives: ["min dh_mix_ev_per_atom", "max bulk_modulus_gpa"]
              strategy: adaptive
              adaptive: {budget: 13, initial: 6, batch: 7, seed: 11}
            """;
    static final List<String> METRICS = List.of("energy_per_atom_ev", "dh_mix_ev_per_atom", "bulk_modulus_gpa",
            "lattice_parameter_angstrom");

    /** index → id and values, for comparing two repositories. */
    static Map<Long, List<Object>> records(Path repo) {
        Map<Long, List<Object>> out = new TreeMap<>();
        for (CandidateResult r : new ResultReader(new RepositoryLayout(repo.toString(), new Configuration()))
                .readAll()) {
            List<Object> v = new ArrayList<>(List.of(r.id(), r.status().key()));
            METRICS.forEach(m -> v.add(r.metric(m)));
            out.put(r.candidateIndex(), v);
        }
        return out;
    }

    static AdaptiveManifest adaptive(Path repo) {
        return Repository.open(repo.toString(), new Configuration()).manifest().orElseThrow().adaptive();
    }

    /** Rounds in the manifest and the state of the last, read as a reader would (null before the manifest exists). */
    static JsonNode lastRound(Path repo) {
        try {
            JsonNode m = JsonFiles.mapper().readTree(repo.resolve("manifest.json").toFile());
            JsonNode rounds = m.path("adaptive").path("rounds");
            return rounds.size() == 0 ? null : rounds.get(rounds.size() - 1);
        } catch (java.io.IOException e) {
            return null; // not written yet, or being replaced
        }
    }

    @Test
    void aKillDuringARoundThenARerunGivesTheRecordsOfAnUninterruptedRun(@TempDir Path dir) throws Exception {
        Path campaign = Files.writeString(dir.resolve("c.yaml"), CAMPAIGN);
        Path whole = dir.resolve("whole");
        Process uninterrupted = KillAndResumeIntegrationTest.launch(campaign, whole, dir.resolve("whole.log"));
        assertTrue(uninterrupted.waitFor(8, TimeUnit.MINUTES), "the uninterrupted run finishes");
        assertEquals(0, uninterrupted.exitValue(), Files.readString(dir.resolve("whole.log")));

        Path killed = dir.resolve("killed");
        RepositoryLayout layout = new RepositoryLayout(killed.toString(), new Configuration());
        Process first = KillAndResumeIntegrationTest.launch(campaign, killed, dir.resolve("first.log"));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
        boolean inRound1 = false;
        while (System.nanoTime() < deadline && first.isAlive()) {
            JsonNode last = lastRound(killed);
            // round 1 is planned and some, not all, of its 7 candidates are committed (one chunk per record)
            if (last != null && last.path("number").asInt() == 1 && last.path("state").asText().equals("planned")
                    && layout.chunks().size() > 6) {
                inRound1 = true;
                break;
            }
            Thread.sleep(20);
        }
        assertTrue(inRound1 && first.isAlive(), "the run must be killed inside round 1: "
                + Files.readString(dir.resolve("first.log")));
        first.destroyForcibly(); // SIGKILL
        first.waitFor(30, TimeUnit.SECONDS);
        int committed = new ResultReader(layout).readAll().size();
        AdaptiveManifest atKill = adaptive(killed);
        assertEquals(AdaptiveManifest.Round.PLANNED, atKill.lastRound().state());
        assertTrue(committed > 6 && committed < 13, "killed with " + committed + " of 13 records");

        Process second = KillAndResumeIntegrationTest.launch(campaign, killed, dir.resolve("second.log"));
        assertTrue(second.waitFor(8, TimeUnit.MINUTES), "the rerun finishes");
        String out = Files.readString(dir.resolve("second.log"));
        assertEquals(0, second.exitValue(), out);
        // the rerun computes round 1's missing candidates; its 6 + (committed - 6) records are kept
        assertTrue(out.contains((13 - committed) + " computed, " + (committed - 6) + " resumed"), out);

        assertEquals(records(whole), records(killed), "same candidates, ids and values as the uninterrupted run");
        AdaptiveManifest a = adaptive(whole);
        AdaptiveManifest b = adaptive(killed);
        assertEquals(a.rounds().stream().map(AdaptiveManifest.Round::indices).toList(),
                b.rounds().stream().map(AdaptiveManifest.Round::indices).toList(), "the same rounds");
        assertEquals(atKill.lastRound().indices(), b.rounds().get(1).indices(), "round 1 was not planned again");
        assertEquals(a.outcome().measuredFront().stream().map(AdaptiveManifest.FrontMember::index).toList(),
                b.outcome().measuredFront().stream().map(AdaptiveManifest.FrontMember::index).toList());
    }
}
