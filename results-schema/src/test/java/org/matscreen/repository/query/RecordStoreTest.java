package org.matscreen.repository.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.repository.RecordCodec;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;
import org.matscreen.repository.TestRepositories;
import org.matscreen.repository.filter.CompiledFilter;
import org.matscreen.repository.filter.FilterCompiler;
import org.matscreen.repository.filter.FilterException;
import org.matscreen.repository.schema.RecordRow;
import org.matscreen.repository.schema.RowConversion;

/**
 * Queries give the rows a brute-force evaluation gives (every record decoded whole, the filter tested on it, sorted in
 * memory), whatever pruning, projection and push-down did on the way.
 */
class RecordStoreTest {
    @TempDir
    static Path dir;

    static RepositoryLayout layout;
    static List<RecordRow> everything;

    @BeforeAll
    static void repository() {
        layout = TestRepositories.quaternary(dir);
        RecordCodec codec = new RecordCodec();
        everything = new ArrayList<>();
        new ResultReader(layout).forEach(r -> everything.add(RowConversion.toRow(codec.encode(r))));
    }

    static List<String> bruteForce(String where, List<SortKey> sort, long limit) {
        CompiledFilter f = where.isBlank() ? null : FilterCompiler.compile(where, RecordProperties.catalogue());
        List<SortKey> order = new RecordQuery(where, sort, limit, List.of()).effectiveSort();
        return everything.stream().filter(r -> f == null || f.test(new RowTarget(r))).sorted(SortKey.comparator(order))
                .limit(limit == 0 ? Long.MAX_VALUE : limit).map(r -> (String) r.get("id")).toList();
    }

    static List<String> ids(QueryResult r) {
        return r.rows().stream().map(x -> (String) x.get("id")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "dh_mix_ev_per_atom < 0",
        "dh_mix_ev_per_atom <= 0 AND bulk_modulus_gpa > 150",
        "elements HAS ALL \"Co\",\"Ni\"",
        "elements HAS ALL \"Co\",\"Ni\" AND nelements = 2",
        "chemical_system = \"Cr-Fe-Ni\" OR chemical_system = \"Co\"",
        "NOT elements HAS \"Fe\" AND prototype = \"bcc\"",
        "status != \"ok\"",
        "bulk_modulus_gpa IS UNKNOWN",
        "NOT dh_mix_ev_per_atom >= 0",
        "nelements >= 3 AND relax_converged = FALSE",
        "chemical_formula_reduced STARTS WITH \"Co\"",
        "_matscreen_nsites = 54 AND visibility = \"embargoed\"",
        "elements HAS ONLY \"Co\",\"Cr\",\"Fe\" AND NOT nelements = 1",
        "started_at > \"2025-11-09T08:00:30Z\"",
        "energy_per_atom_ev < -4.2 OR density_g_per_cm3 > 8.5",
        "nelements < 2.5 AND dh_mix_ev_per_atom > -0.005"
    })
    void filteredQueriesMatchBruteForce(String where) {
        RecordStore store = new RecordStore(layout);
        QueryResult r = store.query(RecordQuery.where(where).selecting(List.of("id", "formula")));
        assertEquals(bruteForce(where, List.of(), 0), ids(r), where);
        assertEquals(r.rows().size(), r.statistics().rowsMatched());
    }

    @Test
    void topNIsTheBestNByTheSortKeysWithUnknownsLast() {
        RecordStore store = new RecordStore(layout);
        List<SortKey> sort = SortKey.parse("dh_mix_ev_per_atom:desc,-bulk_modulus_gpa", "--sort");
        QueryResult r = store.query(RecordQuery.where("nelements >= 2").sortedBy(sort).limitedTo(7)
                .selecting(List.of("id", "dh_mix_ev_per_atom")));
        assertEquals(bruteForce("nelements >= 2", sort, 7), ids(r));
        assertEquals(7, r.rows().size());
        List<Double> values = r.rows().stream().map(x -> (Double) x.get("dh_mix_ev_per_atom")).toList();
        assertTrue(values.stream().allMatch(v -> v != null), "unknown values sort last: " + values);
        assertEquals(values.stream().sorted(Comparator.reverseOrder()).toList(), values);
        List<SortKey> ascending = SortKey.parse("bulk_modulus_gpa", "--sort");
        QueryResult all = store.query(RecordQuery.all().sortedBy(ascending).selecting(List.of("id")));
        assertEquals(bruteForce("", ascending, 0).size(), all.rows().size());
    }

    @Test
    void rowsHaveExactlyTheSelectedColumns() {
        QueryResult r = new RecordStore(layout).query(RecordQuery.where("elements HAS \"Cr\"")
                .selecting(List.of("formula", "bulk_modulus_gpa")).limitedTo(3));
        for (RecordRow row : r.rows()) {
            assertTrue(Set.of("formula", "bulk_modulus_gpa").containsAll(row.values().keySet()), row.toString());
        }
    }

    @Test
    void systemsTheFilterExcludesAreNotOpened() {
        QueryResult r = new RecordStore(layout).query(RecordQuery.where("elements HAS ALL \"Co\",\"Ni\" AND"
                + " nelements = 2"));
        ScanStatistics s = r.statistics();
        long coNiChunks = layout.chunks().stream().filter(c -> c.path().getParent().getName().equals("system=Co-Ni"))
                .count();
        assertEquals(s.chunks() - coNiChunks, s.chunksPruned());
        assertEquals(6, r.rows().size(), "Co-Ni: 3 compositions x 2 prototypes");
    }

    @Test
    void anExactIdFindsOneRecord() {
        String id = (String) everything.get(17).get("id");
        QueryResult r = new RecordStore(layout).query(RecordQuery.where("id = \"" + id + "\""));
        assertEquals(List.of(id), ids(r));
        assertEquals(everything.get(17), r.rows().get(0), "every column, as written");
    }

    @Test
    void recordsDecodeToWhatWasWritten() {
        List<CandidateResult> read = new ArrayList<>();
        new RecordStore(layout).records("status = \"ok\" AND nelements = 4", read::add);
        assertEquals(bruteForce("status = \"ok\" AND nelements = 4", List.of(), 0).stream().sorted().toList(),
                read.stream().map(CandidateResult::id).sorted().toList());
        RecordCodec codec = new RecordCodec();
        for (CandidateResult r : read) {
            RecordRow expected = everything.stream().filter(x -> x.get("id").equals(r.id())).findFirst().orElseThrow();
            assertEquals(expected, RowConversion.toRow(codec.encode(r)));
        }
    }

    @Test
    void badFiltersAreInputErrorsAndForeignPropertiesWarn() {
        RecordStore store = new RecordStore(layout);
        FilterException unknown = assertThrows(FilterException.class,
                () -> store.query(RecordQuery.where("no_such_column > 1")));
        assertTrue(unknown.getMessage().contains("no_such_column"), unknown.getMessage());
        assertThrows(FilterException.class, () -> store.query(RecordQuery.where("nelements >")));
        QueryResult r = store.query(RecordQuery.where("_exmpl_band_gap > 1 OR nelements = 1"));
        assertEquals(8, r.rows().size());
        assertEquals(1, r.statistics().warnings().size());
    }

    @Test
    void everyStatusIsCountedOnce() {
        QueryResult r = new RecordStore(layout).query(RecordQuery.all().selecting(List.of("status")));
        assertEquals(70, r.rows().size());
        assertEquals(everything.stream().collect(Collectors.groupingBy(x -> x.get("status"), Collectors.counting())),
                r.rows().stream().collect(Collectors.groupingBy(x -> x.get("status"), Collectors.counting())));
    }
}
