package org.matscreen.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Permissions of repository files, set without a forked chmod (see {@link LocalRepositoryFileSystem}). */
class LocalRepositoryFileSystemTest {
    @TempDir
    Path dir;

    @Test
    void aRepositoryOnFileUsesIt() {
        FileSystem fs = new RepositoryLayout(dir.toString(), new Configuration()).fs();
        assertInstanceOf(LocalRepositoryFileSystem.class, fs);
    }

    /** The modes Hadoop asks for are those {@code ls -l} shows afterwards, as with Hadoop's chmod. */
    @Test
    void setsTheModeHadoopAsksFor() throws IOException {
        FileSystem fs = new RepositoryLayout(dir.toString(), new Configuration()).fs();
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(dir.toUri().toString(), "a.parquet");
        try (FSDataOutputStream out = fs.create(file, new FsPermission((short) 0640), true, 4096, (short) 1, 1 << 20,
                null)) {
            out.write(1);
        }
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a.parquet"))));
        for (String mode : new String[] {"rwx------", "r--r--r--", "rw-rw-rw-", "--x-w-r--", "---------"}) {
            fs.setPermission(file, FsPermission.valueOf("-" + mode));
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a.parquet"))),
                    mode);
            assertEquals(mode, fs.getFileStatus(file).getPermission().toString(), "Hadoop reads back " + mode);
        }
    }

    @Test
    void aMissingFileIsNamed() {
        FileSystem fs = new RepositoryLayout(dir.toString(), new Configuration()).fs();
        org.apache.hadoop.fs.Path missing = new org.apache.hadoop.fs.Path(dir.toUri().toString(), "none");
        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> fs.setPermission(missing, new FsPermission((short) 0644)));
        assertEquals("File " + missing + " does not exist", e.getMessage());
    }
}
