package org.matscreen.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.result.CandidateResult;

class RepositoryRoundTripTest {

    @Test
    void writtenRecordsReadBackEqual(@TempDir Path dir) {
        RepositoryLayout layout = new RepositoryLayout(dir.toString(), new Configuration());
        List<CandidateResult> in = List.of(Records.ok("Cu0.75Ni0.25", 3), Records.ok("Cu0.5Ni0.5", 4),
                Records.crashed("Cu", 0));
        assertEquals(3, new ChunkWriter(layout).commit(in));
        List<CandidateResult> out = new ResultReader(layout).readAll();
        out.sort(Comparator.comparingLong(CandidateResult::candidateIndex));
        assertEquals(3, out.size());
        for (CandidateResult a : in) {
            CandidateResult b = out.stream().filter(r -> r.id().equals(a.id())).findFirst().orElseThrow();
            assertEquals(a.composition(), b.composition());
            assertEquals(a.cellComposition(), b.cellComposition());
            assertEquals(a.recipe(), b.recipe());
            assertEquals(a.status(), b.status());
            assertEquals(a.errorText(), b.errorText());
            assertEquals(a.relaxed(), b.relaxed());
            assertEquals(a.properties(), b.properties());
            assertEquals(a.relaxation(), b.relaxation());
            assertArrayEquals(a.eosEnergiesEvPerAtom(), b.eosEnergiesEvPerAtom());
            assertEquals(a.method(), b.method());
            assertEquals(a.potentialFile(), b.potentialFile());
            if (a.warrenCowley() != null) {
                assertEquals(a.warrenCowley()[0][1][0], b.warrenCowley()[0][1][0]);
            }
            assertEquals(a.provenance(), b.provenance());
            assertEquals(a.visibility(), b.visibility());
            assertEquals(a.startingLatticeParameterAngstrom(), b.startingLatticeParameterAngstrom());
            if (a.elastic() != null) {
                assertArrayEquals(a.elastic().stressPlusGpa()[3], b.elastic().stressPlusGpa()[3]);
            } else {
                assertNull(b.elastic());
            }
            assertEquals(a.descriptors().keySet().stream().filter(k -> org.matscreen.core.screening.Metrics.all()
                    .containsKey(k)).count(), b.descriptors().size());
        }
    }

    @Test
    void chunksAreHivePartitionedAndNamedBySpan(@TempDir Path dir) throws IOException {
        RepositoryLayout layout = new RepositoryLayout(dir.toString(), new Configuration());
        new ChunkWriter(layout).commit(List.of(Records.ok("Cu0.75Ni0.25", 3), Records.ok("Cu0.5Ni0.5", 7),
                Records.crashed("Cu", 1)));
        List<RepositoryLayout.Chunk> chunks = layout.chunks();
        assertEquals(2, chunks.size());
        RepositoryLayout.Chunk cuNi = chunks.stream().filter(c -> c.path().getParent().getName()
                .equals("system=Cu-Ni")).findFirst().orElseThrow();
        assertEquals(3, cuNi.first());
        assertEquals(7, cuNi.last());
        assertTrue(cuNi.overlaps(7, 8));
        assertFalse(cuNi.overlaps(8, 20));
        try (Stream<Path> files = Files.walk(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".crc")), "no checksum litter");
        }
        ResultReader reader = new ResultReader(layout);
        assertEquals(Set.of("id3", "id7"), reader.ids(List.of(cuNi)));
        assertEquals(Map.of("ok", 2L, "crashed", 1L), reader.statusCounts());
        assertEquals(2, reader.rowCount(cuNi.path()));
    }

    @Test
    void uriFormsAreKept() {
        assertEquals("hdfs://nn:8020/x", RepositoryLayout.toUri("hdfs://nn:8020/x").toString());
        assertEquals("file:/tmp/x", RepositoryLayout.toUri("file:/tmp/x").toString());
        assertTrue(RepositoryLayout.toUri("results/x").toString().startsWith("file:/"));
    }
}
