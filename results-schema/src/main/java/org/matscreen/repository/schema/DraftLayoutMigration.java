package org.matscreen.repository.schema;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.core.result.Provenance;

/**
 * Version 0 → 1. Version 0 is the draft record layout of the architecture sketch, identified by having no
 * {@value RecordRow#VERSION_COLUMN} column: the chemical system in {@code system}, start and end times as ISO-8601
 * text, no visibility columns, and one potential file per campaign (so no {@code method_potential_*} columns and no
 * {@code origin}: every draft record was computed). No release wrote it; the step keeps the chain exercised by a real file in the
 * tests, and shows the three kinds of change a migration makes (a rename, a type change, a new required column with
 * a default).
 */
final class DraftLayoutMigration implements SchemaMigration {

    @Override
    public int fromVersion() {
        return 0;
    }

    @Override
    public String description() {
        return "`system` renamed to `chemical_system`; `started_at`/`finished_at` from ISO-8601 text to timestamps"
                + " (ms); `visibility` (`public`) and `owner` (empty) added, as draft records were published openly;"
                + " `method_potential*` copied from the `potential_*` columns (a draft campaign had one potential"
                + " file); `origin` set to `computed`";
    }

    @Override
    public RecordRow migrate(RecordRow row) {
        RecordRow r = row.renamed("system", "chemical_system")
                .with("started_at", epochMs(row, "started_at"))
                .with("finished_at", epochMs(row, "finished_at"));
        if (!r.has("visibility")) {
            r = r.with("visibility", Visibility.Level.PUBLIC.key()).with("owner", "");
        }
        if (!r.has("method_potential")) {
            r = r.with("method_potential", row.get("potential_name"))
                    .with("method_potential_key", row.get("potential_sha256"))
                    .with("method_potential_elements", row.get("potential_elements"))
                    .with("method_potential_citation", row.get("potential_citation"));
        }
        if (!r.has("origin")) {
            r = r.with("origin", Provenance.COMPUTED);
        }
        return r.with(RecordRow.VERSION_COLUMN, 1);
    }

    private static Long epochMs(RecordRow row, String column) {
        Object v = row.get(column);
        if (v == null || v instanceof Long) {
            return (Long) v;
        }
        try {
            return Instant.parse((String) v).toEpochMilli();
        } catch (DateTimeParseException | ClassCastException e) {
            throw new MatscreenException("version-0 row " + row.get("id") + ": " + column + " is not an ISO-8601"
                    + " instant: '" + v + "'", e);
        }
    }
}
