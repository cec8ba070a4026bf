package org.matscreen.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.util.Hashing;

class PotentialRegistryTest {

    /** A syntactically valid two-element setfl file with tiny tables. */
    static Path tinySetfl(Path dir, String name) throws IOException {
        StringBuilder b = new StringBuilder("CITATION: A. Author, Journal 1, 2 (2020)\nline two\nline three\n");
        b.append("2 Cu Ni\n3 0.1 3 0.1 2.0\n");
        for (String[] el : new String[][] {{"29", "63.546", "3.615", "fcc"}, {"28", "58.69", "3.52", "fcc"}}) {
            b.append(String.join(" ", el)).append("\n0 -1 -2\n1.0 0.5\n0.2\n");
        }
        b.append("1 2 3\n4 5 6\n7 8 9\n");
        return Files.writeString(dir.resolve(name), b.toString());
    }

    @Test
    void resolvesNamesAndPathsToChecksummedFiles(@TempDir Path dir) throws IOException {
        Path f = tinySetfl(dir, "CuNi.eam.alloy");
        PotentialRegistry reg = new PotentialRegistry(List.of(dir));
        PotentialRef p = reg.resolve("CuNi.eam.alloy", "c.yaml", "method.potential");
        assertEquals(List.of("Cu", "Ni"), p.elements());
        assertEquals("eam/alloy", p.pairStyle());
        assertEquals(Hashing.sha256Hex(f), p.sha256());
        assertEquals("A. Author, Journal 1, 2 (2020)", p.citation());
        assertEquals(p, reg.resolve(f.toString(), "c.yaml", "method.potential"));
        assertEquals(1, reg.list().size());
        var lines = SetflHeader.elementLines(f, SetflHeader.read(f, "t", ""));
        assertEquals(3.52, lines.get(1).latticeAngstrom());
    }

    @Test
    void missingUncoveredUnsafeAndMalformedPotentialsAreInputErrors(@TempDir Path dir) throws IOException {
        tinySetfl(dir, "CuNi.eam.alloy");
        Files.writeString(dir.resolve("Bad.eam.alloy"), "a\nb\nc\n2 Cu\n");
        PotentialRegistry reg = new PotentialRegistry(List.of(dir));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> reg.resolve("CuNj.eam.alloy", "c.yaml", "method.potential"));
        assertEquals("method.potential", e.field());
        assertTrue(e.reason().contains("no potential named"), e.reason());
        e = assertThrows(InvalidInputException.class, () -> PotentialRegistry.requireCoverage(
                reg.resolve("CuNi.eam.alloy", "c", "f"), List.of("Cu", "Al"), "c.yaml", "method.potential"));
        assertTrue(e.reason().contains("[Al]"), e.reason());
        e = assertThrows(InvalidInputException.class, () -> reg.resolve("CuNi.eam.alloy\nshell id", "c", "f"));
        assertTrue(e.reason().contains("line break"), e.reason());
        e = assertThrows(InvalidInputException.class, () -> reg.resolve("Bad.eam.alloy", "c", "f"));
        assertTrue(e.reason().contains("announces 2 elements"), e.reason());
        assertThrows(InvalidInputException.class, () -> reg.resolve("Cu.meam", "c", "f"));
    }

    /** Issue 17, item 13: a truncated table or a NaN passed the header check and every candidate then crashed. */
    @Test
    void truncatedAndNonFiniteTablesAreRefusedWithTheirLine(@TempDir Path dir) throws IOException {
        Path good = tinySetfl(dir, "Good.eam.alloy");
        List<String> lines = Files.readAllLines(good);
        Path truncated = Files.write(dir.resolve("Short.eam.alloy"), lines.subList(0, lines.size() - 1));
        PotentialRegistry reg = new PotentialRegistry(List.of(dir));
        InvalidInputException shortFile = assertThrows(InvalidInputException.class,
                () -> reg.resolve(truncated.toString(), "c.yaml", "method.potential"));
        assertEquals("c.yaml", shortFile.source());
        assertEquals("method.potential", shortFile.field());
        assertTrue(shortFile.reason().contains(truncated.toString()) && shortFile.reason().contains("ends"),
                shortFile.getMessage());
        Path nan = Files.writeString(dir.resolve("Nan.eam.alloy"), Files.readString(good).replace("0.5", "nan"));
        InvalidInputException notFinite = assertThrows(InvalidInputException.class,
                () -> reg.resolve(nan.toString(), "c.yaml", "method.potential"));
        assertTrue(notFinite.reason().contains("line 8") && notFinite.reason().contains("not finite"),
                notFinite.getMessage());
        // eam/fs: one density table per element pair
        Path fs = Files.writeString(dir.resolve("Good.eam.fs"), Files.readString(good)
                .replace("\n0 -1 -2\n1.0 0.5\n0.2\n", "\n0 -1 -2\n1.0 0.5 0.2\n1.0 0.5 0.2\n"));
        assertEquals("eam/fs", reg.resolve(fs.toString(), "c.yaml", "method.potential").pairStyle());
        Path fsShort = Files.writeString(dir.resolve("Short.eam.fs"), Files.readString(good));
        assertThrows(InvalidInputException.class, () -> reg.resolve(fsShort.toString(), "c.yaml",
                "method.potential"));
    }

    /** Issue 17, item 14: a directory or FIFO named as potential said "does not exist". */
    @Test
    void aDirectoryOrFifoIsCalledWhatItIs(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("Folder.eam.alloy"));
        PotentialRegistry reg = new PotentialRegistry(List.of(dir));
        InvalidInputException d = assertThrows(InvalidInputException.class,
                () -> reg.resolve(folder.toString(), "c.yaml", "method.potential"));
        assertTrue(d.reason().contains("is a directory"), d.getMessage());
        InvalidInputException byName = assertThrows(InvalidInputException.class,
                () -> reg.resolve("Folder.eam.alloy", "c.yaml", "method.potential"));
        assertTrue(byName.reason().contains("is a directory"), byName.getMessage());
        Path fifo = dir.resolve("Pipe.eam.alloy");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        InvalidInputException f = assertThrows(InvalidInputException.class,
                () -> reg.resolve(fifo.toString(), "c.yaml", "method.potential"));
        assertTrue(f.reason().contains("not a regular file"), f.getMessage());
    }
}
