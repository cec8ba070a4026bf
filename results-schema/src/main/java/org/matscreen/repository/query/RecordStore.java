package org.matscreen.repository.query;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.repository.Column;
import org.matscreen.repository.JsonFiles;
import org.matscreen.repository.Manifest;
import org.matscreen.repository.RecordCodec;
import org.matscreen.repository.RecordSchema;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.filter.CompiledFilter;
import org.matscreen.repository.filter.FilterCompiler;
import org.matscreen.repository.schema.RecordRow;

/**
 * A campaign repository as a queryable store of records. Every read streams chunk by chunk and holds at most the
 * rows it returns: a filtered top-N keeps N rows in memory whatever the repository's size. A scan skips the chemical
 * systems the filter excludes without opening their files, reads only the columns it needs, and lets Parquet drop
 * rows that fail the filter's simple comparisons (see {@link PartitionPruning} and {@link PushDown}); rows of older
 * schema versions are migrated as they are read.
 */
public final class RecordStore {
    private final RepositoryLayout layout;
    private final ChunkReader reader;

    public RecordStore(RepositoryLayout layout) {
        this.layout = layout;
        this.reader = new ChunkReader(layout.conf());
    }

    public RepositoryLayout layout() {
        return layout;
    }

    /** The repository's manifest, if it has one. */
    public Optional<Manifest> manifest() {
        return JsonFiles.read(layout, layout.manifest(), Manifest.class);
    }

    /**
     * The rows the query selects, in its order, limited to its limit.
     *
     * @throws org.matscreen.repository.filter.FilterException if the filter is malformed or names unknown properties
     */
    public QueryResult query(RecordQuery q) {
        List<SortKey> order = q.effectiveSort();
        TopRows top = new TopRows(SortKey.comparator(order), q.limit());
        Set<String> needed = new LinkedHashSet<>(q.columns());
        order.forEach(k -> needed.add(k.column()));
        ScanStatistics s = scanRows(q.where(), q.columns().isEmpty() ? null : needed, top::offer);
        List<RecordRow> rows = top.sorted();
        if (!q.columns().isEmpty()) {
            rows = rows.stream().map(r -> select(r, q.columns())).toList();
        }
        return new QueryResult(rows, s);
    }

    /**
     * Calls {@code sink} with every row that matches {@code where}, with every column, in storage order (chemical
     * system, then chunk).
     */
    public ScanStatistics scan(String where, Consumer<RecordRow> sink) {
        return scanRows(where, null, sink);
    }

    /**
     * Like {@link #scan(String, Consumer)}, reading only {@code columns} (and what the filter needs): rows from
     * current-version files have just those, migrated rows have every column.
     */
    public ScanStatistics scan(String where, Collection<String> columns, Consumer<RecordRow> sink) {
        return scanRows(where, columns.isEmpty() ? null : new LinkedHashSet<>(columns), sink);
    }

    /** Calls {@code sink} with every record that matches {@code where}, decoded, in storage order. */
    public ScanStatistics records(String where, Consumer<CandidateResult> sink) {
        RecordCodec codec = new RecordCodec();
        return scan(where, row -> sink.accept(codec.fromRow(row)));
    }

    /**
     * The scan itself.
     *
     * @param columns the columns the caller needs besides the filter's, or {@code null} for all
     */
    private ScanStatistics scanRows(String where, Set<String> columns, Consumer<RecordRow> sink) {
        long started = System.nanoTime();
        CompiledFilter filter = where.isBlank() ? null : FilterCompiler.compile(where, RecordProperties.catalogue());
        PartitionPruning pruning = PartitionPruning.of(filter == null ? null : filter.expression());
        FilterPredicate pushDown = filter == null ? null : PushDown.of(filter.expression()).orElse(null);
        Set<String> read = null;
        if (columns != null) {
            read = new LinkedHashSet<>(columns);
            read.add("id");
            if (filter != null) {
                for (String p : PropertyReferences.of(filter.expression())) {
                    RecordProperties.column(p).map(Column::name).ifPresent(read::add);
                }
            }
        }
        List<RepositoryLayout.Chunk> chunks = layout.chunks();
        long pruned = 0;
        long migrated = 0;
        long rows = 0;
        long[] matched = {0};
        for (RepositoryLayout.Chunk c : chunks) {
            String folder = c.path().getParent().getName();
            if (folder.startsWith("system=") && !pruning.mayMatch(folder.substring("system=".length()))) {
                pruned++;
                continue;
            }
            ChunkReader.Read r = reader.read(c.path(), read, pushDown, row -> {
                if (filter == null || filter.test(new RowTarget(row))) {
                    matched[0]++;
                    sink.accept(row);
                }
            });
            rows += r.rowsInFile();
            migrated += r.current() ? 0 : 1;
        }
        return new ScanStatistics(chunks.size(), pruned, migrated, rows, matched[0],
                filter == null ? List.of() : filter.warnings(), (System.nanoTime() - started) / 1e9);
    }

    private static RecordRow select(RecordRow row, List<String> columns) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (String c : columns) {
            v.put(c, row.get(c));
        }
        return RecordRow.of(v);
    }

    /** Every column name, in schema order (what {@code --columns all} selects). */
    public static List<String> allColumns() {
        return RecordSchema.columns().stream().map(Column::name).toList();
    }
}
