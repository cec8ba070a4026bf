package org.matscreen.lammps.jna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryLocatorTest {

    @Test
    void explicitPathWinsAndAWrongOneDoesNotFallBack(@TempDir Path dir) throws IOException {
        Path lib = Files.writeString(dir.resolve("liblammps.so"), "");
        LibraryLocator.Result r = LibraryLocator.locate(lib.toString(), Map.of(), null);
        assertEquals(lib.toAbsolutePath(), r.path());
        LibraryLocator.Result wrong = LibraryLocator.locate(dir.resolve("nope.so").toString(),
                Map.of("LD_LIBRARY_PATH", dir.toString()), null);
        assertFalse(wrong.found());
        assertTrue(wrong.fix().contains("MATSCREEN_LAMMPS_LIB"), wrong.fix());
    }

    @Test
    void environmentVariableThenLdLibraryPath(@TempDir Path dir) throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Path env = Files.writeString(a.resolve("liblammps_mpi.so"), "");
        Files.writeString(b.resolve("liblammps.so.0"), "");
        Files.writeString(b.resolve("liblammps.so.2"), "");
        assertEquals(env.toAbsolutePath(), LibraryLocator.locate(null, Map.of(LibraryLocator.ENV, env.toString()),
                null).path());
        // LD_LIBRARY_PATH order decides; within a folder the highest soname version wins
        assertEquals(b.resolve("liblammps.so.2"), LibraryLocator.locate(null, Map.of("LD_LIBRARY_PATH",
                b + ":" + a), null).path());
        assertEquals(env, LibraryLocator.locate(null, Map.of("LD_LIBRARY_PATH", a + ":" + b), null).path());
        // a Spack/CMake variant name is found when nothing plainer is there
        assertEquals(env, LibraryLocator.findIn(a));
        assertEquals(b.resolve("liblammps.so.2"), LibraryLocator.findIn(b));
    }
}
