package org.matscreen.potential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ConcurrentHashMap;
import org.matscreen.core.error.NativeCodeException;
import org.matscreen.core.util.Hashing;

/**
 * Verifies, right before LAMMPS reads it, that a potential file still has the SHA-256 the record will state. Hashes
 * are remembered per (path, size, modification time, inode), so the check costs a {@code stat} per candidate once the
 * file has been hashed.
 */
public final class FileChecksums {
    private record Stamp(String path, long size, long modified, Object key) {}

    private static final ConcurrentHashMap<Stamp, String> HASHES = new ConcurrentHashMap<>();

    private FileChecksums() {}

    /** @throws NativeCodeException if the file is missing or its bytes are not the expected ones */
    public static void verify(Path file, String expectedSha256) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new NativeCodeException("potential file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Stamp s = new Stamp(file.toAbsolutePath().toString(), a.size(), a.lastModifiedTime().toMillis(),
                a.fileKey());
        String actual = HASHES.computeIfAbsent(s, k -> Hashing.sha256Hex(file));
        if (!actual.equals(expectedSha256)) {
            throw new NativeCodeException("potential file " + file + " has SHA-256 " + actual + ", not the "
                    + expectedSha256 + " it was resolved with: it changed since the campaign was validated");
        }
    }
}
