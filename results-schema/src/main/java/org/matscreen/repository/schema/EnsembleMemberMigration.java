package org.matscreen.repository.schema;

/**
 * Version 2 → 3 (issue 14: ensembles of potentials). Version 3 adds {@code configuration_id}, present only on records
 * computed as a member of an ensemble; every version-2 row was computed with a single potential, its ordering seeded
 * from its id, so it reads as such with the column absent. Nothing else changes.
 */
final class EnsembleMemberMigration implements SchemaMigration {

    @Override
    public int fromVersion() {
        return 2;
    }

    @Override
    public String description() {
        return "`configuration_id` absent: every version-2 row was computed with a single potential (its site"
                + " ordering seeded from `id`)";
    }

    @Override
    public RecordRow migrate(RecordRow row) {
        return row.with(RecordRow.VERSION_COLUMN, 3);
    }
}
