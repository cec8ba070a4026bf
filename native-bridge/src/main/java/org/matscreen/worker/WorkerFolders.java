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
 *
 * <p>On Linux the start time in a folder's name is the kernel's own ({@code k} and the clock ticks since boot of
 * {@code /proc/<pid>/stat}), compared exactly. The JDK's {@code ProcessHandle.Info.startInstant()} adds the boot time
 * of {@code /proc/stat}, which each JVM reads once and which moves whenever the wall clock is stepped (NTP, a virtual
 * machine resumed): a JVM started after such a step computed another start for a long-lived JVM than that JVM had
 * written into its folders' names, took it for a recycled pid and removed the folders of its live, idle workers,
 * whose next candidates then crashed on a missing log folder.
 */
final class WorkerFolders {
    private static final Pattern NAME = Pattern.compile("worker-(\\d+)-(k?\\d+)-(\\d+)");
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
            String start = m.group(2);
            return start.startsWith("k") ? deadByTicks(Long.parseLong(m.group(1)), Long.parseLong(start.substring(1)))
                    : dead(Long.parseLong(m.group(1)), Long.parseLong(start));
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

    /**
     * How a folder name records when process {@code p} started: {@code k<ticks>} where {@code /proc} tells the kernel's
     * start time, else its start as epoch milliseconds (compared with a tolerance), else 0 (unknown).
     */
    static String startToken(ProcessHandle p) {
        long ticks = startTicks(p.pid());
        if (ticks >= 0) {
            return "k" + ticks;
        }
        return Long.toString(p.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
    }

    private static boolean deadByTicks(long pid, long ticks) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            long now = startTicks(pid);
            return now >= 0 && now != ticks;
        }
        return true;
    }

    /**
     * Field 22 of {@code /proc/<pid>/stat} (start time in clock ticks after boot), or -1 where there is no such file.
     * The command name (field 2) may hold spaces and parentheses, so fields are counted after its last ')'.
     */
    static long startTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
            return Long.parseLong(f[22 - 3]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Deletes a folder and what it holds, quietly (a file still open elsewhere is left). */
    static void delete(Path dir) {
        // best effort: the next start's sweep retries once this process is gone
        org.matscreen.core.util.FileTrees.deleteQuietly(dir);
    }
}
