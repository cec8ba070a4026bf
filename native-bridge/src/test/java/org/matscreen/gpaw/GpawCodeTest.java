package org.matscreen.gpaw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.core.sim.CodeCapabilities;
import org.matscreen.core.sim.CodeOptions;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.SimulationCodes;
import org.matscreen.core.sim.Step;

/** What the engine learns about GPAW without starting it: registration, capabilities, refused options and models. */
class GpawCodeTest {

    @Test
    void gpawIsRegisteredAndSaysWhatItComputes() {
        GpawCode gpaw = assertInstanceOf(GpawCode.class, SimulationCodes.get("gpaw"));
        CodeCapabilities c = gpaw.capabilities();
        assertEquals(EnumSet.of(Step.RELAX_SHAPE_FIXED, Step.RELAX_FREE, Step.EOS_SCAN), c.steps());
        assertTrue(c.magneticMoments() && c.processIsolation());
        assertEquals(CodeCapabilities.DFT, c.modelKind());
        assertEquals(1, c.coresPerSession());
        assertEquals(4, gpaw.capabilities(CodeOptions.defaults("gpaw").with(GpawCode.CORES, "4")).coresPerSession());
    }

    @Test
    void badOptionsAreRefusedNamingTheOptionAndTheFix() {
        GpawCode gpaw = new GpawCode();
        InvalidInputException cores = assertThrows(InvalidInputException.class,
                () -> gpaw.resolve(CodeOptions.defaults("gpaw").with(GpawCode.CORES, "0")));
        assertEquals("matscreen.gpaw.cores", cores.field());
        MatscreenException python = assertThrows(MatscreenException.class,
                () -> gpaw.resolve(CodeOptions.defaults("gpaw").with(GpawCode.PYTHON, "/nonexistent/python3")));
        assertTrue(python.getMessage().contains("/nonexistent/python3")
                && python.getMessage().contains("apt-get install gpaw gpaw-data"), python.getMessage());
        assertFalse(gpaw.diagnose(CodeOptions.defaults("gpaw").with(GpawCode.PYTHON, "/nonexistent/python3")).get(0)
                .ok());
    }

    @Test
    void onlyDftSettingsFilesAreModelsOfGpaw() {
        GpawCode gpaw = new GpawCode();
        CodeOptions options = CodeOptions.defaults("gpaw");
        PotentialRef eam = new PotentialRef("CuNi.eam.alloy", "/x", "ab", "eam/alloy", List.of("Cu", "Ni"), "c");
        assertTrue(gpaw.cannotRun(eam, options).contains("eam/alloy"), gpaw.cannotRun(eam, options));
        PotentialRef dft = new PotentialRef("dft.json", "/x", "ab", GpawSettingsFile.PAIR_STYLE, List.of("Cu"), "c");
        assertNull(gpaw.cannotRun(dft, options));
    }
}
