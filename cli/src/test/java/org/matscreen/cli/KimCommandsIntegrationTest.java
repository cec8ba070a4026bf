package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.kim.KimApi;

/**
 * {@code kim:<id>} campaigns, {@code potentials} and {@code plan}'s fit warning against the installed KIM API and
 * openkim-models (no LAMMPS run: everything here happens before Spark starts).
 */
@Tag("integration")
@Tag("kim")
class KimCommandsIntegrationTest {
    static final String CHOI = "kim:MEAM_LAMMPS_ChoiJoSohn_2018_CoNiCrFeMn__MO_115454747503_000";

    @TempDir
    Path dir;

    @BeforeAll
    static void kimApiInstalled() {
        KimApi.Located k = KimApi.locate();
        if (!k.found() && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("in CI the KIM API is installed (scripts/setup.sh), but: " + k.fix());
        }
        assumeTrue(k.found(), k.found() ? "" : k.fix());
    }

    Path campaign(String potential, String elements, String objective) throws IOException {
        return Files.writeString(dir.resolve("c.yaml"), "name: kim-test\n"
                + "space: {elements: " + elements + ", orders: [4], step: 0.25}\n"
                + "structure: {prototypes: [fcc], supercell: [2, 2, 2]}\n"
                + "method: {potential: \"" + potential + "\"}\n"
                + "screening: {objectives: [\"" + objective + "\"]}\n");
    }

    static Path shipped(String name) {
        Path p = Path.of("..", "configs", name);
        return Files.exists(p) ? p : Path.of("configs", name);
    }

    @Test
    void shippedKimCampaignsValidateWithTheirCostClass() {
        String[][] cases = {{"cantor-family.yaml", "meam x9.4"}, {"nialco-superalloy.yaml", "kim-eam x3.2"},
            {"al-light-alloys.yaml", "meam x9.4"}, {"nbmotaw-refractory.yaml", "snap x60"}};
        for (String[] c : cases) {
            CliTest.Result r = CliTest.exec("plan", "--no-references", shipped(c[0]).toString());
            assertEquals(ExitCodes.OK, r.code(), c[0] + ": " + r.err());
            assertTrue(r.out().contains("cost class " + c[1]), r.out());
            assertFalse(r.out().contains("warning:"), c[0] + " uses a potential fitted to all its pairs: " + r.out());
        }
    }

    @Test
    void shippedEnsembleCampaignBuildsEveryMembersCells() {
        // plan refuses ensembles (its estimate counts one potential); a dry run resolves both KIM members, enumerates
        // the 28 compositions once per member and builds every cell on the executors.
        CliTest.Result r = CliTest.exec("run", "--dry-run", shipped("fenicr-austenitic.yaml").toString(), "--out",
                dir.resolve("fenicr-dry").toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("56 candidates") && r.out().contains("potential ensemble kim:EAM_Dynamo_Bonny")
                && r.out().contains("+ kim:EAM_Dynamo_MendelevBorovikov_2020"), r.out());
        assertTrue(r.out().contains("{planned=56}"), r.out());
    }

    @Test
    void planWarnsWhenAMixingRuleRanksEnergiesAndSuggestsFittedModels() throws IOException {
        CliTest.Result r = CliTest.exec("plan", "--no-references", campaign("zhou2004", "[Co, Cr, Fe, Ni]",
                "min dh_form_ev_per_atom").toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("warning: the campaign filters or ranks by dh_form_ev_per_atom, but potential"
                + " zhou2004 was fitted to none of the 6 unlike pairs"), r.out());
        assertTrue(r.out().contains(CHOI + " (MEAM, fitted to Co-Ni-Cr-Fe-Mn"), r.out());
        CliTest.Result stiffness = CliTest.exec("plan", "--no-references", campaign("zhou2004", "[Co, Cr, Fe, Ni]",
                "max bulk_modulus_gpa").toString());
        assertFalse(stiffness.out().contains("warning:"), "no energy ranked, no warning: " + stiffness.out());
    }

    @Test
    void aLammpsLibraryWithoutTheKimPackageIsRefusedBeforeSpark() throws IOException {
        // the serial build (scripts/build-lammps-serial.sh, which the suite's setup builds) has exceptions but no KIM
        // package; in-process sessions on it would fail every candidate at 'kim init'
        String env = System.getenv("MATSCREEN_SERIAL_LAMMPS_LIB");
        Path serial = env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"),
                ".cache", "matscreen", "lammps-serial-20220106", "liblammps_serial.so");
        if (!Files.isRegularFile(serial)) {
            String why = "no serial LAMMPS at " + serial + " (scripts/build-lammps-serial.sh builds it)";
            assertFalse("true".equals(System.getenv("CI")), why);
            assumeTrue(false, why);
        }
        Path f = campaign(CHOI, "[Co, Cr, Fe, Ni]", "max bulk_modulus_gpa");
        // A JVM of its own, as a user's command has: in this test JVM Debian's library is loaded already, and the
        // serial library's package query would bind to its symbols (RTLD_GLOBAL) and report Debian's packages.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Processes.Result r = Processes.run(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.matscreen.cli.Main", "run", f.toString(), "--out", dir.resolve("nokim").toString(),
                "--lammps-lib", serial.toString(), "--no-cache"), Map.of(), dir, 120);
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.output());
        assertTrue(r.output().contains("method.potential") && r.output().contains("KIM package")
                && r.output().contains(serial.toString()), r.output());
        assertFalse(Files.exists(dir.resolve("nokim")), "nothing was started");
    }

    @Test
    void hostileAndUnknownModelIdsAreInputErrorsBeforeSpark() throws IOException {
        String[][] cases = {
            {"kim:../../tmp/evil", "never by a path"},
            {"kim:EAM_X\\nkim query a_lattice fcc", "line break"},
            {"kim:EAM_X kim query", "whitespace"},
            {"kim:EAM_Dynamo_Nobody_2099_XY__MO_000000000000_000", "no KIM portable model"},
        };
        for (String[] c : cases) {
            Path f = campaign(c[0], "[Co, Cr, Fe, Ni]", "max bulk_modulus_gpa");
            CliTest.Result r = CliTest.exec("run", f.toString(), "--out", dir.resolve("out").toString());
            assertEquals(ExitCodes.INVALID_INPUT, r.code(), c[0] + ": " + r.err() + r.out());
            assertTrue(r.err().contains(f.toString()) && r.err().contains("method.potential")
                    && r.err().contains(c[1]), c[0] + ": " + r.err());
            assertFalse(Files.exists(dir.resolve("out")), "nothing was started for " + c[0]);
        }
        CliTest.Result uncovered = CliTest.exec("plan", "--no-references", campaign(CHOI, "[Co, Cr, Fe, Al]",
                "max bulk_modulus_gpa").toString());
        assertEquals(ExitCodes.INVALID_INPUT, uncovered.code());
        assertTrue(uncovered.err().contains("[Al]"), uncovered.err());
    }

    @Test
    void potentialsListsKimModelsWithFitScopeAndTheZhouFamily() {
        CliTest.Result r = CliTest.exec("potentials", "--elements", "Ni,Al");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("kim:EAM_Dynamo_Mishin_2004_NiAl__MO_101214310689_005\n  kim       EAM"), r.out());
        assertTrue(r.out().contains("fit: fitted to Ni-Al"), r.out());
        assertTrue(r.out().contains("doi:10.1016/j.actamat.2003.11.026"), r.out());
        assertTrue(r.out().contains("zhou2004\n  generated EAM"), r.out());
        assertTrue(r.out().contains("fit: mixing rule"), r.out());
        assertFalse(r.out().contains("kim:MEAM_LAMMPS_ChoiJoSohn"), "Choi 2018 has no Al: " + r.out());
        CliTest.Result bad = CliTest.exec("potentials", "--elements", "Ni,Xx");
        assertEquals(ExitCodes.INVALID_INPUT, bad.code());
    }
}
