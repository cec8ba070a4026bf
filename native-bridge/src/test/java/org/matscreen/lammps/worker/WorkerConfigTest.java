package org.matscreen.lammps.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-data sharing flags a worker JVM gets (the launcher's archives, scripts/cds-archive.sh). */
class WorkerConfigTest {
    private static final List<String> BASE = WorkerConfig.DEFAULT_JVM_OPTIONS;
    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    @Test
    void anExistingArchiveIsMappedAndItsLogSilenced(@TempDir Path dir) throws IOException {
        Path archive = Files.writeString(dir.resolve("worker.jsa"), "x");
        List<String> expected = new ArrayList<>(BASE);
        expected.add("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
        expected.addAll(QUIET);
        assertEquals(expected, WorkerConfig.withClassData(BASE, archive.toString(), null));
    }

    @Test
    void aMissingArchiveOrNoneAddsNothing(@TempDir Path dir) {
        assertEquals(BASE, WorkerConfig.withClassData(BASE, dir.resolve("absent.jsa").toString(), null));
        assertEquals(BASE, WorkerConfig.withClassData(BASE, null, null));
        assertEquals(BASE, WorkerConfig.withClassData(BASE, " ", ""));
    }

    @Test
    void theTrainingRunWritesInsteadOfMapping(@TempDir Path dir) throws IOException {
        Path archive = Files.writeString(dir.resolve("worker.jsa"), "x");
        Path dump = dir.resolve("new.jsa");
        List<String> expected = new ArrayList<>(BASE);
        expected.add("-XX:ArchiveClassesAtExit=" + dump.toAbsolutePath());
        expected.addAll(QUIET);
        assertEquals(expected, WorkerConfig.withClassData(BASE, archive.toString(), dump.toString()));
    }
}
