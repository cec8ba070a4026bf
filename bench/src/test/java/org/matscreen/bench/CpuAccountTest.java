package org.matscreen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuAccountTest {

    @Test
    void theSamplersOwnCpuIsNeitherTheToolsNorIdle(@TempDir Path dir) throws IOException {
        // 5 s on 2 cores = 10 core-seconds: 8 of LAMMPS, 1.0 + 0.5 of the driver, 0.3 of the sampler -> 0.2 idle
        Path tsv = Files.writeString(dir.resolve("cpu.tsv"), "window_s\t5.000\nexecutor\t1.000\t40\njit\t0.500\t3\n"
                + "lammps worker\t8.000\t900\nsampler\t0.300\t12\n");
        CpuAccount a = CpuAccount.read(tsv).orElseThrow();
        assertTrue(a.samplerCounted());
        assertEquals(1.5, a.cpuExcept("lammps worker"), 1e-12);
        assertEquals(0.2, a.idle(2), 1e-12);
        assertEquals(900, a.switches("lammps worker"));
    }

    @Test
    void aFileFromBeforeTheSamplerCountedItselfReadsWithItsIdleAsWritten(@TempDir Path dir) throws IOException {
        Path tsv = Files.writeString(dir.resolve("cpu.tsv"), "window_s\t4.000\npython parent\t0.100\t5\n"
                + "python worker\t7.500\t800\n");
        CpuAccount d = CpuAccount.read(tsv).orElseThrow();
        assertFalse(d.samplerCounted());
        assertEquals(0.1, d.cpuExcept("python worker"), 1e-12);
        assertEquals(0.4, d.idle(2), 1e-12);
        assertTrue(CpuAccount.read(dir.resolve("missing.tsv")).isEmpty());
    }
}
