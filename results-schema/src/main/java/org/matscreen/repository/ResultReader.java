package org.matscreen.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import org.matscreen.core.result.CandidateResult;

/** Streams records out of committed chunk files; never loads a whole repository into memory. */
public final class ResultReader {
    private final RepositoryLayout layout;
    private final RecordCodec codec = new RecordCodec();

    public ResultReader(RepositoryLayout layout) {
        this.layout = layout;
    }

    /** Calls {@code sink} with every record of every committed chunk. */
    public void forEach(Consumer<CandidateResult> sink) {
        for (RepositoryLayout.Chunk c : layout.chunks()) {
            forEach(c.path(), sink);
        }
    }

    public void forEach(Path chunk, Consumer<CandidateResult> sink) {
        try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(), chunk).withConf(layout.conf())
                .build()) {
            for (Group g; (g = r.read()) != null; ) {
                sink.accept(codec.decode(g));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + chunk, e);
        }
    }

    /** All records (for small repositories and tests). */
    public List<CandidateResult> readAll() {
        List<CandidateResult> out = new ArrayList<>();
        forEach(out::add);
        return out;
    }

    /** The ids stored in the given chunks, reading only the id column. */
    public Set<String> ids(List<RepositoryLayout.Chunk> chunks) {
        Set<String> ids = new HashSet<>();
        MessageType projection = Types.buildMessage().addField(RecordSchema.parquetSchema().getType("id"))
                .named(RecordSchema.MESSAGE_NAME);
        for (RepositoryLayout.Chunk c : chunks) {
            org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(layout.conf());
            conf.set(org.apache.parquet.hadoop.api.ReadSupport.PARQUET_READ_SCHEMA, projection.toString());
            try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(), c.path()).withConf(conf)
                    .build()) {
                for (Group g; (g = r.read()) != null; ) {
                    Binary b = g.getBinary("id", 0);
                    ids.add(b.toStringUsingUTF8());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read ids from " + c.path(), e);
            }
        }
        return ids;
    }

    /** id → status of the records in the given chunks, reading two columns (resume and {@code --retry-failed}). */
    public java.util.Map<String, String> idStatuses(List<RepositoryLayout.Chunk> chunks) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        MessageType schema = RecordSchema.parquetSchema();
        MessageType projection = Types.buildMessage().addField(schema.getType("id")).addField(schema.getType("status"))
                .named(RecordSchema.MESSAGE_NAME);
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(layout.conf());
        conf.set(org.apache.parquet.hadoop.api.ReadSupport.PARQUET_READ_SCHEMA, projection.toString());
        for (RepositoryLayout.Chunk c : chunks) {
            try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(), c.path()).withConf(conf)
                    .build()) {
                for (Group g; (g = r.read()) != null; ) {
                    // an ok record wins over a failure of the same id (a retry whose old record is not yet removed)
                    out.merge(g.getString("id", 0), g.getString("status", 0), (a, b) -> a.equals("ok") ? a : b);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read ids from " + c.path(), e);
            }
        }
        return out;
    }

    /**
     * Committed records per status over the whole repository: from each chunk's footer ({@link StatusCountsFooter}),
     * or, for a chunk written before footers carried them, from its status column.
     */
    public java.util.Map<String, Long> statusCounts() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        MessageType projection = Types.buildMessage().addField(RecordSchema.parquetSchema().getType("status"))
                .named(RecordSchema.MESSAGE_NAME);
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(layout.conf());
        conf.set(org.apache.parquet.hadoop.api.ReadSupport.PARQUET_READ_SCHEMA, projection.toString());
        for (RepositoryLayout.Chunk c : layout.chunks()) {
            java.util.Map<String, Long> footer;
            try (org.apache.parquet.hadoop.ParquetFileReader f = org.apache.parquet.hadoop.ParquetFileReader.open(
                    HadoopInputFile.fromPath(c.path(), layout.conf()))) {
                footer = StatusCountsFooter.parse(f.getFileMetaData().getKeyValueMetaData()
                        .get(StatusCountsFooter.KEY));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the footer of " + c.path(), e);
            }
            if (footer != null) {
                footer.forEach((k, v) -> counts.merge(k, v, Long::sum));
                continue;
            }
            try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(), c.path()).withConf(conf)
                    .build()) {
                for (Group g; (g = r.read()) != null; ) {
                    counts.merge(g.getString("status", 0), 1L, Long::sum);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read statuses from " + c.path(), e);
            }
        }
        return counts;
    }

    /**
     * Mean wall seconds of computed (non-quarantined) records per prototype, reading two columns:
     * prototype key → {mean seconds, count}.
     */
    public java.util.Map<String, double[]> meanSecondsByPrototype() {
        java.util.Map<String, double[]> sums = new java.util.TreeMap<>();
        MessageType schema = RecordSchema.parquetSchema();
        MessageType projection = Types.buildMessage().addField(schema.getType("prototype"))
                .addField(schema.getType("status")).addField(schema.getType("wall_seconds"))
                .named(RecordSchema.MESSAGE_NAME);
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(layout.conf());
        conf.set(org.apache.parquet.hadoop.api.ReadSupport.PARQUET_READ_SCHEMA, projection.toString());
        for (RepositoryLayout.Chunk c : layout.chunks()) {
            try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(), c.path()).withConf(conf)
                    .build()) {
                for (Group g; (g = r.read()) != null; ) {
                    if (g.getString("status", 0).equals("ok")) {
                        double[] s = sums.computeIfAbsent(g.getString("prototype", 0), k -> new double[2]);
                        s[0] += g.getDouble("wall_seconds", 0);
                        s[1]++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read costs from " + c.path(), e);
            }
        }
        sums.values().forEach(s -> s[0] /= s[1]);
        return sums;
    }

    /** Number of rows in a chunk from its footer (no data read). */
    public long rowCount(Path chunk) {
        try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(HadoopInputFile.fromPath(chunk,
                layout.conf()))) {
            return reader.getRecordCount();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the footer of " + chunk, e);
        }
    }
}
