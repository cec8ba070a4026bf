package org.matscreen.optimade;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.properties.CandidateProperties;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.result.MethodInfo;
import org.matscreen.core.result.Provenance;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PotentialSpec;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.Relaxation;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Status;
import org.matscreen.core.sim.StrainStress;
import org.matscreen.core.structure.AtomCounts;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.structure.Supercell;
import org.matscreen.core.structure.SupercellBuilder;
import org.matscreen.optimade.access.Tokens;
import org.matscreen.optimade.config.ConfigLoader;
import org.matscreen.optimade.config.ServerConfig;
import org.matscreen.optimade.index.IndexBuilder;
import org.matscreen.optimade.index.StructureIndex;
import org.matscreen.repository.ChunkWriter;
import org.matscreen.repository.RepositoryLayout;

/**
 * Realistic records in a repository written by {@link ChunkWriter}, covering every visibility case, and the server
 * configuration with two groups that the tests use. The clock of every test is {@link #NOW}.
 */
public final class Fixtures {
    /** The date of every test: embargoes ending after it are running, before it are over. */
    public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    public static final String TOKEN_A = "msk_test-token-of-alice-in-group-a-000000000000";
    public static final String TOKEN_A2 = "msk_test-token-of-anna-in-group-a-0000000000000";
    public static final String TOKEN_B = "msk_test-token-of-bob-in-group-b-00000000000000";

    public static final PotentialRef ZHOU = new PotentialRef("AlCoCrCuFeMnMoNbNiTaTiVW.eam.alloy",
            "/tmp/potentials/AlCoCrCuFeMnMoNbNiTaTiVW.eam.alloy", "ab12".repeat(16), "eam/alloy",
            List.of("Al", "Co", "Cr", "Cu", "Fe", "Mn", "Mo", "Nb", "Ni", "Ta", "Ti", "V", "W"),
            "X. W. Zhou, R. A. Johnson, H. N. G. Wadley, Phys. Rev. B 69, 144113 (2004)");
    public static final PotentialRef CUNI = new PotentialRef("CuNi.eam.alloy", "/usr/share/lammps/potentials/CuNi.eam.alloy",
            "9f".repeat(32), "eam/alloy", List.of("Ni", "Cu"), "Onat and Durukanoglu (2014)");

    public static final PotentialRef TIAL = new PotentialRef("TiAl.eam.alloy", "/tmp/potentials/TiAl.eam.alloy",
            "c0de".repeat(16), "eam/alloy", List.of("Ti", "Al"), "Zope and Mishin, Phys. Rev. B 68, 024102 (2003)");

    private Fixtures() {}

    /** A finished record with every field filled. */
    public static CandidateResult ok(String id, String campaign, String formula, long index, Prototype prototype,
            PotentialRef potential, Visibility visibility, double dhMix, long finishedAtMs) {
        Composition c = Composition.parse(formula).normalized();
        Supercell sc = prototype == Prototype.BCC ? new Supercell(5, 2, 2) : new Supercell(2, 2, 2);
        StructureRecipe recipe = StructureRecipe.random(prototype, sc, 0);
        double a = prototype == Prototype.BCC ? 3.1 : 3.6;
        var built = SupercellBuilder.build(c, recipe, a, index);
        double[][] plus = new double[6][6];
        double[][] minus = new double[6][6];
        for (int j = 0; j < 6; j++) {
            for (int i = 0; i < 6; i++) {
                plus[j][i] = 0.1 * i + j + 0.5;
                minus[j][i] = -0.1 * i - j;
            }
        }
        CandidateProperties p = CandidateProperties.builder()
                .put("energy_per_atom_ev", -3.9 - index * 1e-3)
                .put("volume_per_atom_a3", 11.5)
                .put("lattice_a_angstrom", a)
                .put("lattice_b_angstrom", a)
                .put("lattice_c_angstrom", a)
                .put("lattice_parameter_angstrom", a)
                .put("dh_mix_ev_per_atom", dhMix)
                .put("dh_form_ev_per_atom", dhMix + 0.001)
                .put("density_g_per_cm3", 8.9)
                .put("bulk_modulus_gpa", 160.5 + index)
                .put("bulk_modulus_prime", 4.8)
                .put("eos_rms_residual_ev_per_atom", 2e-6)
                .put("c11_gpa", 205.1)
                .put("c12_gpa", 136.2)
                .put("c44_gpa", 98.5)
                .put("elastic_symmetry_deviation_gpa", 0.6)
                .put("shear_modulus_gpa", 60.1)
                .put("pugh_ratio", 2.67)
                .build();
        Map<String, Double> descriptors = new LinkedHashMap<>();
        descriptors.put("vec", 8.0 + index % 3);
        descriptors.put("delta_pct", 1.2 + index * 0.1);
        descriptors.put("hhi_production", 1500.0 + 100 * index);
        return new CandidateResult(id, campaign, index, c, AtomCounts.of(c, recipe.sites()).composition(), recipe, a,
                Status.OK, "", built.structure().withLattice(built.structure().lattice().scaled(1.01)), p,
                new Relaxation(true, 1, 300, "force tolerance", 0, 1e-7, 0.01), new double[] {11, 11.5, 12},
                new double[] {-3.8, -3.9, -3.85}, new StrainStress(0.005, plus, minus), descriptors,
                prototype == Prototype.BCC ? warrenCowley(c.size()) : null,
                new MethodInfo("lammps", PotentialSpec.of(potential), RelaxSettings.DEFAULT, PropertySettings.DEFAULT),
                potential, new Provenance("0.1.0", "abc123", "LAMMPS 29 Sep 2021", "node7", finishedAtMs - 5000,
                        finishedAtMs, 5.0, 4.5, Provenance.COMPUTED), visibility);
    }

    /** Warren–Cowley parameters of one neighbour shell for n elements, as an SQS search records them. */
    static double[][][] warrenCowley(int n) {
        double[][][] wc = new double[1][n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                wc[0][i][j] = i == j ? 0.02 * (i + 1) : -0.01 * (i + j);
            }
        }
        return wc;
    }

    /** A calculation that crashed: no structure, no properties. */
    public static CandidateResult crashed(String id, String formula, long index, Visibility visibility) {
        Composition c = Composition.parse(formula).normalized();
        StructureRecipe r = StructureRecipe.random(Prototype.BCC, new Supercell(3, 3, 3), 0);
        return new CandidateResult(id, "hea-screen", index, c, AtomCounts.of(c, r.sites()).composition(), r, 2.9,
                Status.CRASHED, "ERROR: Invalid eam/alloy potential file\nLast command: pair_coeff", null, null, null,
                null, null, null, Map.of(), null, new MethodInfo("lammps", PotentialSpec.of(ZHOU),
                        RelaxSettings.DEFAULT, PropertySettings.DEFAULT), ZHOU,
                new Provenance("0.1.0", "abc123", "LAMMPS 29 Sep 2021", "node7", 1L, 2L, 0.1, 0.0,
                        Provenance.COMPUTED), visibility);
    }

    static long ms(String date) {
        return Instant.parse(date + "T10:00:00Z").toEpochMilli();
    }

    /**
     * The standard test records: public, consortium, embargoed by group A (running), by group B (running), by group A
     * (over), and one crashed calculation.
     */
    public static List<CandidateResult> standard() {
        Visibility pub = Visibility.PUBLIC;
        Visibility consortium = new Visibility(Visibility.Level.CONSORTIUM, null, "groupA");
        Visibility embA = new Visibility(Visibility.Level.EMBARGOED, LocalDate.of(2027, 1, 31), "groupA");
        Visibility embB = new Visibility(Visibility.Level.EMBARGOED, LocalDate.of(2027, 1, 31), "groupB");
        Visibility expiredA = new Visibility(Visibility.Level.EMBARGOED, LocalDate.of(2026, 3, 31), "groupA");
        List<CandidateResult> r = new ArrayList<>();
        r.add(ok("pub-cuni", "cuni", "Cu0.5Ni0.5", 0, Prototype.FCC, CUNI, pub, 0.012, ms("2025-11-02")));
        r.add(ok("pub-cu", "cuni", "Cu", 1, Prototype.FCC, CUNI, pub, 0.0, ms("2025-11-03")));
        r.add(ok("pub-cocrfeni", "hea-screen", "CoCrFeNi", 2, Prototype.FCC, ZHOU, pub, -0.031, ms("2026-01-10")));
        r.add(ok("cons-alcocrfeni", "hea-screen", "AlCoCrFeNi", 3, Prototype.BCC, ZHOU, consortium, -0.052,
                ms("2026-01-11")));
        r.add(ok("cons-monbtaw", "hea-screen", "MoNbTaW", 4, Prototype.BCC, ZHOU, consortium, -0.071,
                ms("2026-01-12")));
        r.add(ok("emb-a-crfeni", "hea-screen", "Cr0.25Fe0.25Ni0.5", 5, Prototype.FCC, ZHOU, embA, 0.004,
                ms("2026-02-01")));
        r.add(ok("emb-b-alti", "ti-alloys", "Al0.25Ti0.75", 6, Prototype.HCP, TIAL, embB, -0.12, ms("2026-02-02")));
        r.add(ok("exp-a-conimn", "hea-screen", "Co0.25Mn0.25Ni0.5", 7, Prototype.FCC, ZHOU, expiredA, 0.021, ms("2025-12-01")));
        r.add(crashed("fail-vw", "VW", 8, pub));
        return r;
    }

    /** Writes {@code records} into a new repository at {@code dir} (one commit per record: several chunk files). */
    public static RepositoryLayout repository(Path dir, List<CandidateResult> records) {
        RepositoryLayout layout = new RepositoryLayout(dir.toString(), new Configuration());
        ChunkWriter w = new ChunkWriter(layout);
        for (CandidateResult r : records) {
            w.commit(List.of(r));
        }
        return layout;
    }

    /** The test configuration: groups A (alice, anna) and B (bob), small page limits. */
    public static ServerConfig config() {
        return ConfigLoader.parse("""
                provider: {name: Test consortium, description: matscreen test provider, prefix: matscreen}
                database: {id: test, name: test database, description: fixture records}
                limits: {default_page_limit: 3, max_page_limit: 50}
                groups:
                  groupA:
                    members: {alice: "%s", anna: "%s"}
                  groupB:
                    members: {bob: "%s"}
                """.formatted(Tokens.digest(TOKEN_A), Tokens.digest(TOKEN_A2), Tokens.digest(TOKEN_B)), "test");
    }

    public static StructureIndex index(RepositoryLayout layout, ServerConfig config) {
        return IndexBuilder.build(layout, new IndexBuilder.Options(config.includeFailed(), config.embargoPolicy(),
                16L << 20), line -> { });
    }
}
