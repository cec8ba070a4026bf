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
}
