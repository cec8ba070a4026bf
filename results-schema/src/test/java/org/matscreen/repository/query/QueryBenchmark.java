package org.matscreen.repository.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;
import org.matscreen.repository.SyntheticRecords;
import org.matscreen.repository.TestRepositories;

/**
 * The query benchmark of BENCHMARKS.md (run by {@code bench/query-benchmark.sh}, not a test): a synthetic campaign
 * of 106,260 records (Al–Co–Cr–Fe–Mn–Ni, all 63 subsystems, grid 1/20, fcc and bcc) committed in batches of 500,
 * then each query timed as the median of several runs in one warm JVM, against the full scan that reading records
 * without the query engine takes ({@link ResultReader#forEach}: every column of every record decoded, the filter
 * and top-10 in Java).
 *
 * <p>Arguments: repository folder (generated if it has no data), runs per query (default 5).
 */
public final class QueryBenchmark {
    static final List<String> ELEMENTS = List.of("Al", "Co", "Cr", "Fe", "Mn", "Ni");
    static final int STEPS = 20;
    static final int BATCH = 500;

    private QueryBenchmark() {}

    record Timing(String name, double medianSeconds, double firstSeconds, long matched, String files) {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-repository");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        RepositoryLayout layout = new RepositoryLayout(dir.toString(), new Configuration());
        if (!Files.isDirectory(dir.resolve("data"))) {
            long t0 = System.nanoTime();
            System.out.printf(Locale.ROOT, "generating %d records in %s ...%n",
                    SyntheticRecords.count(ELEMENTS.size(), STEPS), dir);
            layout = TestRepositories.stream(dir, ELEMENTS, STEPS, BATCH);
            System.out.printf(Locale.ROOT, "generated in %.0f s%n", (System.nanoTime() - t0) / 1e9);
        }
        RecordStore store = new RecordStore(layout);
        List<RepositoryLayout.Chunk> chunks = layout.chunks();
        long bytes = chunks.stream().mapToLong(RepositoryLayout.Chunk::bytes).sum();
        long records = store.query(RecordQuery.all().selecting(List.of("id")).limitedTo(1)).statistics()
                .rowsInReadChunks();
        System.out.printf(Locale.ROOT, "repository: %d records, %d chunk files, %.1f MB, %d chemical systems%n",
                records, chunks.size(), bytes / 1e6, chunks.stream().map(c -> c.path().getParent().getName())
                        .distinct().count());
        String someId = (String) store.query(RecordQuery.where("nelements = 4 AND status = \"ok\"")
                .selecting(List.of("id")).limitedTo(1)).rows().get(0).get("id");

        List<Timing> t = new ArrayList<>();
        final RepositoryLayout repo = layout;
        t.add(time("full scan: ResultReader.forEach, filter + top 10 in Java (baseline)", runs, () -> {
            PriorityQueue<CandidateResult> top = new PriorityQueue<>((a, b) -> Double.compare(
                    b.metric("dh_mix_ev_per_atom"), a.metric("dh_mix_ev_per_atom")));
            long[] matched = {0};
            new ResultReader(repo).forEach(r -> {
                if (r.metric("dh_mix_ev_per_atom") < 0 && r.metric("bulk_modulus_gpa") > 150) {
                    matched[0]++;
                    top.add(r);
                    if (top.size() > 10) {
                        top.poll();
                    }
                }
            });
            return new long[] {matched[0], chunks.size(), 0};
        }));
        t.add(time("RecordStore.scan, no filter, every column", runs, () -> stats(store.scan("", r -> { }))));
        t.add(query(store, runs, "dh_mix_ev_per_atom < 0 AND bulk_modulus_gpa > 150", "dh_mix_ev_per_atom", 10));
        t.add(query(store, runs, "status != \"ok\"", "", 0));
        t.add(query(store, runs, "elements HAS ALL \"Co\",\"Cr\",\"Fe\",\"Ni\" AND dh_mix_ev_per_atom < 0",
                "-bulk_modulus_gpa", 10));
        t.add(query(store, runs, "elements HAS ALL \"Co\",\"Ni\" AND nelements = 2", "", 0));
        t.add(query(store, runs, "id = \"" + someId + "\"", "", 0));

        double baseline = t.get(0).medianSeconds();
        System.out.println();
        System.out.println("| query | median s | first run s | vs full scan | matched | files read / skipped |");
        System.out.println("|---|---:|---:|---:|---:|---|");
        for (Timing x : t) {
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %s | %d | %s |%n", x.name(), x.medianSeconds(),
                    x.firstSeconds(), x == t.get(0) ? "1" : String.format(Locale.ROOT, "%.1f× faster",
                            baseline / x.medianSeconds()), x.matched(), x.files());
        }
        long listing0 = System.nanoTime();
        int files = layout.chunks().size();
        double listing = (System.nanoTime() - listing0) / 1e9;
        System.out.printf(Locale.ROOT, "%nlisting the %d chunk files: RepositoryLayout.chunks() %.3f s%n", files,
                listing);
    }

    private static Timing query(RecordStore store, int runs, String where, String sort, long top) {
        List<SortKey> keys = sort.isEmpty() ? List.of() : SortKey.parse(sort, "sort");
        RecordQuery q = new RecordQuery(where, keys, top, List.of("id", "formula", "dh_mix_ev_per_atom"));
        String name = "`" + where + "`" + (sort.isEmpty() ? "" : " sort " + sort) + (top > 0 ? " top " + top : "");
        return time(name, runs, () -> stats(store.query(q).statistics()));
    }

    private static long[] stats(ScanStatistics s) {
        return new long[] {s.rowsMatched(), s.chunks() - s.chunksPruned(), s.chunksPruned()};
    }

    /** One cold run, then {@code runs} timed ones; the median. */
    private static Timing time(String name, int runs, Supplier<long[]> work) {
        long t0 = System.nanoTime();
        long[] r = work.get();
        double first = (System.nanoTime() - t0) / 1e9;
        double[] s = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            s[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-100s median %.3f s (first %.3f s), %d matched%n", name, s[runs / 2], first,
                r[0]);
        return new Timing(name, s[runs / 2], first, r[0], r[1] + " / " + r[2]);
    }
}
