package org.matscreen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.CellShape;
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
import org.matscreen.lammps.jna.LammpsNative;
import org.matscreen.lammps.jna.LibraryLocator;

/**
 * bench/python/relax_protocols.py, which section 1b's peers and counts rest on: its "matscreen-tri" and
 * "matscreen-iso" protocols must be {@code LammpsCalculator}'s free and shape-fixed relaxations (same energy, same
 * minimisations, and the same minimiser iterations, which the calculator takes from the thermo step counter and the
 * script from LAMMPS' log statistics, so the log parsing behind the force-evaluation counts is checked against an
 * independent counter); the recipe (the timed peer (f)) must be the very protocol of "matscreen-iso"; and it must land
 * within the 0.1 meV/atom gate of the tight reference, accepted, in fewer force evaluations than the calculator's
 * protocol before the recipe ("legacy-iso").
 */
@Tag("lammps")
@Tag("python")
@Tag("integration")
class RelaxProtocolsScriptIntegrationTest {
    static final Path CU_NI = Path.of("/usr/share/lammps/potentials/CuNi.eam.alloy");
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path SCRIPT = Path.of("python", "relax_protocols.py").toAbsolutePath();

    @Test
    void matscreensProtocolIsLammpsCalculatorsAndTheRecipeMeetsTheGateForLess(@TempDir Path dir) throws Exception {
        LibraryLocator.Result lib = LibraryLocator.locate(null);
        require(lib.found() && Files.isRegularFile(CU_NI), "needs liblammps0 and lammps-data (scripts/setup.sh)");
        require(Files.isRegularFile(SCRIPT), "runs from the bench module's folder, which holds " + SCRIPT);
        require(python("-c", "from lammps import lammps; lammps(cmdargs=['-screen','none','-log','none']).close()"),
                "needs python3-lammps and liblammps-dev (scripts/setup.sh --test)");
        var s = SupercellBuilder.build(Composition.parse("Cu0.5Ni0.5"),
                StructureRecipe.random(Prototype.FCC, new Supercell(3, 3, 3), 0.0), 3.57, 7).structure();
        PotentialRef pot = new PotentialRef("CuNi.eam.alloy", CU_NI.toString(), Hashing.sha256Hex(CU_NI),
                "eam/alloy", List.of("Ni", "Cu"), "Onat and Durukanoglu 2014");
        // LammpsCalculator's free relaxation (box/relax tri) and its shape-fixed one (iso for a cubic cell)
        CalculationOutcome expected;
        CalculationOutcome shapeFixed;
        try (Lammps l = new Lammps(LammpsNative.load(lib.path()), List.of("-screen", "none", "-log", "none",
                "-nocite"))) {
            LammpsCalculator calc = new LammpsCalculator(l, dir.resolve("candidate.log"));
            expected = calc.compute(new CalculationRequest("x", s, pot, RelaxSettings.DEFAULT.withMode(RelaxMode.FREE),
                    PropertySettings.NONE, CellShape.CUBIC, EnumSet.of(Step.RELAX_FREE), 60));
            shapeFixed = calc.compute(new CalculationRequest("x", s, pot,
                    RelaxSettings.DEFAULT.withMode(RelaxMode.SHAPE_FIXED), PropertySettings.NONE, CellShape.CUBIC,
                    EnumSet.of(Step.RELAX_SHAPE_FIXED), 60));
        }
        Path cells = dir.resolve("cells.txt");
        CellFile.write(cells, Protocol.of("eam/alloy", CU_NI.toString(),
                RelaxSettings.DEFAULT.withMode(RelaxMode.SHAPE_FIXED), PrepareCommand.cnaCap(CU_NI.toString())),
                List.of(Cell.of(0, "CuNi", "x", s)));
        Path out = dir.resolve("counts");
        assertTrue(python(SCRIPT.toString(), "study", cells.toString(), out.toString(), "--processes", "1",
                "--protocols", "matscreen-tri,matscreen-iso,legacy-iso,recipe-iso,tight-iso"),
                "relax_protocols.py study failed");

        List<String> ms = row(out.resolve("matscreen-tri.tsv"));
        assertEquals(expected.energyEv() / s.siteCount(), Double.parseDouble(ms.get(1)), 1e-12);
        assertEquals(expected.relaxation().iterations(), Integer.parseInt(ms.get(3)));
        assertEquals(expected.relaxation().minimisations(), Integer.parseInt(ms.get(4)));
        List<String> iso = row(out.resolve("matscreen-iso.tsv"));
        assertEquals(shapeFixed.energyEv() / s.siteCount(), Double.parseDouble(iso.get(1)), 1e-12);
        assertEquals(shapeFixed.relaxation().iterations(), Integer.parseInt(iso.get(3)));
        assertEquals(shapeFixed.relaxation().minimisations(), Integer.parseInt(iso.get(4)));

        Map<Long, RelaxationSection.Counted> tight = RelaxationSection.counted(out.resolve("tight-iso.tsv"));
        Map<Long, RelaxationSection.Counted> recipe = RelaxationSection.counted(out.resolve("recipe-iso.tsv"));
        Map<Long, RelaxationSection.Counted> matscreen = RelaxationSection.counted(out.resolve("matscreen-iso.tsv"));
        Map<Long, RelaxationSection.Counted> legacy = RelaxationSection.counted(out.resolve("legacy-iso.tsv"));
        assertEquals(matscreen.get(0L), recipe.get(0L), "the recipe peer (f) runs LammpsCalculator's protocol");
        assertEquals(tight.get(0L).energyPerAtomEv(), recipe.get(0L).energyPerAtomEv(),
                RelaxationSection.TIGHT_TOLERANCE_EV_PER_ATOM);
        assertTrue(recipe.get(0L).accepted(), "the recipe's state must pass matscreen's acceptance test");
        assertTrue(recipe.get(0L).evaluations() < legacy.get(0L).evaluations(),
                "recipe " + recipe.get(0L).evaluations() + " vs " + legacy.get(0L).evaluations() + " evaluations");
    }

    private static List<String> row(Path tsv) throws IOException {
        List<String> lines = Files.readAllLines(tsv);
        assertEquals(2, lines.size(), tsv + " should hold one candidate");
        return List.of(lines.get(1).split("\t"));
    }

    private static boolean python(String... args) throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        String[] cmd = new String[args.length + 1];
        cmd[0] = PYTHON.toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
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
