package org.matscreen.repository;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Small JSON files of a repository (manifest, references), read and replaced atomically on any Hadoop FS. */
public final class JsonFiles {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonFiles() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static <T> Optional<T> read(RepositoryLayout layout, Path file, Class<T> type) {
        FileSystem fs = layout.fs();
        try {
            if (!fs.exists(file)) {
                return Optional.empty();
            }
            try (InputStream in = fs.open(file)) {
                return Optional.of(MAPPER.readValue(in, type));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Writes {@code value} as JSON to a staging file, then replaces {@code file} with it. */
    public static void write(RepositoryLayout layout, Path file, Object value) {
        replace(layout, file, out -> MAPPER.writeValue(out, value));
    }

    /** What {@link #replace} writes into the staging file. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code body} to a staging file of the repository, then replaces {@code file} with it, so a reader finds
     * the old whole file or the new one. The parent folder of {@code file} must exist.
     */
    public static void replace(RepositoryLayout layout, Path file, Body body) {
        FileSystem fs = layout.fs();
        Path tmp = new Path(layout.staging(), file.getName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = fs.create(tmp, true)) {
                body.writeTo(out);
            }
            // The local file system's rename (rename(2)) replaces the file atomically, so a reader never finds it
            // missing; CI saw a shard of a Slurm array fail on "manifest.json does not exist" while its sibling
            // replaced it. HDFS' rename does not replace an existing file: there, the window between delete and
            // rename is a few ms.
            if (!(fs instanceof org.apache.hadoop.fs.RawLocalFileSystem) && fs.exists(file)) {
                fs.delete(file, false);
            }
            if (!fs.rename(tmp, file)) {
                throw new IOException("rename " + tmp + " -> " + file + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
