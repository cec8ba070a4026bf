package org.matscreen.gpaw;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.matscreen.core.util.Hashing;

/**
 * The GPAW worker script, which ships inside the jar, as a file Python can run: {@code gpaw-worker-<sha256>.py} under
 * the work root. Named by its content, so JVMs of different builds sharing a work root each run their own script, and
 * a file already there is never rewritten under a running worker.
 */
final class GpawWorkerScript {
    private static final String RESOURCE = "gpaw_worker.py";

    private GpawWorkerScript() {}

    /** The script's file under {@code workRoot}, written (atomically) if not there yet. */
    static Path install(Path workRoot) {
        byte[] bytes = Bytes.SCRIPT;
        Path file = workRoot.toAbsolutePath().resolve("gpaw-worker-" + Hashing.sha256Hex(bytes).substring(0, 16)
                + ".py");
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            GpawSettingsFile.writeAtomically(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the GPAW worker script to " + file, e);
        }
        return file;
    }

    /** Read once per JVM, on first use. */
    private static final class Bytes {
        static final byte[] SCRIPT = read();

        private static byte[] read() {
            try (InputStream in = GpawWorkerScript.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the class path");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE + " from the class path", e);
            }
        }
    }
}
