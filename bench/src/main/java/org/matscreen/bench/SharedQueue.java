package org.matscreen.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A work queue and start barrier shared by the native-limit processes through one small file under an exclusive
 * lock: the next cell index at offset 0, the number of processes ready at offset 8. Taking the next cell costs a lock
 * and two 8-byte accesses (microseconds, against a relaxation's tenths of a second), and it makes (b) balance its
 * load dynamically, as a pool, {@code xargs -P} and Spark's task queue do for the other tools.
 */
final class SharedQueue implements AutoCloseable {
    private static final long NEXT = 0;
    private static final long READY = 8;
    /** File locks belong to the whole JVM (a second one from another thread fails), so threads take turns first. */
    private static final Object IN_THIS_JVM = new Object();

    private final FileChannel channel;

    SharedQueue(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** The next index to work on (0, 1, 2, … across all processes). */
    long next() throws IOException {
        return increment(NEXT);
    }

    /** Announces this process ready, then waits until {@code parties} processes are, so all loops start together. */
    void awaitAll(int parties) throws IOException, InterruptedException {
        increment(READY);
        // Unlocked polling is enough: the count only grows, and a stale read just polls once more.
        while (read(READY) < parties) {
            Thread.sleep(1);
        }
    }

    private long increment(long offset) throws IOException {
        synchronized (IN_THIS_JVM) {
            try (FileLock lock = channel.lock()) {
                long v = read(offset);
                channel.write(ByteBuffer.allocate(8).putLong(0, v + 1), offset);
                return v;
            }
        }
    }

    private long read(long offset) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8);
        int n = channel.read(b, offset);
        return n < 8 ? 0 : b.getLong(0);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
