package org.matscreen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactsTest {
    @Test
    void roundTripAndShellAppendedLines(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.facts");
        new Facts().put("a.seconds", 1.5).put("b.count", 3L).put("c", "text with = sign").write(f);
        Files.writeString(f, "a.seconds=2.5\n", java.nio.file.StandardOpenOption.APPEND);
        Facts back = Facts.read(f);
        assertEquals(2.5, back.require("a.seconds"), "a later line wins, as run.sh appends");
        assertEquals(3, back.require("b.count"));
        assertEquals("text with = sign", back.get("c"));
        assertTrue(back.number("c").isEmpty());
        assertFalse(back.has("d"));
        assertThrows(IllegalStateException.class, () -> back.require("d"));
    }

    @Test
    void aMissingFileHasNoFacts(@TempDir Path dir) {
        assertFalse(Facts.read(dir.resolve("none")).has("x"));
    }

    @Test
    void factsAreSingleLines() {
        assertThrows(IllegalArgumentException.class, () -> new Facts().put("k", "two\nlines"));
    }
}
