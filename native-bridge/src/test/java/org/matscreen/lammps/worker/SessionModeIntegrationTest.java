package org.matscreen.lammps.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.lammps.LammpsTestSupport;
import org.matscreen.lammps.jna.LammpsNative;

/** Debian's liblammps0 has no exceptions and is MPI-linked: in-process mode would let one error end the JVM. */
@Tag("integration")
@Tag("lammps")
class SessionModeIntegrationTest {

    @Test
    void debiansLibraryRunsIsolated() {
        var lib = LammpsNative.load(LammpsTestSupport.library());
        String risk = SessionMode.inProcessRisk(lib);
        assertTrue(risk != null && risk.contains("exception"), risk);
        assertEquals(SessionMode.ISOLATED, SessionMode.AUTO.resolve(lib));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SessionMode.IN_PROCESS.resolve(lib));
        assertTrue(e.getMessage().contains(SessionMode.CONF_KEY), e.getMessage());
    }

    @Test
    void modesParse() {
        assertEquals(SessionMode.IN_PROCESS, SessionMode.parse("in-process"));
        assertEquals(SessionMode.IN_PROCESS, SessionMode.parse("IN_PROCESS"));
        assertEquals(SessionMode.AUTO, SessionMode.parse(null));
        assertThrows(InvalidInputException.class, () -> SessionMode.parse("threads"));
    }
}
