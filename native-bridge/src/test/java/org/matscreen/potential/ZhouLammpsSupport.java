package org.matscreen.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.properties.PropertyRegistry;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxMode;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Status;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.Structure;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.structure.Supercell;
import org.matscreen.core.structure.SupercellBuilder;
import org.matscreen.core.util.Hashing;
import org.matscreen.lammps.jna.LibraryLocator;
import org.matscreen.lammps.worker.WorkerConfig;
import org.matscreen.worker.WorkerProcess;

/**
 * What the LAMMPS-backed tests of the Zhou generator share: one worker process per test class (Debian's
 * OpenMPI-linked liblammps cannot host two instances in one JVM), cells built by the engine's own
 * {@link SupercellBuilder}, and relaxations through the engine's request path. A missing library or data file fails
 * the test in CI (CI=true), where every real component is installed; elsewhere the test is skipped with the fix.
 */
final class ZhouLammpsSupport {
    /** The Cu-Ta setfl file Debian's {@code lammps-data} ships (a Zhou 2004 file written in single precision). */
    static final Path SHIPPED_CU_TA = Path.of("/usr/share/lammps/potentials/CuTa.eam.alloy");
    /** Per-calculation wall-clock limit, s. */
    static final double TIMEOUT_SECONDS = 60;

    private ZhouLammpsSupport() {}

    static WorkerProcess startWorker(Path workRoot) {
        LibraryLocator.Result lib = LibraryLocator.locate(null);
        require(lib.found(), lib.fix());
        return WorkerProcess.start(WorkerConfig.forLibrary(lib.path(), workRoot));
    }

    static Path shippedCuTa() {
        require(Files.isRegularFile(SHIPPED_CU_TA), SHIPPED_CU_TA + " is missing; install Debian's data package: "
                + "apt-get install -y lammps-data (scripts/setup.sh does)");
        return SHIPPED_CU_TA;
    }

    private static void require(boolean ok, String why) {
        if (!ok) {
            if ("true".equals(System.getenv("CI"))) {
                fail("in CI every real component is installed, but: " + why);
            }
            assumeTrue(false, why);
        }
    }

    /** The shipped Cu-Ta file as the engine would reference it. */
    static PotentialRef shippedCuTaRef() {
        Path p = shippedCuTa();
        return new PotentialRef(p.getFileName().toString(), p.toString(), Hashing.sha256Hex(p), "eam/alloy",
                List.of("Cu", "Ta"), ZhouDatabase.CITATION_2004 + " (as shipped by lammps-data)");
    }

    /** A cell of {@code formula} on prototype {@code p}, species placed at random with a fixed seed. */
    static Structure cell(String formula, Prototype p, Supercell s, double aAngstrom) {
        return SupercellBuilder.build(Composition.parse(formula), StructureRecipe.random(p, s, 0.0), aAngstrom, 2004L)
                .structure();
    }

    /**
     * Relaxes volume and positions with the engine's default tolerances, the cell shape held to the prototype's
     * symmetry (c/a free for hcp); the outcome must be OK and converged.
     */
    static CalculationOutcome relax(WorkerProcess worker, String id, Structure s, Prototype prototype,
            PotentialRef potential) {
        CalculationOutcome o = worker.compute(PropertyRegistry.request(id, s, prototype, potential,
                RelaxSettings.DEFAULT.withMode(RelaxMode.SHAPE_FIXED), PropertySettings.NONE, TIMEOUT_SECONDS));
        assertEquals(Status.OK, o.status(), () -> id + ": " + o.errorText());
        assertTrue(o.relaxation().converged(), () -> id + ": relaxation did not converge: " + o.relaxation());
        return o;
    }
}
