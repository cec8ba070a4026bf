package org.matscreen.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The writer warm-up of a JVM's first task: once, in the background, and nothing left behind. */
class ChunkWriterWarmUpTest {
    @Test
    void writesOnceAndRemovesItsFolder() throws Exception {
        var sample = SyntheticRecords.list(List.of("Cu", "Ni"), 4).get(1);
        ChunkWriter.warmUpOnce(sample);
        ChunkWriter.warmUpOnce(sample);
        List<Thread> warmUps = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("matscreen-writer-warm-up")).toList();
        assertTrue(warmUps.size() <= 1, "one warm-up per JVM, however many tasks start: " + warmUps);
        for (Thread t : warmUps) {
            assertTrue(t.isDaemon(), "a warm-up must not keep the JVM alive");
            t.join(60_000);
        }
        assertEquals(List.of(), leftovers(), "the throwaway repository is removed");
    }

    private static List<Path> leftovers() throws IOException {
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("matscreen-writer-warm-up")).toList();
        }
    }
}
