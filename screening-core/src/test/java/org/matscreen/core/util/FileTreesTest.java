package org.matscreen.core.util;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {
    @TempDir
    Path dir;

    @Test
    void removesNestedFoldersButNotWhatALinkPointsTo() throws IOException {
        Path outside = Files.writeString(dir.resolve("keep.txt"), "kept");
        Path tree = Files.createDirectories(dir.resolve("t/a/b"));
        Files.writeString(tree.resolve("f"), "x");
        Files.writeString(dir.resolve("t/g"), "y");
        Files.createSymbolicLink(dir.resolve("t/link"), outside);
        FileTrees.delete(dir.resolve("t"));
        assertFalse(Files.exists(dir.resolve("t")));
        assertTrue(Files.exists(outside), "a link is removed, not followed");
    }

    @Test
    void aMissingFolderIsAnErrorUnlessQuiet() {
        assertThrows(NoSuchFileException.class, () -> FileTrees.delete(dir.resolve("none")));
        FileTrees.deleteQuietly(dir.resolve("none"));
        FileTrees.deleteQuietly(null);
    }
}
