package org.matscreen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.properties.PropertyRegistry;
import org.matscreen.core.sim.RelaxMode;
import org.matscreen.core.sim.RelaxSettings;
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

/**
 * The native-limit loop must stay the protocol matscreen runs: if {@code LammpsCalculator}'s relaxation changes and
 * the bench does not follow, this fails before a benchmark compares unlike things.
 */
@Tag("lammps")
@Tag("integration")
class RelaxLoopIntegrationTest {
    static final Path CU_NI = Path.of("/usr/share/lammps/potentials/CuNi.eam.alloy");

    @Test
    void sameEnergyAndMinimisationsAsLammpsCalculator(@TempDir Path dir) {
        LibraryLocator.Result lib = LibraryLocator.locate(null);
        require(lib.found() && Files.isRegularFile(CU_NI), "needs liblammps0 and lammps-data (scripts/setup.sh)");
        LammpsLibrary library = LammpsNative.load(lib.path());
        var s = SupercellBuilder.build(Composition.parse("Cu0.5Ni0.5"),
                StructureRecipe.random(Prototype.FCC, new Supercell(3, 3, 3), 0.0), 3.57, 7).structure();
        PotentialRef pot = new PotentialRef("CuNi.eam.alloy", CU_NI.toString(), Hashing.sha256Hex(CU_NI),
                "eam/alloy", List.of("Ni", "Cu"), "Onat and Durukanoglu 2014");
        // the baselines' protocol: one free relaxation (tri), no scans
        RelaxSettings free = RelaxSettings.DEFAULT.withMode(RelaxMode.FREE);
        CalculationRequest req = PropertyRegistry.request("x", s, Prototype.FCC, pot, free, PropertySettings.NONE, 60);
        CalculationOutcome expected;
        try (Lammps l = new Lammps(library, List.of("-screen", "none", "-log", "none", "-nocite"))) {
            expected = new LammpsCalculator(l, dir.resolve("candidate.log")).compute(req);
        }
        RelaxLoop.Result got;
        try (RelaxLoop loop = new RelaxLoop(library)) {
            got = loop.relax(Cell.of(0, "CuNi", "x", s), new Protocol("eam/alloy", CU_NI.toString(), free));
        }
        assertEquals(expected.energyEv() / s.siteCount(), got.energyPerAtomEv(), 1e-12);
        assertEquals(expected.relaxation().minimisations(), got.minimisations());
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
