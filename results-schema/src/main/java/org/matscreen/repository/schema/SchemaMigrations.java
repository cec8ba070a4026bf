package org.matscreen.repository.schema;

import java.util.List;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.repository.RecordSchema;

/**
 * The chain of {@link SchemaMigration}s from the oldest readable version to {@link RecordSchema#VERSION}. Readers
 * apply it to every row whose version is older than the current one; a row from a newer matscreen is refused rather
 * than misread.
 */
public final class SchemaMigrations {
    /** Every step, oldest first; step {@code i} reads version {@code i}. */
    private static final List<SchemaMigration> STEPS = List.of(new DraftLayoutMigration(),
            new StructureIdentityMigration(), new EnsembleMemberMigration());

    static {
        for (int i = 0; i < STEPS.size(); i++) {
            if (STEPS.get(i).fromVersion() != i) {
                throw new IllegalStateException("migration step " + i + " reads version " + STEPS.get(i).fromVersion());
            }
        }
        if (STEPS.size() != RecordSchema.VERSION) {
            throw new IllegalStateException("migrations reach version " + STEPS.size() + ", the schema is version "
                    + RecordSchema.VERSION);
        }
    }

    private SchemaMigrations() {}

    /** The steps, oldest first. */
    public static List<SchemaMigration> steps() {
        return STEPS;
    }

    /**
     * {@code row} in the current version.
     *
     * @throws MatscreenException if the row is from a newer schema version than this build reads
     */
    public static RecordRow toCurrent(RecordRow row) {
        int version = row.version();
        if (version > RecordSchema.VERSION) {
            throw new MatscreenException("record " + row.get("id") + " has schema version " + version + "; this"
                    + " matscreen reads versions up to " + RecordSchema.VERSION + ": upgrade matscreen to read it");
        }
        RecordRow r = row;
        for (int v = version; v < RecordSchema.VERSION; v++) {
            r = STEPS.get(v).migrate(r);
        }
        return r;
    }
}
