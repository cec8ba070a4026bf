package org.matscreen.repository.schema;

/**
 * One step of the forward-migration chain: turns a row of schema version {@link #fromVersion()} into a row of
 * version {@code fromVersion() + 1}. Steps are pure functions of the row, so a file is never rewritten to be read:
 * old files stay as they were written and are upgraded row by row as they are read.
 */
public interface SchemaMigration {
    /** The version this step reads. */
    int fromVersion();

    /** One line for {@code SCHEMA.md}: what changed between the two versions. */
    String description();

    /** The row in version {@code fromVersion() + 1}, including its new {@value RecordRow#VERSION_COLUMN}. */
    RecordRow migrate(RecordRow row);
}
