package org.matscreen.repository.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.repository.ChunkWriter;
import org.matscreen.repository.Records;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.TestRepositories;
import org.matscreen.repository.filter.FilterCompiler;
import org.matscreen.repository.filter.FilterParser;

/** Which parts of a filter go to Parquet, and that what goes there never drops a matching row. */
class PushDownTest {

    static String pushed(String where) {
        return PushDown.of(FilterParser.parse(where)).map(Object::toString).orElse("");
    }

    @Test
    void topLevelComparisonsOfScalarsArePushed() {
        assertEquals("and(lt(dh_mix_ev_per_atom, 0.1), gt(nelements, 2))",
                pushed("dh_mix_ev_per_atom < 0.1 AND nelements > 2"));
        assertEquals("eq(chemical_system, Binary{\"Co-Ni\"})", pushed("chemical_system = \"Co-Ni\""));
        assertEquals("gt(nelements, 2)", pushed("2 < nelements"));
        assertEquals("eq(relax_converged, true)", pushed("relax_converged = TRUE"));
    }

    @Test
    void whatParquetCannotDecideExactlyStaysWithTheCompiledFilter() {
        assertEquals("", pushed("dh_mix_ev_per_atom < 0 OR nelements > 2"));
        assertEquals("", pushed("NOT nelements > 2"));
        assertEquals("", pushed("elements HAS \"Co\""));
        assertEquals("", pushed("formula > \"Co\""));
        assertEquals("", pushed("nelements < 2.5"));
        assertEquals("", pushed("started_at > \"2025-01-01T00:00:00Z\""));
        assertEquals("gt(nelements, 1)", pushed("nelements > 1 AND (status = \"ok\" OR nelements = 1)"));
    }

    @Test
    void bothZerosMatchAComparisonWithZero(@TempDir Path dir) {
        // The filter language has one zero; Parquet orders -0.0 before 0.0. A record with -0.0 must still match.
        RepositoryLayout layout = TestRepositories.layout(dir);
        var negative = Records.ok("Cu0.5Ni0.5", 1);
        var props = negative.properties();
        var b = org.matscreen.core.properties.CandidateProperties.builder();
        props.values().forEach(b::put);
        var minusZero = b.put("dh_mix_ev_per_atom", -0.0).build();
        var r = new org.matscreen.core.result.CandidateResult(negative.id(), negative.campaign(), 1,
                negative.composition(), negative.cellComposition(), negative.recipe(), 3.6, negative.status(), "",
                negative.relaxed(), minusZero, negative.relaxation(), negative.eosVolumesA3PerAtom(),
                negative.eosEnergiesEvPerAtom(), negative.elastic(), Map.of(), negative.warrenCowley(),
                negative.method(), negative.potentialFile(), negative.provenance(), negative.visibility());
        new ChunkWriter(layout).commit(List.of(r));
        RecordStore store = new RecordStore(layout);
        for (String where : List.of("dh_mix_ev_per_atom = 0", "dh_mix_ev_per_atom >= 0", "dh_mix_ev_per_atom <= 0",
                "dh_mix_ev_per_atom = -0.0")) {
            assertEquals(1, store.query(RecordQuery.where(where)).rows().size(), where);
        }
        for (String where : List.of("dh_mix_ev_per_atom < 0", "dh_mix_ev_per_atom > 0", "dh_mix_ev_per_atom != 0")) {
            assertEquals(0, store.query(RecordQuery.where(where)).rows().size(), where);
        }
        assertTrue(FilterCompiler.compile("dh_mix_ev_per_atom = 0", RecordProperties.catalogue()).test(
                new RowTarget(org.matscreen.repository.schema.RecordRow.of(Map.of("dh_mix_ev_per_atom", -0.0)))));
    }
}
