package org.matscreen.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.properties.PropertyRegistry;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxMode;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Step;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.structure.Supercell;
import org.matscreen.core.structure.SupercellBuilder;
import org.matscreen.core.util.Hashing;
import org.matscreen.lammps.LammpsCalculator;
import org.matscreen.lammps.jna.Lammps;
import org.matscreen.lammps.jna.LammpsLibrary;
import org.matscreen.lammps.jna.LammpsNative;
import org.matscreen.lammps.jna.LibraryLocator;
import org.matscreen.potential.ZhouEamGenerator;

/**
 * The identical-protocol peers of bench/run.sh's section 1 must run exactly what {@code LammpsCalculator} runs for a
 * shape-fixed campaign with properties off: the native-limit loop ({@link RelaxLoop}), the python3-lammps pool
 * ({@code bench/python/relax_pool.py}) and the {@code lmp} input deck ({@link LmpDeck} through
 * {@code bench/lmp-one.sh}) each give the calculator's energy to 1e-12 eV/atom, its number of minimisations and its
 * acceptance verdict; the native loop also its common-neighbour classes. Two cells exercise both ends of the recipe:
 * a Cu–Ni cell accepted after one minimisation, and a Zhou 2004 Co–Cr–Fe–Ni cell that stalls on the tabulated
 * potential's kinks (bench/RELAXATION-RECIPE.md: "linesearch alpha is zero" well above 1e-3 eV/Å), so it restarts and
 * the rule that a restart gaining less than 1e-9 eV/atom ends the attempts decides where it stops. If the calculator's
 * relaxation changes and the bench does not follow, this fails before a benchmark compares unlike things.
 */
@Tag("lammps")
@Tag("python")
@Tag("integration")
class IdenticalProtocolIntegrationTest {
    static final Path CU_NI = Path.of("/usr/share/lammps/potentials/CuNi.eam.alloy");
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path POOL = Path.of("python", "relax_pool.py").toAbsolutePath();
    static final Path LMP_ONE = Path.of("lmp-one.sh").toAbsolutePath();
    static final RelaxSettings SHAPE_FIXED = RelaxSettings.DEFAULT.withMode(RelaxMode.SHAPE_FIXED);

    @Test
    void cuNiCellAcceptedAtOnceIsRelaxedAlikeByEveryPeer(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        LibraryLocator.Result lib = LibraryLocator.locate(null);
        require(lib.found() && Files.isRegularFile(CU_NI), "needs liblammps0 and lammps-data (scripts/setup.sh)");
        PotentialRef pot = new PotentialRef("CuNi.eam.alloy", CU_NI.toString(), Hashing.sha256Hex(CU_NI),
                "eam/alloy", List.of("Ni", "Cu"), "Onat and Durukanoglu 2014");
        var s = SupercellBuilder.build(Composition.parse("Cu0.5Ni0.5"),
                StructureRecipe.random(Prototype.FCC, new Supercell(3, 3, 3), 0.0), 3.57, 7).structure();
        CalculationOutcome expected = compareAll(dir, lib.path(), pot, s);
        assertTrue(expected.relaxation().converged());
        assertEquals(1, expected.relaxation().minimisations());
    }

    @Test
    void zhouCellThatStallsEndsWhereTheRestartRuleEndsItForEveryPeer(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        LibraryLocator.Result lib = LibraryLocator.locate(null);
        require(lib.found(), "needs liblammps0 (scripts/setup.sh)");
        List<String> elements = List.of("Co", "Cr", "Fe", "Ni");
        PotentialRef pot = new ZhouEamGenerator().generate(elements, elements, dir.resolve("potentials"))
                .toPotentialRef();
        var s = SupercellBuilder.build(Composition.parse("Co0.2Cr0.2Fe0.3Ni0.3"),
                StructureRecipe.random(Prototype.FCC, new Supercell(5, 3, 3), 0.003), 3.56, 11).structure();
        CalculationOutcome expected = compareAll(dir, lib.path(), pot, s);
        // the cell this test is about: not accepted, restarted, and stopped by the gain rule before the restarts ran out
        assertFalse(expected.relaxation().converged());
        assertTrue(expected.relaxation().minimisations() > 1);
        assertTrue(expected.relaxation().minimisations() < SHAPE_FIXED.maxRestarts() + 1,
                expected.relaxation().minimisations() + " minimisations");
    }

    /** LammpsCalculator's outcome, after checking that every peer reproduces it. */
    private static CalculationOutcome compareAll(Path dir, Path library, PotentialRef pot,
            org.matscreen.core.structure.Structure s) throws Exception {
        CalculationRequest req = PropertyRegistry.request("x", s, Prototype.FCC, pot, SHAPE_FIXED,
                PropertySettings.NONE, 120);
        assertEquals(java.util.EnumSet.of(Step.RELAX_SHAPE_FIXED, Step.LOCAL_STRUCTURE), req.steps());
        LammpsLibrary lib = LammpsNative.load(library);
        CalculationOutcome expected;
        try (Lammps l = new Lammps(lib, List.of("-screen", "none", "-log", "none", "-nocite"))) {
            expected = new LammpsCalculator(l, dir.resolve("candidate.log")).compute(req);
        }
        double energy = expected.energyEv() / s.siteCount();
        Cell cell = Cell.of(0, "x", "x", s);
        Protocol protocol = Protocol.of(pot.pairStyle(), pot.path(), SHAPE_FIXED, PrepareCommand.cnaCap(pot.path()));

        // (b) the native limit
        RelaxLoop.Result got;
        try (RelaxLoop loop = new RelaxLoop(lib)) {
            got = loop.relax(cell, protocol);
        }
        assertEquals(energy, got.energyPerAtomEv(), 1e-12);
        assertEquals(expected.relaxation().minimisations(), got.minimisations());
        assertEquals(expected.relaxation().converged(), got.accepted());
        assertArrayEquals(expected.siteClasses(), got.siteClasses());

        // (d) python3-lammps
        require(run(dir, PYTHON.toString(), "-c", "from lammps import lammps; lammps(cmdargs=['-screen','none',"
                + "'-log','none']).close()"), "needs python3-lammps and liblammps-dev (scripts/setup.sh --test)");
        Path cells = dir.resolve("cells.txt");
        CellFile.write(cells, protocol, List.of(cell));
        assertTrue(run(dir, PYTHON.toString(), POOL.toString(), cells.toString(), dir.resolve("python.tsv").toString(),
                "--processes", "1"), "relax_pool.py failed");
        ResultTable.Row py = ResultTable.read(dir.resolve("python.tsv")).get(0);
        assertEquals(energy, py.energyPerAtomEv(), 1e-12);
        assertEquals(expected.relaxation().minimisations(), py.minimisations());
        assertEquals(expected.relaxation().converged(), py.accepted());

        // (c) one lmp launch on the deck
        require(run(dir, "sh", "-c", "command -v lmp"), "needs the lmp executable (scripts/setup.sh --test: lammps)");
        Path folder = dir.resolve("lmp").resolve("0");
        LmpDeck.write(folder, cell, protocol);
        assertTrue(run(dir, LMP_ONE.toString(), folder.toString()), "lmp-one.sh failed: see " + folder);
        String[] row = Files.readString(folder.resolve("row.tsv")).strip().split("\t");
        assertEquals(energy, Double.parseDouble(row[1]), 1e-12);
        assertEquals(expected.relaxation().minimisations(), Integer.parseInt(row[2]));
        assertEquals(expected.relaxation().converged() ? "1" : "0", row[7]);
        return expected;
    }

    private static boolean run(Path dir, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("peer.out").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }

    private static void require(boolean ok, String why) {
        if (!ok) {
            if ("true".equals(System.getenv("CI"))) {
                fail("in CI every real component is installed, but: " + why);
            }
            assumeTrue(false, why);
        }
    }
}
