package org.matscreen.lammps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.sim.CodeOptions;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.SimulationCode.Diagnosis;
import org.matscreen.core.sim.SimulationSession;
import org.matscreen.lammps.worker.SessionMode;

/** The SPI against Debian's liblammps0 (no exceptions, MPI, KIM package): what the engine sees of LAMMPS. */
@Tag("integration")
@Tag("lammps")
class LammpsCodeIntegrationTest {
    private final LammpsCode code = new LammpsCode();

    @Test
    void resolvesTheLibraryAndTheMode() {
        String lib = LammpsTestSupport.library().toString();
        CodeOptions r = code.resolve(CodeOptions.fromConf("lammps", Map.of("matscreen.lammps.mode", "In_Process")));
        assertEquals(lib, r.get(LammpsCode.LIBRARY, null));
        assertEquals("in-process", r.get(LammpsCode.MODE, null), "normalised, still unchecked against a node");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> code.resolve(
                CodeOptions.defaults("lammps").with(LammpsCode.MODE, "threads")));
        assertTrue(e.getMessage().contains("--conf") && e.getMessage().contains("matscreen.lammps.mode"),
                e.getMessage());
    }

    @Test
    void sessionsRunIsolatedWithThisLibrary() {
        CodeOptions r = code.resolve(CodeOptions.defaults("lammps"));
        try (SimulationSession s = code.openSession(r)) {
            assertTrue(!s.crashEndsCaller() && s.workersLost() == 0);
            assertTrue(s.codeVersion().startsWith("LAMMPS"), s.codeVersion());
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> code.openSession(
                LammpsCode.options(r.get(LammpsCode.LIBRARY, null), SessionMode.IN_PROCESS)));
        assertTrue(e.getMessage().contains("matscreen.lammps.mode"), e.getMessage());
    }

    @Test
    void kimModelsNeedTheKimPackage() {
        CodeOptions r = code.resolve(CodeOptions.defaults("lammps"));
        PotentialRef kim = new PotentialRef("kim:EAM_X__MO_000000000000_000", "/nowhere", "0".repeat(64), "kim",
                List.of("Cu"), "x");
        assertNull(code.cannotRun(kim, r), "Debian's library has the KIM package");
        assertNull(code.cannotRun(LammpsTestSupport.cuNi(), r));
    }

    @Test
    void doctorsRowsStartWithTheLibrary() {
        String lib = LammpsTestSupport.library().toString();
        List<Diagnosis> rows = code.diagnose(CodeOptions.defaults("lammps"));
        assertEquals("lammps", rows.get(0).check());
        assertTrue(rows.get(0).ok() && rows.get(0).detail().startsWith(lib), rows.get(0).detail());
        Diagnosis worker = rows.stream().filter(d -> d.check().equals("worker")).findFirst().orElseThrow();
        assertTrue(worker.ok() && worker.detail().startsWith("started in"), worker.detail());
        assertTrue(rows.stream().allMatch(Diagnosis::ok), rows.toString());
    }
}
