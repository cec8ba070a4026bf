package org.matscreen.repository;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * The local file system of a repository on {@code file:}: Hadoop's raw one (no hidden {@code .crc} files), with
 * permissions set by the JVM instead of a forked {@code chmod}.
 *
 * <p>Without Hadoop's native library (not shipped with its client jars, nor in Debian) every file Hadoop creates is
 * followed by {@code chmod <mode> <file>} in a child process: two per committed chunk (repository and result cache).
 * Under Slurm a cancelled job's SIGTERM reaches that child as well, so a commit caught in the window failed with exit
 * code 143 and Spark logged its stack trace under the one-line stop notice (CI, SlurmIntegrationTest). No child, no
 * window; and no fork per commit.
 */
public final class LocalRepositoryFileSystem extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
        java.nio.file.Path file = pathToFile(p).toPath();
        try {
            Files.setPosixFilePermissions(file, posix(permission));
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException("File " + p + " does not exist");
        } catch (UnsupportedOperationException e) {
            super.setPermission(p, permission); // not a POSIX file system: Hadoop's own way
        }
    }

    /** The nine rwx bits of {@code permission}; sticky and set-id bits are not used by a repository. */
    static Set<PosixFilePermission> posix(FsPermission permission) {
        return PosixFilePermissions.fromString(permission.getUserAction().SYMBOL
                + permission.getGroupAction().SYMBOL + permission.getOtherAction().SYMBOL);
    }
}
