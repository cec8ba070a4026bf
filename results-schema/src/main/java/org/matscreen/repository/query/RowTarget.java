package org.matscreen.repository.query;

import java.time.Instant;
import java.util.Optional;
import org.matscreen.repository.Column;
import org.matscreen.repository.filter.FilterTarget;
import org.matscreen.repository.schema.RecordRow;

/** A {@link RecordRow} seen by a compiled filter: property names resolved to columns, timestamps as instants. */
record RowTarget(RecordRow row) implements FilterTarget {

    @Override
    public Optional<?> value(String property) {
        Optional<Column> column = RecordProperties.column(property);
        if (column.isEmpty()) {
            return Optional.empty();
        }
        Object v = row.get(column.get().name());
        if (v instanceof Long ms && column.get().kind() == Column.Kind.TIMESTAMP_MS) {
            return Optional.of(Instant.ofEpochMilli(ms));
        }
        return Optional.ofNullable(v);
    }
}
