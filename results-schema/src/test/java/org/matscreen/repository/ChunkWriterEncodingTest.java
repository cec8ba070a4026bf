package org.matscreen.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.result.CandidateResult;

class ChunkWriterEncodingTest {

    @Test
    void positionsAreWrittenWithoutADictionaryAndWithoutSizeStatisticsAndReadBackEqual(@TempDir Path dir)
            throws IOException {
        RepositoryLayout layout = new RepositoryLayout(dir.toString(), new Configuration());
        List<CandidateResult> records = List.of(Records.ok("Cu0.75Ni0.25", 3), Records.ok("Cu0.5Ni0.5", 4));
        new ChunkWriter(layout).commit(records);
        RepositoryLayout.Chunk c = layout.chunks().get(0);
        try (ParquetFileReader f = ParquetFileReader.open(HadoopInputFile.fromPath(c.path(), layout.conf()))) {
            Map<String, ColumnChunkMetaData> columns = f.getFooter().getBlocks().get(0).getColumns().stream()
                    .collect(Collectors.toMap(m -> m.getPath().toDotString(), m -> m));
            ColumnChunkMetaData positions = columns.get("fractional_positions.list.element");
            assertFalse(positions.hasDictionaryPage(), "positions: " + positions.getEncodings());
            assertNull(positions.getSizeStatistics(), "no size statistics");
            // columns with few distinct values keep their dictionary
            assertTrue(columns.get("chemical_system").hasDictionaryPage());
            assertTrue(columns.get("site_species.list.element").hasDictionaryPage());
        }
        // the positions read back bit for bit (RepositoryRoundTripTest checks every other field)
        List<CandidateResult> back = new ResultReader(layout).readAll().stream()
                .sorted(java.util.Comparator.comparingLong(CandidateResult::candidateIndex)).toList();
        for (int i = 0; i < records.size(); i++) {
            assertArrayEquals(records.get(i).relaxed().fractionalCoordinates(), back.get(i).relaxed()
                    .fractionalCoordinates());
            assertArrayEquals(records.get(i).relaxation().stressGpa(), back.get(i).relaxation().stressGpa());
        }
    }
}
