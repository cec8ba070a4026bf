package org.matscreen.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.repository.schema.RecordRow;
import org.matscreen.repository.schema.RowWriteSupport;

/**
 * Commits a batch of records: one Parquet file per chemical system, each written in {@code _staging} and renamed into
 * place only when complete. Records of one batch are committed system by system; a crash between two renames leaves
 * some systems committed and the others to be recomputed, never a partial file or a duplicate.
 */
public final class ChunkWriter {
    private final RepositoryLayout layout;
    private final RecordCodec codec = new RecordCodec();

    public ChunkWriter(RepositoryLayout layout) {
        this.layout = layout;
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WARMED = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Once per JVM, writes {@code sample} to a throwaway repository in the temporary folder, in a background thread.
     * A JVM's first commit loads and links Parquet's, Hadoop's and Snappy's writer classes: 0.2 to 0.4 s measured,
     * during which the caller's worker process sat idle (200 Cu-Ni candidates on 2 cores: 0.38 s of one core idle at
     * the first commit). Started at a task's first record, the warm-up runs while the worker computes the next ones,
     * and the real commit a second later finds the classes loaded.
     */
    public static void warmUpOnce(CandidateResult sample) {
        if (!WARMED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            java.nio.file.Path dir = null;
            try {
                dir = java.nio.file.Files.createTempDirectory("matscreen-writer-warm-up");
                new ChunkWriter(new RepositoryLayout(dir.toString(), new org.apache.hadoop.conf.Configuration()))
                        .commit(List.of(sample));
            } catch (IOException | RuntimeException e) {
                // only a warm-up: the real commit reports its own errors
            } finally {
                org.matscreen.core.util.FileTrees.deleteQuietly(dir);
            }
        }, "matscreen-writer-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Columns whose values hardly ever repeat: a dictionary for them is built and then dropped for plain encoding
     * once it outgrows the values, and that detour was a fifth of a commit's time.
     */
    private static final List<String> NO_DICTIONARY = List.of("fractional_positions.list.element",
            "elastic_stress_plus_gpa.list.element", "elastic_stress_minus_gpa.list.element",
            "eos_volumes_a3_per_atom.list.element", "eos_energies_ev_per_atom.list.element");

    /**
     * The writer without work no reader of a repository uses: dictionaries for the {@link #NO_DICTIONARY} columns, and
     * the optional size statistics of the format's 2.10 footer (histograms of nesting levels per column), which no
     * query of a repository reads. Measured on 15-record chunks of 180-atom Cu-Ni records with the driver's C1-only
     * JIT: 9.6 ms a chunk before, 7.0 ms after.
     */
    public static <B extends ParquetWriter.Builder<?, B>> B withoutUselessWork(B b) {
        B out = b.withSizeStatisticsEnabled(false);
        for (String column : NO_DICTIONARY) {
            out = out.withDictionaryEncoding(column, false);
        }
        return out;
    }

    /** Writes and commits the records; returns the number written. */
    public int commit(List<CandidateResult> records) {
        if (records.isEmpty()) {
            return 0;
        }
        Map<String, List<CandidateResult>> bySystem = new TreeMap<>();
        for (CandidateResult r : records) {
            bySystem.computeIfAbsent(r.chemicalSystem(), k -> new java.util.ArrayList<>()).add(r);
        }
        FileSystem fs = layout.fs();
        String token = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        int written = 0;
        for (Map.Entry<String, List<CandidateResult>> e : bySystem.entrySet()) {
            List<CandidateResult> batch = e.getValue();
            long first = batch.stream().mapToLong(CandidateResult::candidateIndex).min().orElseThrow();
            long last = batch.stream().mapToLong(CandidateResult::candidateIndex).max().orElseThrow();
            String name = RepositoryLayout.chunkName(first, last, token);
            Path tmp = new Path(layout.staging(), e.getKey() + "-" + name);
            Path dir = layout.systemDir(e.getKey());
            Path dst = new Path(dir, name);
            try {
                // a chunk describes itself to any Parquet reader: which schema, written by what, and its records per
                // status, which a run's manifest then sums from footers alone
                Map<String, String> footer = Map.of("matscreen.schema_version",
                        Integer.toString(RecordSchema.VERSION), "matscreen.version",
                        org.matscreen.core.util.BuildInfo.version(), "matscreen.commit",
                        org.matscreen.core.util.BuildInfo.commit(), StatusCountsFooter.KEY,
                        StatusCountsFooter.format(batch));
                try (ParquetWriter<RecordRow> w = withoutUselessWork(RowWriteSupport.builder(
                        HadoopOutputFile.fromPath(tmp, layout.conf()), codec.writeSupport(footer)))
                        .withCompressionCodec(CompressionCodecName.SNAPPY)
                        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                        .withConf(layout.conf())
                        .build()) {
                    for (CandidateResult r : batch) {
                        w.write(codec.toRow(r));
                    }
                }
                fs.mkdirs(dir);
                if (!fs.rename(tmp, dst)) {
                    throw new IOException("rename " + tmp + " -> " + dst + " failed");
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot commit records of " + e.getKey() + " to " + dst, ex);
            }
            written += batch.size();
        }
        return written;
    }
}
