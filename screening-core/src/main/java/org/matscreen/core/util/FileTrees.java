package org.matscreen.core.util;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Removal of folders with what they hold (symbolic links are removed, never followed). */
public final class FileTrees {
    private FileTrees() {}

    /** Deletes {@code dir} and everything in it; the first entry that cannot be deleted ends it. */
    public static void delete(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** As {@link #delete}, for best-effort clean-ups: whatever cannot be deleted is left; a null folder is nothing. */
    public static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            delete(dir);
        } catch (IOException | RuntimeException e) {
            // left behind; the caller's clean-up was only best effort
        }
    }
}
