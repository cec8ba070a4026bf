package org.matscreen.repository.query;

import java.util.List;
import java.util.Objects;

/**
 * What to read from a repository.
 *
 * @param where an OPTIMADE filter ({@code ""} for every record)
 * @param sort sort keys; empty means candidate order ({@code campaign}, {@code candidate_index})
 * @param limit the most rows to return, 0 for all
 * @param columns the columns each returned row has; empty for every column
 */
public record RecordQuery(String where, List<SortKey> sort, long limit, List<String> columns) {
    public RecordQuery {
        Objects.requireNonNull(where, "where");
        sort = List.copyOf(sort);
        columns = List.copyOf(columns);
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0: " + limit);
        }
    }

    /** Every record, every column, candidate order. */
    public static RecordQuery all() {
        return new RecordQuery("", List.of(), 0, List.of());
    }

    public static RecordQuery where(String filter) {
        return new RecordQuery(filter, List.of(), 0, List.of());
    }

    public RecordQuery sortedBy(List<SortKey> keys) {
        return new RecordQuery(where, keys, limit, columns);
    }

    public RecordQuery limitedTo(long n) {
        return new RecordQuery(where, sort, n, columns);
    }

    public RecordQuery selecting(List<String> names) {
        return new RecordQuery(where, sort, limit, names);
    }

    /** The order rows are returned in: the sort keys, or candidate order. */
    List<SortKey> effectiveSort() {
        return sort.isEmpty() ? List.of(new SortKey("campaign", false), new SortKey("candidate_index", false))
                : sort;
    }
}
