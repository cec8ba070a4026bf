package org.matscreen.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.repository.query.RecordQuery;
import org.matscreen.repository.query.RecordStore;
import org.matscreen.repository.schema.RecordRow;

/**
 * The repository read without matscreen, by DuckDB's Parquet reader (C++, independent of the parquet-mr library
 * matscreen writes with): row count, Hive partition column, strings, lists, nulls, timestamps and doubles as written.
 * Debian has no pyarrow package for this release, so DuckDB (in process through its JDBC driver from Maven Central)
 * stands in for it.
 */
@Tag("integration")
@Tag("duckdb")
class DuckDbReaderIntegrationTest {

    @Test
    void duckDbReadsEveryRowAsWritten(@TempDir Path dir) throws SQLException {
        RepositoryLayout layout = TestRepositories.quaternary(dir);
        Map<String, RecordRow> written = new HashMap<>();
        new RecordStore(layout).scan("", r -> written.put((String) r.get("id"), r));
        String glob = dir.resolve("data").toString() + "/**/*.parquet";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT id, system, chemical_system, nelements, elements,"
                    + " element_fractions, dh_mix_ev_per_atom, started_at, fractional_positions, relax_converged,"
                    + " embargo_until FROM read_parquet('" + glob + "', hive_partitioning = true)");
            int rows = 0;
            while (rs.next()) {
                rows++;
                RecordRow w = written.get(rs.getString("id"));
                assertEquals(w.get("chemical_system"), rs.getString("system"), "Hive partition column");
                assertEquals(w.get("chemical_system"), rs.getString("chemical_system"));
                assertEquals(((Number) w.get("nelements")).intValue(), rs.getInt("nelements"));
                assertEquals(w.get("elements"), Arrays.asList((Object[]) rs.getArray("elements").getArray()));
                assertEquals(w.get("element_fractions"),
                        Arrays.asList((Object[]) rs.getArray("element_fractions").getArray()));
                assertEquals(w.get("dh_mix_ev_per_atom"), rs.getObject("dh_mix_ev_per_atom"));
                assertEquals(w.get("started_at"), rs.getObject("started_at", OffsetDateTime.class).toInstant()
                        .toEpochMilli());
                assertEquals(w.get("relax_converged"), rs.getObject("relax_converged"));
                assertEquals(w.get("embargo_until"), rs.getString("embargo_until"));
                if (w.get("fractional_positions") == null) {
                    assertNull(rs.getArray("fractional_positions"));
                } else {
                    assertEquals(w.get("fractional_positions"),
                            Arrays.asList((Object[]) rs.getArray("fractional_positions").getArray()));
                }
            }
            assertEquals(written.size(), rows);
        }
    }

    @Test
    void sqlAndOptimadeFiltersAgree(@TempDir Path dir) throws SQLException {
        RepositoryLayout layout = TestRepositories.quaternary(dir);
        String glob = dir.resolve("data").toString() + "/**/*.parquet";
        long matscreen = new RecordStore(layout).query(RecordQuery.where("elements HAS ALL \"Co\",\"Ni\" AND"
                + " dh_mix_ev_per_atom < 0.01 AND status = \"ok\"").selecting(List.of("id"))).rows().size();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet('" + glob + "', hive_partitioning ="
                    + " true) WHERE list_has_all(elements, ['Co', 'Ni']) AND dh_mix_ev_per_atom < 0.01"
                    + " AND status = 'ok'");
            rs.next();
            assertEquals(matscreen, rs.getLong(1));
        }
    }
}
