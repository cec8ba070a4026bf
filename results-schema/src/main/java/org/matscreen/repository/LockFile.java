package org.matscreen.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The file-level protocol of repository locks: create a file only if none exists (atomically), read who holds it,
 * refresh its lease, and tell a stale one from a live one.
 *
 * <ul>
 *   <li><b>Exclusive create.</b> On a local or POSIX shared file system (NFS v3+, Lustre, Fujitsu FEFS) through
 *       {@code open(O_CREAT|O_EXCL)} ({@link StandardOpenOption#CREATE_NEW}): Hadoop's raw local file system checks
 *       existence and creates in two steps, which two processes can both pass. On HDFS through
 *       {@code create(path, overwrite=false)}, which the NameNode performs atomically. Object stores (s3a, gs) have
 *       no atomic create; a lock there is advisory.</li>
 *   <li><b>Lease.</b> The holder sets the file's modification time to its clock every {@link #HEARTBEAT}; a lock whose
 *       time is older than {@link #LEASE} is stale (its holder died on another host, or hangs). Clocks of the hosts
 *       must agree to well within the lease (NTP).</li>
 *   <li><b>Dead owner.</b> A lock held by a process of this host that no longer runs (pid gone, or recycled: another
 *       start time) is stale at once, without waiting for the lease.</li>
 * </ul>
 */
final class LockFile {
    static final Duration LEASE = Duration.ofSeconds(120);
    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a lock file says.
     *
     * @param token random per acquisition: tells this holder from an earlier one of the same process
     * @param purpose what the holder is doing, for the message others see
     * @param first first candidate index the holder writes
     * @param end one past the last candidate index the holder writes
     * @param acquiredAt RFC 3339
     */
    record Content(String token, String host, long pid, long processStartedAtMillis, String purpose, long first,
            long end, String acquiredAt) {
        LockOwner owner() {
            return new LockOwner(host, pid, processStartedAtMillis);
        }
    }

    /** A lock file as found: its content (empty while its creator is still writing it) and modification time. */
    record Found(Path path, Optional<Content> content, long modifiedMillis) {
        boolean stale(long nowMillis) {
            if (nowMillis - modifiedMillis > LEASE.toMillis()) {
                return true;
            }
            return content.isPresent() && content.get().owner().deadOnThisHost();
        }

        String describe() {
            if (content.isEmpty()) {
                return "an unreadable lock " + path;
            }
            Content c = content.get();
            return c.purpose() + " (host " + c.host() + ", pid " + c.pid() + ", since " + c.acquiredAt() + ")";
        }
    }

    private LockFile() {}

    static boolean isLocal(FileSystem fs) {
        return "file".equals(fs.getUri().getScheme());
    }

    /** Creates {@code p} holding {@code c} if no such file exists; false if one does. */
    static boolean create(FileSystem fs, Path p, Content c) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(c);
        if (isLocal(fs)) {
            java.nio.file.Path local = java.nio.file.Path.of(p.toUri());
            Files.createDirectories(local.getParent());
            try {
                Files.write(local, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            }
        }
        try (OutputStream out = fs.create(p, false)) {
            out.write(bytes);
            return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            if (fs.exists(p)) {
                return false; // some file systems report the clash as a plain IOException
            }
            throw e;
        }
    }

    static Optional<Found> read(FileSystem fs, Path p) throws IOException {
        FileStatus st;
        try {
            st = fs.getFileStatus(p);
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
        Optional<Content> content;
        try (InputStream in = fs.open(p)) {
            content = Optional.of(JSON.readValue(in.readAllBytes(), Content.class));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            content = Optional.empty(); // being written, or garbage: the lease decides
        }
        return Optional.of(new Found(p, content, st.getModificationTime()));
    }

    /** Renews the lease: the file's modification time becomes now. */
    static void touch(FileSystem fs, Path p, long nowMillis) throws IOException {
        fs.setTimes(p, nowMillis, -1);
    }

    /**
     * Deletes a lock if it still is the one judged ({@code expected} token, or an unreadable one). Between the check
     * and the delete another process could replace it; the window is one file-system round trip, and the displaced
     * holder notices at its next heartbeat.
     */
    static void breakIfUnchanged(FileSystem fs, Found judged) throws IOException {
        Optional<Found> now = read(fs, judged.path());
        if (now.isEmpty()) {
            return;
        }
        String before = judged.content().map(Content::token).orElse(null);
        String after = now.get().content().map(Content::token).orElse(null);
        if (java.util.Objects.equals(before, after)) {
            fs.delete(judged.path(), false);
        }
    }
}
