package org.matscreen.lammps.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.Status;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.Supercell;
import org.matscreen.core.util.Hashing;
import org.matscreen.lammps.LammpsTestSupport;
import org.matscreen.lammps.jna.LammpsLibrary;
import org.matscreen.lammps.jna.LammpsNative;

/**
 * In-process mode against a serial LAMMPS built with exceptions (scripts/build-lammps-serial.sh): errors come back
 * as messages, timeouts stop LAMMPS without killing anything, and instances in two threads do not disturb each
 * other. Runs in its own JVM (surefire does not reuse forks in this module), so the serial library never shares a
 * process with Debian's OpenMPI-linked one.
 */
@Tag("integration")
@Tag("lammps")
class InProcessSessionIntegrationTest {
    @TempDir
    static Path dir;
    static LammpsLibrary serial;

    static Path serialLibrary() {
        String env = System.getenv("MATSCREEN_SERIAL_LAMMPS_LIB");
        Path p = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "matscreen", "lammps-serial-20220106",
                        "liblammps_serial.so");
        if (!Files.isRegularFile(p)) {
            String why = "no serial LAMMPS with exceptions at " + p + " (scripts/build-lammps-serial.sh builds it)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            assumeTrue(false, why);
        }
        return p;
    }

    @BeforeAll
    static void load() {
        serial = LammpsNative.load(serialLibrary());
    }

    @Test
    void modeSelectionFollowsTheLibrary() {
        assertEquals(SessionMode.IN_PROCESS, SessionMode.AUTO.resolve(serial));
        assertEquals(SessionMode.ISOLATED, SessionMode.ISOLATED.resolve(serial));
        assertEquals(null, SessionMode.inProcessRisk(serial));
    }

    @Test
    void resultsAgreeWithThePotentialPaperAndErrorsComeBackAsMessages() throws IOException {
        try (InProcessSession s = new InProcessSession(serial, dir.resolve("a"))) {
            CalculationOutcome cu = s.compute(LammpsTestSupport.request("cu", "Cu", Prototype.FCC,
                    new Supercell(3, 3, 3), 3.7, LammpsTestSupport.cuNi(), PropertySettings.NONE, 60));
            assertEquals(Status.OK, cu.status(), cu.errorText());
            assertEquals(-3.54, cu.energyPerAtomEv(), 1e-4);

            List<String> lines = Files.readAllLines(LammpsTestSupport.CU_NI);
            Path broken = Files.write(dir.resolve("Broken.eam.alloy"), lines.subList(0, 40));
            PotentialRef bad = new PotentialRef("Broken.eam.alloy", broken.toString(), Hashing.sha256Hex(broken),
                    "eam/alloy", List.of("Ni", "Cu"), "test");
            CalculationOutcome failed = s.compute(LammpsTestSupport.request("bad", "Cu", Prototype.FCC,
                    new Supercell(2, 2, 2), 3.6, bad, PropertySettings.NONE, 60));
            assertEquals(Status.FAILED, failed.status());
            assertTrue(failed.errorText().contains("LAMMPS error"), failed.errorText());

            CalculationOutcome after = s.compute(LammpsTestSupport.request("ni", "Ni", Prototype.FCC,
                    new Supercell(3, 3, 3), 3.6, LammpsTestSupport.cuNi(), PropertySettings.NONE, 60));
            assertEquals(-4.45, after.energyPerAtomEv(), 1e-4, "the session recovers after an error");
        }
    }

    @Test
    void aTimeoutStopsLammpsAndTheSessionGoesOn() {
        try (InProcessSession s = new InProcessSession(serial, dir.resolve("b"))) {
            CalculationOutcome slow = s.compute(LammpsTestSupport.request("slow", "Cu0.5Ni0.5", Prototype.FCC,
                    new Supercell(10, 10, 10), 3.58, LammpsTestSupport.cuNi(), PropertySettings.DEFAULT, 0.5));
            assertEquals(Status.TIMEOUT, slow.status(), slow.errorText());
            CalculationOutcome next = s.compute(LammpsTestSupport.request("cu", "Cu", Prototype.FCC,
                    new Supercell(3, 3, 3), 3.6, LammpsTestSupport.cuNi(), PropertySettings.NONE, 60));
            assertEquals(Status.OK, next.status(), next.errorText());
        }
    }

    @Test
    void twoThreadsTwoInstances() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Double>> f = List.of("Cu", "Ni").stream().map(el -> pool.submit(() -> {
                try (InProcessSession s = new InProcessSession(serial, dir.resolve("t-" + el))) {
                    double e = 0;
                    for (int i = 0; i < 5; i++) {
                        e = s.compute(LammpsTestSupport.request(el + i, el, Prototype.FCC, new Supercell(3, 3, 3),
                                3.6, LammpsTestSupport.cuNi(), PropertySettings.NONE, 60)).energyPerAtomEv();
                    }
                    return e;
                }
            })).toList();
            assertEquals(-3.54, f.get(0).get(), 1e-4);
            assertEquals(-4.45, f.get(1).get(), 1e-4);
        } finally {
            pool.shutdown();
        }
    }
}
