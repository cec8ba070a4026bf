package org.matscreen.optimade.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.matscreen.optimade.access.Principal;
import org.matscreen.optimade.access.Tokens;
import org.matscreen.optimade.config.ConfigLoader;
import org.matscreen.optimade.config.ServerConfig;
import org.matscreen.optimade.http.OptimadeServer;
import org.matscreen.optimade.index.IndexBuilder;
import org.matscreen.optimade.index.IndexQuery;
import org.matscreen.optimade.index.StructureIndex;
import org.matscreen.repository.RepositoryLayout;

/**
 * The OPTIMADE load benchmark (run by {@code bench/optimade-load.sh}, never by the test suite): a synthetic repository
 * of N records, the server on a loopback port, then
 * <ol>
 *   <li>latency: each filtered query of {@link #QUERIES} sent sequentially by one client, anonymous and as a member;
 *       p50/p95/p99 per query and overall (end to end: HTTP, filter, count, sort, page, JSON, per-site data);</li>
 *   <li>filter evaluation alone, columnar index against the reference evaluator row by row, side by side;</li>
 *   <li>load: C concurrent clients for S seconds cycling through the queries with mixed tokens; errors, throughput and
 *       latency percentiles under load.</li>
 * </ol>
 * Arguments: {@code <repository dir> [records=1000000] [load seconds=60] [clients=50] [repetitions=40]}.
 */
public final class OptimadeBenchmark {
    /** Filters a consortium member would send, with the sort and fields they would use. */
    static final String[][] QUERIES = {
        {"elements HAS ALL \"Co\",\"Ni\" AND nelements >= 4", "", ""},
        {"_matscreen_dh_mix_ev_per_atom < -0.1 AND _matscreen_hhi_production < 2000", "", ""},
        {"elements HAS ANY \"Mo\",\"Nb\",\"Ta\",\"W\" AND NOT elements HAS \"Al\"", "", ""},
        {"elements HAS ONLY \"Co\",\"Cr\",\"Fe\",\"Mn\",\"Ni\" AND nelements >= 3", "", ""},
        {"nelements = 3 AND _matscreen_vec > 8 AND _matscreen_delta_pct < 4", "-_matscreen_bulk_modulus_gpa", ""},
        {"_matscreen_bulk_modulus_gpa > 200 AND _matscreen_density_g_per_cm3 < 8", "_matscreen_price_usd_per_kg",
            "chemical_formula_reduced,_matscreen_bulk_modulus_gpa,_matscreen_price_usd_per_kg"},
        {"last_modified > \"2026-01-01T00:00:00Z\" AND chemical_formula_reduced STARTS WITH \"Co\"", "", ""},
        {"elements HAS \"Fe\" AND (_matscreen_omega > 5 OR _matscreen_delta_pct < 1)", "", "nelements,nsites"},
    };

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/matscreen-bench-optimade");
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int loadSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int repetitions = args.length > 4 ? Integer.parseInt(args[4]) : 40;
        StringBuilder report = new StringBuilder();
        line(report, "# OPTIMADE benchmark, %s", LocalDate.now(ZoneOffset.UTC));
        line(report, "machine: %d cores (%s), Java %s, max heap %d MiB", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);

        long t0 = System.nanoTime();
        RepositoryLayout layout = SyntheticRepository.ensure(dir, records, 200, 42, System.err::println);
        line(report, "repository: %d synthetic records (32-site cells, 200 per chunk file) in %s, ready in %.0f s",
                records, dir, secs(t0));

        t0 = System.nanoTime();
        StructureIndex index = IndexBuilder.build(layout, IndexBuilder.Options.DEFAULT, System.err::println);
        double buildSeconds = secs(t0);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        line(report, "index: %d rows from %d chunk files in %.1f s; heap in use after GC %d MiB", index.rows(),
                index.chunkFiles(), buildSeconds, heap >> 20);

        String token = Tokens.newToken();
        ServerConfig config = ConfigLoader.parse("limits: {max_page_limit: 1000}\ngroups:\n  lab-a:\n    members:"
                + " {bench: \"" + Tokens.digest(token) + "\"}\n", "bench");
        try (OptimadeServer server = new OptimadeServer(config, index, Clock.systemUTC(), "127.0.0.1", 0,
                System.err::println).start()) {
            String base = "http://127.0.0.1:" + server.port() + "/v1/structures";
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            List<String> urls = new ArrayList<>();
            for (String[] q : QUERIES) {
                urls.add(url(base, q));
            }
            String someId = index.id(index.rows() / 2);
            urls.add(base + "?filter=" + enc("id = \"" + someId + "\""));
            urls.add(base + "?page_offset=50000&response_fields=nelements&filter=" + enc("elements HAS \"Fe\""));

            for (String u : urls) { // warm-up: JIT, rank arrays of sorted columns, the detail cache's first chunks
                for (int i = 0; i < 5; i++) {
                    fetch(http, u, i % 2 == 0 ? null : token);
                }
            }
            line(report, "");
            line(report, "## Latency, one client, %d requests per query and principal (ms)", repetitions);
            line(report, "| query | matches (anon / member) | p50 | p95 | p99 | max |");
            line(report, "|---|---|---|---|---|---|");
            List<Double> all = new ArrayList<>();
            for (int qi = 0; qi < urls.size(); qi++) {
                List<Double> times = new ArrayList<>();
                long anonCount = 0;
                long memberCount = 0;
                for (int i = 0; i < repetitions; i++) {
                    for (String who : new String[] {null, token}) {
                        long s = System.nanoTime();
                        Response r = fetch(http, urls.get(qi), who);
                        times.add((System.nanoTime() - s) / 1e6);
                        if (r.status != 200) {
                            throw new IllegalStateException(urls.get(qi) + " -> " + r.status + ": " + r.body);
                        }
                        long n = r.dataReturned();
                        if (who == null) {
                            anonCount = n;
                        } else {
                            memberCount = n;
                        }
                    }
                }
                all.addAll(times);
                line(report, "| %s | %d / %d | %.1f | %.1f | %.1f | %.1f |", label(qi), anonCount, memberCount,
                        pct(times, 50), pct(times, 95), pct(times, 99), pct(times, 100));
            }
            line(report, "| **all %d requests** | | %.1f | **%.1f** | %.1f | %.1f |", all.size(), pct(all, 50),
                    pct(all, 95), pct(all, 99), pct(all, 100));

            line(report, "");
            line(report, "## Filter evaluation alone over %d rows: columnar index vs reference evaluator (ms)",
                    index.rows());
            line(report, "| filter | columnar (median of 9) | row by row (median of 3) | speed-up |");
            line(report, "|---|---|---|---|");
            BitSet member = index.visibleTo(Principal.member("bench", "lab-a"), LocalDate.now(ZoneOffset.UTC));
            for (int qi = 0; qi < QUERIES.length; qi++) {
                IndexQuery.Filter f = IndexQuery.compile(QUERIES[qi][0]);
                double[] col = new double[9];
                BitSet a = null;
                for (int i = 0; i < col.length; i++) {
                    long s = System.nanoTime();
                    a = IndexQuery.matching(index, f, member);
                    col[i] = (System.nanoTime() - s) / 1e6;
                }
                double[] row = new double[3];
                BitSet b = null;
                for (int i = 0; i < row.length; i++) {
                    long s = System.nanoTime();
                    b = IndexQuery.matchingRowByRow(index, f, member);
                    row[i] = (System.nanoTime() - s) / 1e6;
                }
                if (!a.equals(b)) {
                    throw new IllegalStateException("columnar and reference results differ for " + QUERIES[qi][0]);
                }
                line(report, "| %s | %.1f | %.0f | %.0fx |", label(qi), median(col), median(row),
                        median(row) / median(col));
            }

            line(report, "");
            line(report, "## Load: %d concurrent clients for %d s (loopback, server and clients on the same %d cores)",
                    clients, loadSeconds, Runtime.getRuntime().availableProcessors());
            load(report, http, urls, token, clients, loadSeconds);
        }
        String text = report.toString();
        System.out.println(text);
        Path results = Path.of(System.getProperty("bench.out", "bench/results"));
        Files.createDirectories(results);
        Path file = results.resolve("optimade-" + LocalDate.now(ZoneOffset.UTC) + "-" + records + ".md");
        Files.writeString(file, text);
        System.err.println("written to " + file);
    }

    private static void load(StringBuilder report, HttpClient http, List<String> urls, String token, int clients,
            int seconds) throws InterruptedException {
        ConcurrentLinkedQueue<Double> times = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                Random random = new Random(client);
                while (System.nanoTime() < end) {
                    String u = urls.get(random.nextInt(urls.size()));
                    long s = System.nanoTime();
                    try {
                        Response r = fetch(http, u, client % 2 == 0 ? null : token);
                        if (r.status == 200) {
                            ok.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                            if (firstErrors.size() < 5) {
                                firstErrors.add(r.status + " " + u);
                            }
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        if (firstErrors.size() < 5) {
                            firstErrors.add(e + " " + u);
                        }
                    }
                    times.add((System.nanoTime() - s) / 1e6);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        List<Double> t = new ArrayList<>(times);
        line(report, "requests: %d ok, %d errors; throughput %.0f requests/s", ok.get(), errors.get(),
                ok.get() / (double) seconds);
        line(report, "latency under load (ms): p50 %.0f, p95 %.0f, p99 %.0f, max %.0f", pct(t, 50), pct(t, 95),
                pct(t, 99), pct(t, 100));
        firstErrors.forEach(e -> line(report, "error: %s", e));
    }

    record Response(int status, String body) {
        long dataReturned() {
            int i = body.indexOf("\"data_returned\":");
            if (i < 0) {
                return -1;
            }
            int j = i + 16;
            int k = j;
            while (k < body.length() && Character.isDigit(body.charAt(k))) {
                k++;
            }
            return Long.parseLong(body.substring(j, k));
        }
    }

    static Response fetch(HttpClient http, String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body());
    }

    private static String url(String base, String[] q) {
        StringBuilder u = new StringBuilder(base).append("?filter=").append(enc(q[0]));
        if (!q[1].isEmpty()) {
            u.append("&sort=").append(enc(q[1]));
        }
        if (!q[2].isEmpty()) {
            u.append("&response_fields=").append(enc(q[2]));
        }
        return u.toString();
    }

    private static String label(int qi) {
        if (qi < QUERIES.length) {
            String[] q = QUERIES[qi];
            return "`" + q[0].replace("|", "\\|") + "`" + (q[1].isEmpty() ? "" : " sort " + q[1])
                    + (q[2].isEmpty() ? " (all default fields)" : " (" + q[2].split(",").length + " fields)");
        }
        return qi == QUERIES.length ? "`id = \"…\"` (exact id)" : "`elements HAS \"Fe\"`, page_offset=50000";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double pct(List<Double> values, double p) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static void line(StringBuilder sb, String format, Object... args) {
        sb.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
