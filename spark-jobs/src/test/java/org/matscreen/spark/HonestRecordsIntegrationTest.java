package org.matscreen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.campaign.CampaignLoader;
import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.properties.RecordFlag;
import org.matscreen.core.properties.ReferenceEnergies;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.sim.RelaxMode;
import org.matscreen.core.sim.Status;
import org.matscreen.core.space.CandidateSpace;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.sim.CodeOptions;
import org.matscreen.potential.PotentialRegistry;
import org.matscreen.potential.PotentialResolver;
import org.matscreen.core.sim.PotentialSource;
import org.matscreen.repository.ReferenceStore;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;

/**
 * Acceptance (a) and (b) of issue 13 on real LAMMPS through the whole engine. (a) Under the Zhou 2004 potentials,
 * Fe-rich Fe–Ni–Cr is not stable as fcc and copper not as bcc: their records are flagged, their mixing enthalpies are
 * still the energies of the requested prototype (shape-fixed, against same-prototype references), and the ranking
 * leaves them out while it keeps the stable fcc Ni–Cr. (b) Cu–Ni fcc with the Onat–Durukanoglu potential stays
 * fcc: every record retained, unflagged and ranked.
 */
@Tag("integration")
@Tag("lammps")
@Tag("spark")
class HonestRecordsIntegrationTest {
    static final String UNSTABLE = """
            name: unstable-prototypes
            space: {compositions: [Cr0.1Fe0.7Ni0.2, Cr0.2Ni0.8, Cu]}
            structure:
              prototypes: [fcc, bcc]
              supercell: {fcc: [5, 2, 2], bcc: [5, 4, 4]}
            method:
              potential: zhou2004
              properties: {eos: false, elastic: true}
              timeout_seconds: 300
            screening: {objectives: ["min dh_mix_ev_per_atom"], top: 6}
            """;
    static final String CUNI = """
            name: cuni-stays-fcc
            space: {elements: [Cu, Ni], orders: [1, 2], step: 0.25}
            structure: {prototypes: [fcc], supercell: [2, 2, 2]}
            method: {potential: CuNi.eam.alloy, properties: {eos: true, elastic: true}}
            screening: {objectives: ["min dh_mix_ev_per_atom", "max bulk_modulus_gpa"], top: 5}
            """;

    @TempDir
    static Path dir;
    static SparkSession spark;
    static CodeOptions lammps;

    @BeforeAll
    static void start() {
        spark = SparkSessionFactory.create("local[2]", Map.of());
        lammps = LammpsOptions.local();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static RunSummary run(String yaml, String name) {
        CampaignSpec spec = CampaignLoader.parse(yaml, name + ".yaml");
        CandidateSpace space = CandidateSpace.of(spec.space(), spec.structure().prototypes(), spec.structure().samples(),
                spec.source());
        PotentialSource potentials = new PotentialResolver(PotentialRegistry.standard(), dir.resolve("potentials"))
                .resolve(spec.method(), space.systems(), spec.source());
        return ScreeningJob.run(spark, spec, yaml, potentials, ScreeningJob.Options.simple(
                dir.resolve(name).toString(), false, 2, 10, lammps));
    }

    static CandidateResult find(List<CandidateResult> records, String formula, Prototype p) {
        return records.stream().filter(r -> r.composition().formula().equals(formula)
                && r.recipe().prototype() == p).findFirst().orElseThrow();
    }

    @Test
    void unstablePrototypesAreFlaggedKeepTheirPrototypeEnthalpyAndDropOutOfRanking() {
        RunSummary s = run(UNSTABLE, "unstable");
        assertEquals(Map.of("ok", 6L), s.statusCounts());
        RepositoryLayout layout = new RepositoryLayout(dir.resolve("unstable").toString(), new Configuration());
        List<CandidateResult> records = new ResultReader(layout).readAll();
        ReferenceEnergies refs = new ReferenceStore(layout).all().get(0);

        CandidateResult feRich = find(records, "Cr0.1Fe0.7Ni0.2", Prototype.FCC);
        assertEquals(RelaxMode.BOTH, feRich.method().relax().mode(), "the default mode");
        assertTrue(feRich.flags().contains(RecordFlag.PROTOTYPE_UNSTABLE), feRich.flags().toString());
        assertTrue(feRich.metric("free_energy_gain_ev_per_atom") > 0.01, "the free relaxation gains energy");
        // Held cubic, the cell stays mostly fcc; with the recipe's tolerances a few Fe-rich sites (5 of 40) distort
        // locally, which CNA reports and the record names ("mixed") rather than hiding.
        assertTrue(feRich.metric("cna_fcc_fraction") >= 0.8, "shape-fixed, the cell stays mostly fcc: "
                + feRich.metric("cna_fcc_fraction"));
        assertEquals("bcc", feRich.properties().text("free_structure_after"), "free, it slides to bcc");
        assertTrue(feRich.metric("free_cell_shape_strain") > 0.2, "the free cell left the fcc shape");
        // the mixing enthalpy is the shape-fixed fcc energy against the fcc references
        double ref = 0.1 * refs.find("Cr", Prototype.FCC).orElseThrow().energyPerAtomEv()
                + 0.7 * refs.find("Fe", Prototype.FCC).orElseThrow().energyPerAtomEv()
                + 0.2 * refs.find("Ni", Prototype.FCC).orElseThrow().energyPerAtomEv();
        assertEquals(feRich.metric("energy_per_atom_ev") - ref, feRich.metric("dh_mix_ev_per_atom"), 1e-12);
        assertEquals(feRich.relaxed().lattice().length(0) / 5, feRich.relaxed().lattice().length(1) / 2, 1e-9,
                "shape-fixed: the 5x2x2 fcc cell keeps its cubic edges");

        CandidateResult bccCu = find(records, "Cu", Prototype.BCC);
        assertEquals(Boolean.FALSE, bccCu.properties().bool("mechanically_stable"), "bcc Cu: C11 < C12");
        assertTrue(bccCu.metric("c11_gpa") < bccCu.metric("c12_gpa"));
        assertTrue(bccCu.flags().containsAll(Set.of(RecordFlag.MECHANICALLY_UNSTABLE,
                RecordFlag.PROTOTYPE_UNSTABLE, RecordFlag.UNSTABLE_REFERENCE)), bccCu.flags().toString());
        assertEquals("fcc", bccCu.properties().text("free_structure_after"), "the Bain path ends at fcc");
        assertEquals(Boolean.FALSE, refs.find("Cu", Prototype.BCC).orElseThrow().mechanicallyStable(),
                "the reference itself is flagged unstable");

        CandidateResult niCr = find(records, "Cr0.2Ni0.8", Prototype.FCC);
        assertEquals(Set.of(), niCr.flags(), "fcc Ni-Cr is a stable solid solution under this potential");
        assertEquals(Boolean.TRUE, niCr.properties().bool("prototype_retained"));

        List<String> ranked = s.top().stream().map(r -> r.entry().id()).toList();
        assertTrue(ranked.contains(niCr.id()), "the stable candidate is ranked");
        assertFalse(ranked.contains(feRich.id()), "fcc Fe-Ni-Cr drops out as unstable");
        assertFalse(ranked.contains(bccCu.id()), "bcc Cu drops out as unstable");
        for (CandidateResult r : records) {
            boolean excluded = r.flags().stream().anyMatch(RecordFlag::excludesFromRanking);
            assertEquals(!excluded, ranked.contains(r.id()), r.composition().formula() + " "
                    + r.recipe().prototype().key() + " " + r.flags());
        }
        assertTrue(s.counts().excluded() >= 2, "the summary counts what it left out: " + s.counts());
    }

    @Test
    void copperNickelStaysFccRetainedUnflaggedAndRanked() {
        RunSummary s = run(CUNI, "cuni");
        List<CandidateResult> records = new ResultReader(new RepositoryLayout(dir.resolve("cuni").toString(),
                new Configuration())).readAll();
        assertEquals(5, records.size());
        for (CandidateResult r : records) {
            assertEquals(Status.OK, r.status(), r.errorText());
            String what = r.composition().formula();
            assertEquals(Set.of(), r.flags(), what);
            assertEquals("fcc", r.properties().text("structure_after"), what);
            assertEquals(1.0, r.metric("cna_fcc_fraction"), 1e-12, what);
            assertEquals(Boolean.TRUE, r.properties().bool("prototype_retained"), what);
            assertEquals(Boolean.TRUE, r.properties().bool("prototype_stable"), what);
            assertEquals(Boolean.TRUE, r.properties().bool("mechanically_stable"), what);
            // A 32-atom random cell may shear slightly when its shape is free (up to 0.2 meV/atom and 1 % strain
            // measured), far from the Bain path's 80 meV/atom and 40 % of the Fe-rich cell above.
            assertTrue(r.metric("free_energy_gain_ev_per_atom") < 1e-3, what + ": the free relaxation finds nothing");
            assertTrue(r.metric("free_cell_shape_strain") < 0.02, what + ": the free cell keeps its shape");
            assertTrue(r.metric("cell_shape_strain") < 1e-6, what + ": shape-fixed");
        }
        assertEquals(5, s.top().size(), "every candidate ranked");
        assertEquals(0, s.counts().excluded());
    }
}
