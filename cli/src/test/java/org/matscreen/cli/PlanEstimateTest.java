package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.plan.CostModel;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.result.MethodInfo;
import org.matscreen.core.result.Provenance;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.structure.Prototype;
import org.matscreen.repository.ChunkWriter;
import org.matscreen.repository.Records;
import org.matscreen.repository.RepositoryLayout;

/**
 * {@code plan}'s estimate: measured candidates of the same method replace the prior, scaled to the campaign's cell;
 * fixed costs are added; the basis and the range are stated. Expected values are hand calculations from the records
 * written here.
 */
class PlanEstimateTest {
    static final String CAMPAIGN = """
            name: cuni-plan
            space: {elements: [Cu, Ni], orders: [1, 2], step: 0.05}
            structure: {prototypes: [fcc], supercell: [5, 3, 3]}
            method: {potential: CuNi.eam.alloy, properties: {eos: true, elastic: true}}
            screening: {objectives: ["min dh_mix_ev_per_atom", "min price_usd_per_kg"]}
            """;

    @TempDir
    Path dir;

    Path file;
    PreparedCampaign pc;

    @BeforeEach
    void campaign() throws IOException {
        file = dir.resolve("cuni-plan.yaml");
        Files.writeString(file, CAMPAIGN);
        pc = PreparedCampaign.load(file, MatscreenConfig.load());
    }

    /**
     * Ten computed records of 32-atom cells with this campaign's method, wall seconds 0.32, 0.64, ..., 3.2: 0.01 to
     * 0.10 s per atom.
     */
    private void measured(Path repo, String potentialKey, PropertySettings properties, long firstIndex) {
        List<CandidateResult> records = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            CandidateResult r = Records.ok("Cu0.5Ni0.5", firstIndex + i);
            var spec = pc.potentials().spec();
            var potential = potentialKey == null ? spec : new org.matscreen.core.sim.PotentialSpec(spec.name(),
                    potentialKey, spec.pairStyle(), spec.elements(), spec.citation());
            MethodInfo method = new MethodInfo("lammps", potential, pc.spec().method().relax(), properties);
            Provenance p = new Provenance("0.1.0", "abc", "LAMMPS", "host", 0, 1, 0.32 * i, 0.3 * i,
                    Provenance.COMPUTED);
            records.add(new CandidateResult(r.id(), "earlier", r.candidateIndex(), r.composition(),
                    r.cellComposition(), r.recipe(), r.startingLatticeParameterAngstrom(), r.status(), r.errorText(),
                    r.relaxed(), r.properties(), r.relaxation(), r.eosVolumesA3PerAtom(), r.eosEnergiesEvPerAtom(),
                    r.elastic(), r.descriptors(), r.warrenCowley(), method, r.potentialFile(), p, r.visibility()));
        }
        new ChunkWriter(new RepositoryLayout(repo.toString(), new Configuration())).commit(records);
    }

    private CostEstimate estimate(Path repo, Path cache) {
        return CostEstimate.of(pc.spec(), pc.potentials(), pc.space().systems(), pc.space().size(), 2,
                repo.toString(), cache == null ? null : cache.toString());
    }

    @Test
    void withoutMeasurementsTheEstimateIsThePriorAndSaysSo() {
        CostEstimate e = estimate(dir.resolve("none"), dir.resolve("no-cache"));
        CostEstimate.PerCandidate fcc = e.perCandidate().get(Prototype.FCC);
        assertEquals(CostModel.prior(pc.spec()).seconds(Prototype.FCC), fcc.median(), 0);
        assertEquals(fcc.low(), fcc.high(), 0, "a prior has no range");
        assertTrue(e.basis().startsWith("prior only, no measurement"), e.basis());
        // references: Cu and Ni in fcc, bcc and hcp = 6 calculations, 3 per core at 0.20 s each
        assertEquals(0.6, e.referenceSeconds(), 1e-12);
        assertEquals(CostEstimate.STARTUP_SECONDS + 0.6, e.fixedSeconds(), 1e-12);
        assertEquals(21, e.candidates());
    }

    @Test
    void measuredCandidatesOfTheSameMethodGiveTheMedianAndRangeScaledToTheCell() {
        Path repo = dir.resolve("repo");
        measured(repo, null, pc.spec().method().properties(), 0);
        CostEstimate e = estimate(repo, null);
        CostEstimate.PerCandidate fcc = e.perCandidate().get(Prototype.FCC);
        // per atom 0.01 ... 0.10 s; median (0.05 + 0.06) / 2 = 0.055 s; 180 atoms: 9.9 s
        assertEquals(180, fcc.atoms());
        assertEquals(0.055 * 180, fcc.median(), 1e-9);
        // 10th percentile at position 0.9 of 9: 0.01 + 0.9 × 0.01 = 0.019; 90th at 8.1: 0.091
        assertEquals(0.019 * 180, fcc.low(), 1e-9);
        assertEquals(0.091 * 180, fcc.high(), 1e-9);
        assertEquals(10, e.measured());
        assertTrue(e.basis().startsWith("measured: median of 10 computed candidates with the same potential"),
                e.basis());
        // 21 candidates × 9.9 s / 2 cores
        assertEquals(21 * 9.9 / 2, e.screeningSeconds(CostEstimate.PerCandidate::median), 1e-9);
    }

    @Test
    void theCacheCountsOnceAnotherProtocolNotAtAllAndAnotherPotentialByPairStyle() {
        Path repo = dir.resolve("repo");
        Path cache = dir.resolve("cache");
        measured(repo, null, pc.spec().method().properties(), 0);
        measured(cache, null, pc.spec().method().properties(), 0); // the same ids: counted once
        assertEquals(10, estimate(repo, cache).measured());

        Path other = dir.resolve("other-protocol");
        measured(other, null, PropertySettings.NONE, 0);
        assertTrue(estimate(other, null).basis().startsWith("prior only"), "relaxation-only costs say nothing"
                + " about the full protocol");

        Path family = dir.resolve("same-style");
        measured(family, "f".repeat(64), pc.spec().method().properties(), 100);
        CostEstimate e = estimate(family, null);
        assertTrue(e.basis().contains("same pair style (eam/alloy)"), e.basis());
        assertEquals(0.055 * 180, e.perCandidate().get(Prototype.FCC).median(), 1e-9);
    }

    @Test
    void planPrintsTheBasisTheFixedCostsAndThePriceNotes() {
        CliTest.Result r = CliTest.exec("plan", file.toString(), "--no-references", "--out",
                dir.resolve("none").toString(),
                "--no-cache");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("basis: prior only, no measurement"), r.out());
        // 1.78 s + 3 waves of 0.20 s on 2 cores (CostEstimate's bench/run.sh figures)
        assertTrue(r.out().contains("fixed: 2.4 s = JVM and Spark start-up 1.8 s (bench/run.sh figure) +"
                + " pure-element references 0.60 s (6 calculations at 0.2 s each per core"), r.out());
        assertTrue(r.out().contains("note: price_usd_per_kg: element prices of 2013"), r.out());
        Path repo = dir.resolve("repo");
        measured(repo, null, pc.spec().method().properties(), 0);
        CliTest.Result m = CliTest.exec("plan", file.toString(), "--no-references", "--out", repo.toString(),
                "--no-cache");
        assertTrue(m.out().contains("per candidate, fcc (180 atoms): 9.9 s (range 3.4 s to 16 s)"), m.out());
        assertTrue(m.out().contains("candidates: 21 on 2 cores: 104 s (range 36 s to 3 min)"), m.out());
    }
}
