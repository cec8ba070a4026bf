package org.matscreen.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small JSON files replaced while others read them (shards of one campaign share a manifest). */
class JsonFilesTest {

    @Test
    void aReaderNeverFindsTheFileMissingWhileItIsReplacedOnTheLocalFileSystem(@TempDir Path dir) throws Exception {
        RepositoryLayout layout = new RepositoryLayout(dir.toString(), new Configuration());
        layout.fs().mkdirs(layout.staging());
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(layout.root(), "notes.json");
        JsonFiles.write(layout, file, Map.of("n", 0));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int[] reads = {0};
        Thread reader = new Thread(() -> {
            try {
                while (!stop.get()) {
                    assertTrue(JsonFiles.read(layout, file, Map.class).isPresent(), "the file is always there");
                    reads[0]++;
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        reader.start();
        for (int i = 1; i <= 400 && failure.get() == null; i++) {
            JsonFiles.write(layout, file, Map.of("n", i));
        }
        stop.set(true);
        reader.join();
        assertEquals(null, failure.get(), () -> "after " + reads[0] + " reads: " + failure.get());
        assertTrue(reads[0] > 0);
        assertEquals(400, JsonFiles.read(layout, file, Map.class).orElseThrow().get("n"));
        assertEquals(List.of(), List.of(new java.io.File(dir.toFile(), "_staging").list()).stream()
                .filter(n -> n.startsWith("notes.json")).toList(), "no staging file is left behind");
    }
}
