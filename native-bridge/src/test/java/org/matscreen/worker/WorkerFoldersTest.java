package org.matscreen.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 4: worker folders of killed JVMs piled up (220 after about 60 runs). The sweep removes exactly those
 * whose JVM is gone; the folder root is shared by every matscreen JVM of the user, so live ones must stay.
 */
class WorkerFoldersTest {
    @TempDir
    Path root;

    static long deadPid() {
        long pid = 4_000_000;
        while (ProcessHandle.of(pid).isPresent()) {
            pid++;
        }
        return pid;
    }

    Path folder(String name) throws IOException {
        Path d = Files.createDirectories(root.resolve(name));
        Files.writeString(d.resolve("worker.err"), "log");
        return d;
    }

    @Test
    void removesFoldersOfDeadJvmsOnlyKeepingLiveOnes() throws IOException {
        long me = ProcessHandle.current().pid();
        long myStart = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        long dead = deadPid();
        Path live = folder("worker-" + me + "-" + myStart + "-1");
        Path gone = folder("worker-" + dead + "-" + myStart + "-2");
        Path recycled = folder("worker-" + me + "-" + (myStart - 3_600_000) + "-3"); // our pid, another start
        Path oldGone = folder("worker-" + dead + "-4");
        Path oldAlive = folder("worker-" + me + "-5");
        Path other = folder("not-a-worker");
        assertEquals(3, WorkerFolders.removeDead(root));
        assertTrue(Files.exists(live.resolve("worker.err")));
        assertFalse(Files.exists(gone));
        assertFalse(Files.exists(recycled));
        assertFalse(Files.exists(oldGone));
        assertTrue(Files.exists(oldAlive), "without a start time a live pid is given the benefit of the doubt");
        assertTrue(Files.exists(other));
    }

    /**
     * Folder names carry the kernel's start time (clock ticks after boot) where /proc has it, compared exactly: the
     * JDK's start instant adds a boot time that moves when the wall clock is stepped, so two JVMs could disagree on a
     * live JVM's start and one would remove the other's folders.
     */
    @Test
    void kernelStartTicksNameTheOwnerExactly() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/proc/self/stat")), "Linux /proc");
        ProcessHandle self = ProcessHandle.current();
        long ticks = WorkerFolders.startTicks(self.pid());
        assertTrue(ticks > 0);
        assertEquals("k" + ticks, WorkerFolders.startToken(self));
        long me = self.pid();
        Path live = folder("worker-" + me + "-k" + ticks + "-1");
        Path recycled = folder("worker-" + me + "-k" + (ticks - 1) + "-2"); // our pid, started a tick earlier
        Path gone = folder("worker-" + deadPid() + "-k" + ticks + "-3");
        assertEquals(2, WorkerFolders.removeDead(root));
        assertTrue(Files.exists(live));
        assertFalse(Files.exists(recycled));
        assertFalse(Files.exists(gone));
    }

    /**
     * The start ticks agree with the JDK's own start instant (boot time + ticks / CLK_TCK) for a process whose command
     * name holds a space and parentheses, which the parser must count fields after.
     */
    @Test
    void startTicksAreReadAfterACommandNameWithParentheses(@TempDir Path bin) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/proc/self/stat")), "Linux /proc");
        Path odd = bin.resolve("sl (e) p");
        Files.copy(Path.of("/bin/sleep"), odd);
        odd.toFile().setExecutable(true);
        Process p = new ProcessBuilder(odd.toString(), "30").start();
        try {
            long ticks = WorkerFolders.startTicks(p.pid());
            long clkTck = Long.parseLong(new String(new ProcessBuilder("getconf", "CLK_TCK").start().getInputStream()
                    .readAllBytes()).strip());
            long btime = Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.startsWith("btime "))
                    .mapToLong(l -> Long.parseLong(l.substring(6).strip())).findFirst().orElseThrow();
            long fromTicks = btime * 1000 + ticks * 1000 / clkTck;
            long jdk = p.info().startInstant().orElseThrow().toEpochMilli();
            assertTrue(Math.abs(fromTicks - jdk) < 1000, fromTicks + " vs " + jdk);
        } finally {
            p.destroyForcibly();
        }
    }
}
