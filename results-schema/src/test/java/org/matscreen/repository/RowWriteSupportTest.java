package org.matscreen.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.repository.schema.RecordRow;
import org.matscreen.repository.schema.RowConversion;
import org.matscreen.repository.schema.RowWriteSupport;

/**
 * Chunks written straight from rows ({@link RowWriteSupport}, what {@link ChunkWriter} uses) hold exactly what
 * Parquet's own example writer writes from the same rows copied into groups: same schema, same rows read back by a
 * generic Parquet reader, same footer entries.
 */
class RowWriteSupportTest {
    private final RecordCodec codec = new RecordCodec();

    /** An OK record (positions, strains, lists of every kind), a crashed one (most columns unknown), another OK one. */
    private static List<CandidateResult> records() {
        return List.of(Records.ok("Cu0.75Ni0.25", 3), Records.crashed("Cu0.5Ni0.5", 4), Records.ok("Cu0.25Ni0.75", 5));
    }

    private static List<RecordRow> rowsOf(org.apache.hadoop.fs.Path file, Configuration conf) throws IOException {
        List<RecordRow> out = new ArrayList<>();
        try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(), file).withConf(conf).build()) {
            for (Group g; (g = r.read()) != null; ) {
                out.add(RowConversion.toRow(g));
            }
        }
        out.sort(Comparator.comparingLong(row -> ((Number) row.get("candidate_index")).longValue()));
        return out;
    }

    @Test
    void chunksReadBackAsTheExampleWritersFilesDo(@TempDir Path dir) throws IOException {
        Configuration conf = new Configuration();
        RepositoryLayout layout = new RepositoryLayout(dir.resolve("repo").toString(), conf);
        new ChunkWriter(layout).commit(records());
        List<RepositoryLayout.Chunk> chunks = layout.chunks();
        assertEquals(1, chunks.size());
        org.apache.hadoop.fs.Path direct = chunks.get(0).path();

        org.apache.hadoop.fs.Path example = new org.apache.hadoop.fs.Path(dir.resolve("example.parquet").toUri());
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(example, conf))
                .withType(codec.schema()).withConf(conf).build()) {
            for (CandidateResult r : records()) {
                w.write(codec.encode(r));
            }
        }

        List<RecordRow> a = rowsOf(direct, conf);
        List<RecordRow> b = rowsOf(example, conf);
        assertEquals(3, a.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(b.get(i).values().keySet(), a.get(i).values().keySet(), "known columns of row " + i);
            assertEquals(b.get(i), a.get(i), "row " + i);
        }
        // the rows are the codec's own (nothing lost on the way), and a crashed record leaves its unknowns out
        assertEquals(codec.toRow(records().get(0)), a.get(0));
        assertTrue(a.get(1).values().size() < a.get(0).values().size());
        assertTrue(((List<?>) a.get(0).get("fractional_positions")).size() > 0);

        try (ParquetFileReader f = ParquetFileReader.open(HadoopInputFile.fromPath(direct, conf))) {
            MessageType schema = f.getFooter().getFileMetaData().getSchema();
            assertEquals(codec.schema(), schema);
            Map<String, String> kv = f.getFooter().getFileMetaData().getKeyValueMetaData();
            assertEquals(Integer.toString(RecordSchema.VERSION), kv.get("matscreen.schema_version"));
            assertEquals("crashed=1,ok=2", kv.get(StatusCountsFooter.KEY).replace(" ", ""));
        }
    }

    @Test
    void aColumnTheSchemaDoesNotDefineIsNamed(@TempDir Path dir) throws IOException {
        Configuration conf = new Configuration();
        Map<String, Object> values = new LinkedHashMap<>(codec.toRow(records().get(0)).values());
        values.put("band_gap_ev", 1.2);
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(dir.resolve("x.parquet").toUri());
        try (ParquetWriter<RecordRow> w = RowWriteSupport.builder(HadoopOutputFile.fromPath(file, conf),
                codec.writeSupport(Map.of())).withConf(conf).build()) {
            MatscreenException e = assertThrows(MatscreenException.class, () -> w.write(RecordRow.of(values)));
            assertTrue(e.getMessage().contains("'band_gap_ev'") && e.getMessage().contains("migrated"),
                    e.getMessage());
        }
    }
}
