package org.matscreen.lammps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.core.sim.CodeCapabilities;
import org.matscreen.core.sim.CodeOptions;
import org.matscreen.core.sim.SimulationCodes;
import org.matscreen.core.sim.Step;

/** LAMMPS as the registry serves it, and the options it refuses before any library is loaded. */
class LammpsCodeTest {

    @Test
    void registeredUnderItsName() {
        LammpsCode code = assertInstanceOf(LammpsCode.class, SimulationCodes.get("lammps"));
        CodeCapabilities c = code.capabilities();
        assertEquals(EnumSet.allOf(Step.class), c.steps());
        assertFalse(c.magneticMoments());
        assertTrue(c.processIsolation());
        assertEquals(1, c.coresPerSession());
        assertEquals(CodeCapabilities.INTERATOMIC_POTENTIAL, c.modelKind());
    }

    @Test
    void aMissingLibraryIsRefusedWithTheFix(@TempDir Path dir) {
        CodeOptions o = CodeOptions.defaults(LammpsCode.NAME).with(LammpsCode.LIBRARY,
                dir.resolve("liblammps.so").toString());
        MatscreenException e = assertThrows(MatscreenException.class, () -> new LammpsCode().resolve(o));
        assertFalse(e instanceof InvalidInputException, "an installation problem, not bad input");
        assertTrue(e.getMessage().contains("LAMMPS shared library not found"), e.getMessage());
    }

    @Test
    void aFileThatIsNoLibraryIsRefusedNamingIt(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("liblammps.so"), "not a library");
        CodeOptions o = CodeOptions.defaults(LammpsCode.NAME).with(LammpsCode.LIBRARY, text.toString());
        MatscreenException e = assertThrows(MatscreenException.class, () -> new LammpsCode().resolve(o));
        assertTrue(e.getMessage().contains(text.toString()) && e.getMessage().contains("not a shared library"),
                e.getMessage());
    }

    @Test
    void theModeOptionIsTheConfKeyOfSessionMode() {
        assertEquals("matscreen.lammps.mode", org.matscreen.lammps.worker.SessionMode.CONF_KEY);
        assertEquals(CodeOptions.fromConf(LammpsCode.NAME, java.util.Map.of("matscreen.lammps.mode", "isolated"))
                .get(LammpsCode.MODE, null), "isolated");
    }
}
