package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor} prints the code's checks (here LAMMPS') one per line, a failed one marked, with its fix. */
@Tag("integration")
@Tag("lammps")
class DoctorCommandIntegrationTest {

    @Test
    void debiansInstallationPasses() {
        CliTest.Result r = CliTest.exec("doctor");
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        for (String row : new String[] {"lammps     /", "MANYBODY   yes", "mode       isolated worker processes",
            "worker     started in", "potentials ", "all checks passed"}) {
            assertTrue(r.out().contains(row), row + " in:\n" + r.out());
        }
    }

    @Test
    void aMissingLibraryFailsWithTheFix(@TempDir Path dir) {
        CliTest.Result r = CliTest.exec("doctor", "--lammps-lib", dir.resolve("liblammps.so").toString());
        assertEquals(ExitCodes.CHECK_FAILED, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("lammps     FAILED: LAMMPS shared library not found")
                && r.out().contains("scripts/setup.sh") && r.out().contains("some checks failed"), r.out());
    }
}
