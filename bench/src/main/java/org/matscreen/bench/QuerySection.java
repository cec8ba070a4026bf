package org.matscreen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Section 8: repository query latency, from the query engine's own benchmark ({@code bench/query-benchmark.sh}, part
 * of the repository work), which times each query against a full scan of the same records in the same JVM. Its
 * output is shown as printed; the section is left out where the script is not part of the checkout.
 */
final class QuerySection {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

    private QuerySection() {}

    static void write(Markdown md, BenchWork w) {
        Path out = w.path("logs/query.out");
        if (!Files.exists(out)) {
            return;
        }
        md.heading(2, "8. Repository query latency");
        md.line("`bench/query-benchmark.sh`: each query through the query engine against the full scan that reading"
                + " every record without it takes, in one warm JVM, then whole `matscreen query` invocations (JVM"
                + " start included); as it printed them" + (w.runs().number("query.exit").orElse(0) != 0
                        ? " — **it failed** (exit " + w.runs().get("query.exit") + ", see `WORK/logs/query.err`)"
                        : "") + ":");
        md.line();
        md.line("```");
        try {
            // Maven's quiet mode still writes colour resets; they are no part of the figures.
            Files.readAllLines(out).forEach(l -> md.line(ANSI.matcher(l).replaceAll("")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + out, e);
        }
        md.line("```");
    }
}
