package org.matscreen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhCsvTest {
    @Test
    void readsScoresByMethodName(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("jmh.csv");
        Files.writeString(f, """
                "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: lib"
                "org.matscreen.bench.jmh.JnaCallBenchmark.trivialJnaAbs","avgt",1,10,12.5,0.75,"ns/op",/usr/lib/x.so
                "org.matscreen.bench.jmh.JnaCallBenchmark.lammpsGetNatoms","avgt",1,1,30.0,NaN,"ns/op",/usr/lib/x.so
                """);
        var s = JmhCsv.read(f);
        assertEquals(2, s.size());
        assertEquals(12.5, s.get("trivialJnaAbs").value());
        assertEquals(0.75, s.get("trivialJnaAbs").error());
        assertEquals("ns/op", s.get("trivialJnaAbs").unit());
        assertTrue(Double.isNaN(s.get("lammpsGetNatoms").error()));
    }

    @Test
    void aMissingFileIsEmpty(@TempDir Path dir) {
        assertTrue(JmhCsv.read(dir.resolve("none.csv")).isEmpty());
    }
}
