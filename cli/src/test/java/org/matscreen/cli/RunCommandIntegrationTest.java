package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code matscreen run} end to end: the ranked table and the one-line summary. */
@Tag("integration")
@Tag("lammps")
@Tag("spark")
class RunCommandIntegrationTest {

    @Test
    void runPrintsTheRankedTableAndTheSummary(@TempDir Path dir) throws IOException {
        Path c = Files.writeString(dir.resolve("c.yaml"), """
                name: cli-run
                space: {elements: [Cu, Ni], orders: [2], step: 0.5}
                structure: {prototypes: [fcc], supercell: [2, 2, 2]}
                method: {potential: CuNi.eam.alloy, properties: {eos: false, elastic: false}}
                screening: {objectives: ["min dh_form_ev_per_atom"], top: 5}
                """);
        CliTest.Result r = CliTest.exec("run", c.toString(), "--out", dir.resolve("repo").toString(),
                "--master", "local[2]", "--no-progress");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("rank  formula"), r.out());
        assertTrue(r.out().contains("Cu0.5Ni0.5"), r.out());
        assertTrue(r.out().matches("(?s).*1 candidates, 1 computed, 0 resumed, 0 failures.*candidates/s.*"), r.out());
        assertTrue(Files.isDirectory(dir.resolve("repo/data/system=Cu-Ni")));
        assertTrue(Files.isRegularFile(dir.resolve("repo/manifest.json")));
    }

    @Test
    void planNamesTheMechanicallyUnstableReferences(@TempDir Path dir) throws IOException {
        // With the Onat-Durukanoglu Cu-Ni potential fcc is the ground state of both metals; bcc Ni is unstable
        // against the tetragonal shear (C11 < C12), bcc Cu is not: plan must name Ni/bcc and only it.
        Path c = Files.writeString(dir.resolve("c.yaml"), """
                name: cli-plan
                space: {elements: [Cu, Ni], orders: [1, 2], step: 0.5}
                structure: {prototypes: [fcc], supercell: [2, 2, 2]}
                method: {potential: CuNi.eam.alloy}
                """);
        CliTest.Result r = CliTest.exec("plan", c.toString(), "--out", dir.resolve("repo").toString(), "--no-cache");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains("pure-element references (shape-fixed relaxation, elastic constants; computed"), out);
        String cu = out.lines().filter(l -> l.startsWith("  Cu ") && l.contains("ground state")).findFirst()
                .orElseThrow(() -> new AssertionError(out));
        assertTrue(cu.contains("fcc   -3.5400 eV") && cu.endsWith("ground state fcc") && !cu.contains("UNSTABLE"),
                cu);
        String ni = out.lines().filter(l -> l.startsWith("  Ni ") && l.contains("ground state")).findFirst()
                .orElseThrow(() -> new AssertionError(out));
        assertTrue(ni.matches(".*bcc +-4\\.[0-9]{4} eV UNSTABLE.*"), ni);
        assertTrue(out.contains("mechanically unstable references (Born criteria): Ni/bcc;"), out);
    }

    @Test
    void planTakesTheReferencesARunLeftInTheSharedCache(@TempDir Path dir) throws IOException {
        // a run of one campaign stores its references in the shared cache; a plan of another campaign on the same
        // potential and settings (another repository) shows them from there instead of computing them again
        Path cache = dir.resolve("cache");
        Path first = Files.writeString(dir.resolve("first.yaml"), """
                name: cli-cache-a
                space: {elements: [Cu, Ni], orders: [1], step: 1}
                structure: {prototypes: [fcc], supercell: [2, 2, 2]}
                method: {potential: CuNi.eam.alloy}
                """);
        CliTest.Result run = CliTest.exec("run", first.toString(), "--out", dir.resolve("a").toString(), "--cache",
                cache.toString(), "--master", "local[1]", "--no-progress");
        assertEquals(ExitCodes.OK, run.code(), run.out() + run.err());
        Path second = Files.writeString(dir.resolve("second.yaml"), """
                name: cli-cache-b
                space: {elements: [Cu, Ni], orders: [2], step: 0.5}
                structure: {prototypes: [fcc], supercell: [2, 2, 2]}
                method: {potential: CuNi.eam.alloy}
                """);
        CliTest.Result plan = CliTest.exec("plan", second.toString(), "--out", dir.resolve("b").toString(), "--cache",
                cache.toString());
        assertEquals(ExitCodes.OK, plan.code(), plan.err());
        assertTrue(plan.out().contains("elastic constants; cached in ") && plan.out().contains(cache.toString()),
                plan.out());
        CliTest.Result without = CliTest.exec("plan", second.toString(), "--out", dir.resolve("b").toString(),
                "--no-cache");
        assertTrue(without.out().contains("elastic constants; computed in"), without.out());
    }
}
