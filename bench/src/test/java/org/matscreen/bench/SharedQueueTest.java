package org.matscreen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedQueueTest {
    @Test
    void everyIndexIsHandedOutOnceAcrossQueueHandles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("queue");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Long> taken = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            // One handle per thread, as each process has its own.
            done.add(pool.submit(() -> {
                try (SharedQueue q = new SharedQueue(file)) {
                    q.awaitAll(3);
                    for (long i; (i = q.next()) < 300; ) {
                        taken.add(i);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        Collections.sort(taken);
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < 300; i++) {
            expected.add(i);
        }
        assertEquals(expected, taken);
    }
}
