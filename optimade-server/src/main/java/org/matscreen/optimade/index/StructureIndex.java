package org.matscreen.optimade.index;

import java.time.Instant;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.Map;
import java.util.Optional;
import org.matscreen.optimade.access.Principal;
import org.matscreen.optimade.schema.StructureProperty;

/**
 * An immutable in-memory, column-oriented index of a repository's records: one primitive array (or dictionary
 * codes) per queryable property, the visibility of every row, and where each row lives in the chunk files for the
 * large columns. Filters compile to whole-column operations ({@link ColumnarFilter}), so a query over 10^6 rows
 * touches a few arrays rather than 10^6 objects. Safe for concurrent readers.
 */
public final class StructureIndex {
    private final int rows;
    private final Map<String, IndexColumn> columns;
    private final VisibilityColumn visibility;
    private final DetailStore details;
    private final Instant builtAt;
    private final int chunkFiles;

    StructureIndex(int rows, Map<String, IndexColumn> columns, VisibilityColumn visibility, DetailStore details,
            Instant builtAt, int chunkFiles) {
        this.rows = rows;
        this.columns = Map.copyOf(columns);
        this.visibility = visibility;
        this.details = details;
        this.builtAt = builtAt;
        this.chunkFiles = chunkFiles;
    }

    /** Number of records indexed (visible or not). */
    public int rows() {
        return rows;
    }

    public int chunkFiles() {
        return chunkFiles;
    }

    public Instant builtAt() {
        return builtAt;
    }

    /** The index column a property reads from, if it lives in the index. */
    public Optional<IndexColumn> column(StructureProperty property) {
        return property.inIndex() ? Optional.ofNullable(columns.get(property.key())) : Optional.empty();
    }

    /** The index column stored under {@code key} (a record column name or a derived property name), or null. */
    IndexColumn column(String key) {
        return columns.get(key);
    }

    /** The rows {@code principal} may see on {@code today}; do not modify the returned set. */
    public BitSet visibleTo(Principal principal, LocalDate today) {
        return visibility.visibleTo(principal, today);
    }

    /** The row of the record with this id, or -1 (whether or not the caller may see it: check visibility). */
    public int rowOfId(String id) {
        return ((StringColumn) columns.get("id")).rowOf(id);
    }

    /** The id of a row. */
    public String id(int row) {
        return ((StringColumn) columns.get("id")).get(row);
    }

    public DetailStore details() {
        return details;
    }
}
