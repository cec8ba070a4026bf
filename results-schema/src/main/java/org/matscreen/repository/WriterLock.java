package org.matscreen.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ShutdownHookManager;

/**
 * The right to write candidates {@code [first, end)} into a repository, held as a lock file in {@code _locks/} (see
 * {@link LockFile} for what holds on which file system). While held, a daemon thread renews its lease; if the lock
 * is found gone or taken over (someone broke it), {@link #onLost} runs once. Closing it, or the JVM shutting down
 * (SIGTERM, Ctrl-C), deletes this writer's staging folder and then the lock.
 */
public final class WriterLock implements AutoCloseable {
    /** Between Spark's shutdown hooks (40) and Hadoop's file-system close (10). */
    static final int SHUTDOWN_PRIORITY = 25;
    private static final ScheduledExecutorService HEARTBEATS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "matscreen-lock-heartbeat");
        t.setDaemon(true);
        return t;
    });

    /** Checks after the shutdown's release for staging files that late task threads wrote, and their spacing. */
    private static final int LATE_WRITE_CHECKS = 5;
    private static final long LATE_WRITE_CHECK_MS = 100;

    private final FileSystem fs;
    private final Path file;
    private final LockFile.Content content;
    private final Path staging;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean lost = new AtomicBoolean();
    private final Runnable hook;
    private volatile Runnable onLost = () -> { };
    private final java.util.concurrent.ScheduledFuture<?> heartbeat;

    WriterLock(FileSystem fs, Path file, LockFile.Content content, Path staging) {
        this.fs = fs;
        this.file = file;
        this.content = content;
        this.staging = staging;
        this.hook = this::releaseQuietly;
        // Hadoop's hook manager runs hooks by priority: Spark stops its context (and so its local executors) at 40,
        // file systems close at 10; in between, nothing writes into staging any more and the file system still works.
        ShutdownHookManager.get().addShutdownHook(hook, SHUTDOWN_PRIORITY);
        long period = LockFile.HEARTBEAT.toMillis();
        this.heartbeat = HEARTBEATS.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    /** The first candidate index this lock covers. */
    public long first() {
        return content.first();
    }

    /** One past the last candidate index this lock covers. */
    public long end() {
        return content.end();
    }

    /** The name of this writer's folder under {@code _staging/} ({@code host~pid~start~token}). */
    public String stagingName() {
        return staging.getName();
    }

    /** Runs {@code action} (once) if the lock is lost while held, e.g. to cancel the job that writes. */
    public void onLost(Runnable action) {
        this.onLost = action;
        if (lost.get()) {
            action.run();
        }
    }

    /** True if someone removed or replaced this lock while it was held. */
    public boolean isLost() {
        return lost.get();
    }

    private void renew() {
        if (closed.get()) {
            return;
        }
        try {
            var found = LockFile.read(fs, file);
            boolean ours = found.isPresent() && found.get().content().map(c -> c.token().equals(content.token()))
                    .orElse(false);
            if (!ours) {
                if (lost.compareAndSet(false, true)) {
                    onLost.run();
                }
                return;
            }
            LockFile.touch(fs, file, System.currentTimeMillis());
        } catch (IOException | RuntimeException e) {
            // a transient file-system error: the next beat tries again, the lease leaves three more chances
        }
    }

    /** Deletes this writer's staging folder, then the lock (if it is still this one). Idempotent. */
    private void release() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        heartbeat.cancel(false);
        try {
            fs.delete(staging, true);
            var found = LockFile.read(fs, file);
            if (found.isPresent() && found.get().content().map(c -> c.token().equals(content.token()))
                    .orElse(false)) {
                fs.delete(file, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock " + file, e);
        }
    }

    /** The shutdown hook's release. */
    private void releaseQuietly() {
        try {
            release();
            // Spark's stop (priority 40) interrupts local task threads but does not wait for them: one that was
            // writing a chunk can finish it into staging after the delete above (seen in CI: two chunk files left
            // behind a SIGTERM). Look again for half a second and remove what appeared.
            for (int i = 0; i < LATE_WRITE_CHECKS; i++) {
                Thread.sleep(LATE_WRITE_CHECK_MS);
                if (fs.exists(staging)) {
                    fs.delete(staging, true);
                }
            }
        } catch (RuntimeException | IOException e) {
            // shutting down: the next start removes what is left (its owner is dead by then)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            ShutdownHookManager.get().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs release() itself
        }
        release();
    }
}
