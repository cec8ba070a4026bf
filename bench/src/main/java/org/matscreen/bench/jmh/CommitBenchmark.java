package org.matscreen.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.sim.Status;
import org.matscreen.core.util.FileTrees;
import org.matscreen.repository.ChunkWriter;
import org.matscreen.repository.RecordCodec;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;
import org.matscreen.repository.schema.RecordRow;
import org.matscreen.repository.schema.RowWriteSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The executor's commit of a chunk, written two ways with the same settings ({@code ChunkWriter}'s: Snappy, no
 * dictionary where values do not repeat, no size statistics) into a local file: through Parquet's example object
 * model (each row copied into {@code SimpleGroup}s first, the writer before issue 19's {@link RowWriteSupport}) and
 * straight from the rows. Both include making the rows from the records. Also the formula of each record's
 * composition, made for every record and ranked entry, with {@code String.format} (before) and as now. The records
 * are read from a repository of real results: bench/run.sh's section 1 run (180-atom Cu-Ni cells).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CommitBenchmark {
    /** A repository whose first OK records make the chunk. */
    @Param("/tmp/matscreen-bench-root/repos/cross")
    public String repo;

    /** Records per chunk. */
    @Param("15")
    public int records;

    private final RecordCodec codec = new RecordCodec();
    private List<CandidateResult> batch;
    private java.nio.file.Path dir;
    private Configuration conf;

    @Setup
    public void read() throws IOException {
        batch = new ResultReader(new RepositoryLayout(repo, new Configuration())).readAll().stream()
                .filter(r -> r.status() == Status.OK).limit(records).toList();
        if (batch.size() < records) {
            throw new IllegalStateException(repo + " holds " + batch.size() + " OK records, " + records + " needed");
        }
        dir = Files.createTempDirectory("matscreen-commit-bench");
        // the file system a repository's chunks are written through (no forked chmod, no .crc files)
        conf = new RepositoryLayout(dir.toString(), new Configuration()).conf();
    }

    @TearDown
    public void delete() {
        FileTrees.deleteQuietly(dir);
    }

    private HadoopOutputFile file(String name) throws IOException {
        return HadoopOutputFile.fromPath(new Path(dir.resolve(name).toUri()), conf);
    }

    @Benchmark
    public long groups() throws IOException {
        HadoopOutputFile f = file("groups.parquet");
        try (ParquetWriter<Group> w = ChunkWriter.withoutUselessWork(ExampleParquetWriter.builder(f))
                .withType(codec.schema()).withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).withConf(conf).build()) {
            for (CandidateResult r : batch) {
                w.write(codec.encode(r));
            }
            return w.getDataSize();
        }
    }

    @Benchmark
    public long rows() throws IOException {
        HadoopOutputFile f = file("rows.parquet");
        try (ParquetWriter<RecordRow> w = ChunkWriter.withoutUselessWork(RowWriteSupport.builder(f,
                codec.writeSupport(java.util.Map.of())))
                .withCompressionCodec(CompressionCodecName.SNAPPY).withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withConf(conf).build()) {
            for (CandidateResult r : batch) {
                w.write(codec.toRow(r));
            }
            return w.getDataSize();
        }
    }

    @Benchmark
    public int formulaFormatter() {
        int n = 0;
        for (CandidateResult r : batch) {
            Composition c = r.composition();
            StringBuilder sb = new StringBuilder();
            List<String> symbols = c.symbols();
            for (int i = 0; i < symbols.size(); i++) {
                double a = c.amount(symbols.get(i));
                String s = Math.abs(a - 1.0) < 1e-12 ? "" : Math.abs(a - Math.rint(a)) < 1e-9
                        ? Long.toString(Math.round(a)) : String.format(Locale.ROOT, "%.8f", a).replaceAll("0+$", "");
                sb.append(symbols.get(i)).append(s.endsWith(".") ? s.substring(0, s.length() - 1) : s);
            }
            n += sb.length();
        }
        return n;
    }

    @Benchmark
    public int formula() {
        int n = 0;
        for (CandidateResult r : batch) {
            n += r.composition().formula().length();
        }
        return n;
    }
}
