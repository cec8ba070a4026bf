package org.matscreen.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.matscreen.repository.RepositoryLayout;

/**
 * Remembers, on the repository's file system, which candidate a partition is computing, so that if the candidate
 * takes the whole executor down (possible when LAMMPS runs in-process) the retried task can tell which candidate it
 * was and quarantine it instead of dying on it again. One small file per range, overwritten per candidate, deleted
 * when the range is done.
 */
final class InFlightMarkers {
    private final FileSystem fs;
    private final Path file;

    InFlightMarkers(RepositoryLayout layout, CandidateRange range) {
        this.fs = layout.fs();
        this.file = new Path(new Path(layout.root(), "_inflight"), "range-" + range.start() + "-" + range.end());
    }

    /** The candidate index a previous attempt of this range was computing when it died, if any. */
    OptionalLong leftOver() {
        try {
            if (!fs.exists(file)) {
                return OptionalLong.empty();
            }
            try (InputStream in = fs.open(file)) {
                String s = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                return s.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(s));
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    void mark(long candidateIndex) {
        try (OutputStream out = fs.create(file, true)) {
            out.write(Long.toString(candidateIndex).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    void clear() {
        try {
            fs.delete(file, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
