package org.matscreen.optimade.index;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.GroupType;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.optimade.access.EmbargoPolicy;
import org.matscreen.optimade.schema.StructureSchema;
import org.matscreen.repository.Column;
import org.matscreen.repository.RecordSchema;
import org.matscreen.repository.RepositoryLayout;

/**
 * Builds a {@link StructureIndex} from a repository's committed chunk files in one pass, reading every column but the
 * large per-site ones. Rows are in the order of the chunk files' paths, so the natural order of results (and thus
 * offset pagination) is the same after a restart.
 */
public final class IndexBuilder {
    /**
     * What to index and how.
     *
     * @param includeFailed whether records of failed, timed-out or crashed calculations are served (without a
     *     structure) or left out
     * @param policy the embargo rules
     * @param detailCacheBytes memory for decoded large columns of recently served chunks, bytes
     */
    public record Options(boolean includeFailed, EmbargoPolicy policy, long detailCacheBytes) {
        public static final Options DEFAULT = new Options(false, EmbargoPolicy.DEFAULT, 128L << 20);
    }

    /** Columns read at build time: everything but the per-site and per-scan lists. */
    private static final Set<String> INDEX_COLUMNS = RecordSchema.columns().stream().map(Column::name)
            .filter(c -> !StructureSchema.DETAIL_COLUMNS.contains(c)).collect(Collectors.toUnmodifiableSet());

    private final Options options;
    private final Map<String, ColumnBuilder> record = new LinkedHashMap<>();
    private final ColumnBuilder.NumberLists ratios = new ColumnBuilder.NumberLists(true);
    private final ColumnBuilder.Strings descriptive = new ColumnBuilder.Strings();
    private final ColumnBuilder.Strings anonymous = new ColumnBuilder.Strings();
    private final ColumnBuilder.Strings span = new ColumnBuilder.Strings();
    private final ColumnBuilder.Strings optimization = new ColumnBuilder.Strings();
    private final ColumnBuilder.Strings effectiveLevel = new ColumnBuilder.Strings();
    private final ColumnBuilder.Strings effectiveUntil = new ColumnBuilder.Strings();
    private final ColumnBuilder.Strings effectiveOwner = new ColumnBuilder.Strings();
    private final VisibilityColumn.Builder visibility = new VisibilityColumn.Builder();
    private final Growable.Ints chunkOf = new Growable.Ints();
    private final Growable.Ints rowInChunk = new Growable.Ints();
    /** Formulas and ratios by "elements|counts": alloys of one campaign share few distinct cell compositions. */
    private final Map<String, Formulas> formulas = new HashMap<>();
    private int rows;

    private record Formulas(String descriptive, String anonymous, double[] ratios) {}

    private IndexBuilder(Options options) {
        this.options = options;
        for (Column c : RecordSchema.columns()) {
            if (INDEX_COLUMNS.contains(c.name()) && !StructureSchema.EFFECTIVE_VISIBILITY_COLUMNS.contains(c.name())) {
                record.put(c.name(), ColumnBuilder.of(c.kind()));
            }
        }
    }

    /**
     * Indexes every committed chunk of {@code layout}.
     *
     * @param progress receives a line now and then (chunks and records so far)
     */
    public static StructureIndex build(RepositoryLayout layout, Options options, Consumer<String> progress) {
        List<RepositoryLayout.Chunk> chunks = new ArrayList<>(layout.chunks());
        chunks.sort(Comparator.comparing(c -> c.path().toString()));
        IndexBuilder b = new IndexBuilder(options);
        Path[] paths = chunks.stream().map(RepositoryLayout.Chunk::path).toArray(Path[]::new);
        long[] lengths = chunks.stream().mapToLong(RepositoryLayout.Chunk::bytes).toArray();
        ChunkFiles files = new ChunkFiles(layout.fs(), layout.conf());
        // Decoding Parquet (reader threads) and appending to the columns (this thread) overlap; files are appended
        // strictly in path order, so row numbers do not depend on thread timing.
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService readers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "index-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<List<Group>>> ahead = new ArrayDeque<>();
            int submitted = 0;
            long t0 = System.nanoTime();
            for (int k = 0; k < paths.length; k++) {
                while (submitted < paths.length && ahead.size() < 2 * threads + 2) {
                    Path p = paths[submitted];
                    long length = lengths[submitted++];
                    ahead.add(readers.submit(() -> files.readAll(p, length, INDEX_COLUMNS)));
                }
                List<Group> records = take(ahead.poll(), paths[k]);
                Map<String, Integer> fields = new HashMap<>();
                try {
                    for (int row = 0; row < records.size(); row++) {
                        b.add(records.get(row), fields, k, row);
                    }
                } catch (RuntimeException e) {
                    throw new MatscreenException("cannot index " + paths[k] + ": " + e.getMessage(), e);
                }
                if ((k + 1) % 1000 == 0) {
                    progress.accept(String.format(Locale.ROOT, "indexed %d of %d chunk files, %d records, %.0f s",
                            k + 1, paths.length, b.rows, (System.nanoTime() - t0) / 1e9));
                }
            }
        } finally {
            readers.shutdownNow();
        }
        return b.build(paths, lengths, files);
    }

    private static List<Group> take(Future<List<Group>> f, Path path) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MatscreenException("interrupted while indexing " + path, e);
        } catch (ExecutionException e) {
            throw new MatscreenException("cannot index " + path + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void add(Group g, Map<String, Integer> fields, int chunk, int rowInFile) {
        if (fields.isEmpty()) {
            GroupType t = g.getType();
            for (String c : INDEX_COLUMNS) {
                fields.put(c, t.containsField(c) ? t.getFieldIndex(c) : -1);
            }
        }
        String status = g.getString(fields.get("status"), 0);
        boolean ok = "ok".equals(status);
        if (!ok && !options.includeFailed()) {
            return;
        }
        for (Map.Entry<String, ColumnBuilder> e : record.entrySet()) {
            e.getValue().read(g, fields.get(e.getKey()));
        }
        Formulas f = formulas(g, fields);
        ratios.addDoubles(f.ratios());
        descriptive.add(f.descriptive());
        anonymous.add(f.anonymous());
        span.add(ok ? "unit_cell" : null);
        optimization.add(ok ? "local" : null);
        Visibility v = options.policy().effective(g.getString(fields.get("campaign"), 0), storedVisibility(g, fields),
                g.getLong(fields.get("finished_at"), 0));
        visibility.add(v);
        effectiveLevel.add(v.level().key());
        effectiveUntil.add(v.embargoUntil() == null ? null : v.embargoUntil().toString());
        effectiveOwner.add(v.owner());
        chunkOf.add(chunk);
        rowInChunk.add(rowInFile);
        rows++;
    }

    private Formulas formulas(Group g, Map<String, Integer> fields) {
        List<String> elements = new ArrayList<>();
        Group el = g.getGroup(fields.get("elements"), 0);
        for (int i = 0, n = el.getFieldRepetitionCount(0); i < n; i++) {
            elements.add(el.getGroup(0, i).getString(0, 0));
        }
        Group cc = g.getGroup(fields.get("cell_counts"), 0);
        int[] counts = new int[cc.getFieldRepetitionCount(0)];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = cc.getGroup(0, i).getInteger(0, 0);
        }
        String key = elements + "|" + Arrays.toString(counts);
        return formulas.computeIfAbsent(key, k -> {
            Composition cell = Composition.ofCounts(elements, counts);
            int total = 0;
            for (int c : counts) {
                total += c;
            }
            double[] r = new double[counts.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = (double) counts[i] / total;
            }
            return new Formulas(cell.formula(), cell.anonymousFormula(), r);
        });
    }

    private static Visibility storedVisibility(Group g, Map<String, Integer> fields) {
        Visibility.Level level = Visibility.Level.valueOf(g.getString(fields.get("visibility"), 0)
                .toUpperCase(Locale.ROOT));
        int until = fields.get("embargo_until");
        LocalDate date = until >= 0 && g.getFieldRepetitionCount(until) > 0 ? LocalDate.parse(g.getString(until, 0))
                : null;
        return new Visibility(level, date, g.getString(fields.get("owner"), 0));
    }

    private StructureIndex build(Path[] paths, long[] lengths, ChunkFiles files) {
        Map<String, IndexColumn> columns = new HashMap<>();
        record.forEach((name, builder) -> columns.put(name, builder.build()));
        columns.put("elements_ratios", ratios.build());
        columns.put("chemical_formula_descriptive", descriptive.build());
        columns.put("chemical_formula_anonymous", anonymous.build());
        columns.put("site_coordinate_span", span.build());
        columns.put("optimization_type", optimization.build());
        columns.put("visibility", effectiveLevel.build());
        columns.put("embargo_until", effectiveUntil.build());
        columns.put("owner", effectiveOwner.build());
        DetailStore details = new DetailStore(files, paths, lengths, chunkOf.toArray(), rowInChunk.toArray(),
                options.detailCacheBytes());
        return new StructureIndex(rows, columns, visibility.build(), details, Instant.now(), paths.length);
    }
}
