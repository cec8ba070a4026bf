package org.matscreen.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.result.CandidateResult;

class StatusCountsFooterTest {

    @Test
    void aCommittedChunkCarriesItsStatusCountsInItsFooter(@TempDir Path dir) throws IOException {
        RepositoryLayout layout = new RepositoryLayout(dir.toString(), new Configuration());
        new ChunkWriter(layout).commit(List.of(Records.ok("Cu0.75Ni0.25", 3), Records.crashed("Cu0.5Ni0.5", 4),
                Records.ok("Cu0.25Ni0.75", 5)));
        RepositoryLayout.Chunk c = layout.chunks().get(0);
        try (ParquetFileReader f = ParquetFileReader.open(HadoopInputFile.fromPath(c.path(), layout.conf()))) {
            assertEquals("crashed=1,ok=2", f.getFileMetaData().getKeyValueMetaData().get(StatusCountsFooter.KEY));
        }
        assertEquals(Map.of("ok", 2L, "crashed", 1L), new ResultReader(layout).statusCounts());
    }

    @Test
    void aChunkWithoutTheFooterIsCountedFromItsStatusColumn(@TempDir Path dir) throws IOException {
        RepositoryLayout layout = new RepositoryLayout(dir.toString(), new Configuration());
        new ChunkWriter(layout).commit(List.of(Records.ok("Cu0.75Ni0.25", 3)));
        // a chunk as versions before the footer wrote it: the same records, no status counts in the footer
        writeWithoutCounts(layout, 10, List.of(Records.crashed("Cu0.5Ni0.5", 10), Records.ok("Cu0.25Ni0.75", 11)));
        assertEquals(2, layout.chunks().size());
        assertEquals(Map.of("ok", 2L, "crashed", 1L), new ResultReader(layout).statusCounts());
    }

    @Test
    void theFooterIsWhatIsCountedWhenPresent(@TempDir Path dir) throws IOException {
        // the footer is trusted without reading the column: one record, a footer that says five
        RepositoryLayout layout = new RepositoryLayout(dir.toString(), new Configuration());
        CandidateResult r = Records.ok("Cu0.75Ni0.25", 3);
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(layout.systemDir(r.chemicalSystem()),
                RepositoryLayout.chunkName(3, 3, "0123456789abcdef"));
        write(layout, file, List.of(r), Map.of(StatusCountsFooter.KEY, "ok=5"));
        assertEquals(Map.of("ok", 5L), new ResultReader(layout).statusCounts());
    }

    @Test
    void formatsAndParsesCountsAndRefusesAnythingElse() {
        assertEquals("crashed=1,ok=2", StatusCountsFooter.format(List.of(Records.ok("Cu0.75Ni0.25", 3),
                Records.crashed("Cu0.5Ni0.5", 4), Records.ok("Cu0.25Ni0.75", 5))));
        assertEquals(Map.of("ok", 2L, "crashed", 1L), StatusCountsFooter.parse("crashed=1,ok=2"));
        assertEquals(Map.of(), StatusCountsFooter.parse(""));
        assertNull(StatusCountsFooter.parse(null));
        assertNull(StatusCountsFooter.parse("ok"));
        assertNull(StatusCountsFooter.parse("ok=x"));
        assertNull(StatusCountsFooter.parse("ok=-1"));
        assertNull(StatusCountsFooter.parse("=3"));
    }

    private static void writeWithoutCounts(RepositoryLayout layout, long first, List<CandidateResult> records)
            throws IOException {
        long last = records.stream().mapToLong(CandidateResult::candidateIndex).max().orElseThrow();
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(layout.systemDir(records.get(0)
                .chemicalSystem()), RepositoryLayout.chunkName(first, last, "fedcba9876543210"));
        write(layout, file, records, Map.of("matscreen.schema_version", Integer.toString(RecordSchema.VERSION)));
    }

    private static void write(RepositoryLayout layout, org.apache.hadoop.fs.Path file, List<CandidateResult> records,
            Map<String, String> meta) throws IOException {
        RecordCodec codec = new RecordCodec();
        layout.fs().mkdirs(file.getParent());
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(file, layout.conf()))
                .withType(codec.schema()).withConf(layout.conf()).withExtraMetaData(meta).build()) {
            for (CandidateResult r : records) {
                w.write(codec.encode(r));
            }
        }
    }
}
