package org.matscreen.repository;

import java.time.Instant;
import java.util.Optional;
import org.matscreen.core.util.BuildInfo;

/**
 * A process that writes into a repository: host, process id and the process's start time (so a recycled pid is not
 * mistaken for the owner). It names the writer's lock file content and its staging folder
 * ({@code _staging/<host>~<pid>~<startMillis>}), which is how a later run tells what a dead process left behind.
 *
 * @param host host name as the process saw it
 * @param pid operating-system process id
 * @param startedAtMillis the process's start time, epoch ms (0 if the system does not tell)
 */
public record LockOwner(String host, long pid, long startedAtMillis) {
    /** Start times of one process read twice may differ by the clock-tick rounding of /proc (10 ms); allow 1 s. */
    private static final long SAME_START_TOLERANCE_MS = 1000;

    private static final LockOwner CURRENT = of(ProcessHandle.current());

    /** This process. */
    public static LockOwner current() {
        return CURRENT;
    }

    private static LockOwner of(ProcessHandle p) {
        return new LockOwner(BuildInfo.host(), p.pid(), p.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
    }

    /** The folder-name form {@code host~pid~startMillis} (host reduced to characters safe in a file name). */
    public String id() {
        return host.replaceAll("[^A-Za-z0-9.-]", "_") + "~" + pid + "~" + startedAtMillis;
    }

    /** Parses {@link #id()}; empty for any other name. */
    public static Optional<LockOwner> parseId(String id) {
        String[] p = id.split("~");
        if (p.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LockOwner(p[0], Long.parseLong(p[1]), Long.parseLong(p[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether this owner runs on the machine of the calling process (compared by {@link #id()}'s host part). */
    public boolean onThisHost() {
        return sameHost(CURRENT.host, host);
    }

    private static boolean sameHost(String a, String b) {
        return a.replaceAll("[^A-Za-z0-9.-]", "_").equalsIgnoreCase(b.replaceAll("[^A-Za-z0-9.-]", "_"));
    }

    /**
     * True only when this owner runs on this host and its process is certainly gone: no process has its pid, or the
     * process with its pid started at another time (the pid was recycled). An owner on another host is never
     * declared dead here (its lease decides).
     */
    public boolean deadOnThisHost() {
        if (!onThisHost()) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) {
            return true;
        }
        if (startedAtMillis == 0) {
            return false;
        }
        Optional<Instant> start = p.get().info().startInstant();
        return start.isPresent() && Math.abs(start.get().toEpochMilli() - startedAtMillis) > SAME_START_TOLERANCE_MS;
    }
}
