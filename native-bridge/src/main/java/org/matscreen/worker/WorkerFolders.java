package org.matscreen.worker;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Worker folders ({@code <workRoot>/worker-<pid>-<startMillis>-<n>}) of processes that are gone. A worker's folder is
 * removed when its handle closes; a folder outlives it only when its parent JVM was killed (SIGKILL, a node failure),
 * and the first worker a JVM starts removes those. The work root ({@code /tmp/matscreen-workers-<user>}) is shared by
 * every matscreen JVM of the user on the machine, so a folder is removed only if the JVM named in it is certainly
 * dead: no process has its pid, or the one that has it started at another time.
 */
final class WorkerFolders {
    private static final Pattern NAME = Pattern.compile("worker-(\\d+)-(\\d+)-(\\d+)");
    /** Folders of older versions: {@code worker-<pid>-<n>}, without the start time. */
    private static final Pattern OLD_NAME = Pattern.compile("worker-(\\d+)-(\\d+)");
    private static final long SAME_START_TOLERANCE_MS = 1000;

    private WorkerFolders() {}

    /** Removes the folders of dead JVMs under {@code root}; returns how many. */
    static int removeDead(Path root) {
        int removed = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, "worker-*")) {
            for (Path p : ds) {
                if (Files.isDirectory(p) && ownerDead(p.getFileName().toString())) {
                    delete(p);
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no root yet, or unreadable: nothing to tidy
        }
        return removed;
    }

    static boolean ownerDead(String name) {
        Matcher m = NAME.matcher(name);
        if (m.matches()) {
            return dead(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        }
        Matcher old = OLD_NAME.matcher(name);
        return old.matches() && dead(Long.parseLong(old.group(1)), 0);
    }

    private static boolean dead(long pid, long startMillis) {
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) {
            return true;
        }
        if (startMillis == 0) {
            return false;
        }
        Optional<Instant> start = p.get().info().startInstant();
        return start.isPresent() && Math.abs(start.get().toEpochMilli() - startMillis) > SAME_START_TOLERANCE_MS;
    }

    /** Deletes a folder and what it holds, quietly (a file still open elsewhere is left). */
    static void delete(Path dir) {
        // best effort: the next start's sweep retries once this process is gone
        org.matscreen.core.util.FileTrees.deleteQuietly(dir);
    }
}
