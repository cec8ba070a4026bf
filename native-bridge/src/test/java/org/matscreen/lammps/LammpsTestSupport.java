package org.matscreen.lammps;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.properties.PropertyRegistry;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.structure.Supercell;
import org.matscreen.core.structure.SupercellBuilder;
import org.matscreen.core.util.Hashing;
import org.matscreen.lammps.jna.LibraryLocator;

/**
 * Shared set-up of tests against the real LAMMPS library and Debian's potentials. In CI (CI=true) a missing library
 * is a failure, because the test set-up installs it; elsewhere the test is skipped with the reason.
 */
public final class LammpsTestSupport {
    public static final Path CU_NI = Path.of("/usr/share/lammps/potentials/CuNi.eam.alloy");

    private LammpsTestSupport() {}

    public static Path library() {
        LibraryLocator.Result r = LibraryLocator.locate(null);
        require(r.found(), r.fix());
        return r.path();
    }

    public static PotentialRef cuNi() {
        require(Files.isRegularFile(CU_NI), "Debian's lammps-data is not installed (scripts/setup.sh installs it)");
        return new PotentialRef("CuNi.eam.alloy", CU_NI.toString(), Hashing.sha256Hex(CU_NI), "eam/alloy",
                List.of("Ni", "Cu"), "Onat and Durukanoglu, J Phys Cond Matt, 26, 035404 (2014)");
    }

    private static void require(boolean ok, String why) {
        if (!ok) {
            if ("true".equals(System.getenv("CI"))) {
                fail("in CI every real component is installed, but: " + why);
            }
            assumeTrue(false, why);
        }
    }

    /** A relaxation request for a composition in a prototype supercell started at lattice parameter a (Å). */
    public static CalculationRequest request(String id, String formula, Prototype p, Supercell sc, double a,
            PotentialRef pot, PropertySettings props, double timeoutSeconds) {
        StructureRecipe r = StructureRecipe.random(p, sc, 0.0);
        var built = SupercellBuilder.build(Composition.parse(formula), r, a, 12345);
        return PropertyRegistry.request(id, built.structure(), p, pot, RelaxSettings.DEFAULT, props, timeoutSeconds);
    }
}
