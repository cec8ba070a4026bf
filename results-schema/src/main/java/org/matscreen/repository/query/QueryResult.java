package org.matscreen.repository.query;

import java.util.List;
import org.matscreen.repository.schema.RecordRow;

/**
 * The rows a {@link RecordQuery} selected, in its order, each with the query's columns (plus {@code id}), and how the
 * scan went.
 */
public record QueryResult(List<RecordRow> rows, ScanStatistics statistics) {
    public QueryResult {
        rows = List.copyOf(rows);
    }
}
