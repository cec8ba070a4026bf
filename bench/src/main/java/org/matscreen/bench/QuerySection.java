package org.matscreen.bench;

/**
 * Section 8: repository query latency, from the query engine's own benchmark ({@code bench/query-benchmark.sh}, part
 * of the repository work), which times each query against a full scan of the same records in the same JVM. Its
 * output is shown as printed; the section is left out where the script did not run.
 */
final class QuerySection {
    private QuerySection() {}

    static void write(Markdown md, BenchWork w) {
        if (!ToolOutput.present(w, "query")) {
            return;
        }
        md.heading(2, "8. Repository query latency");
        md.line("`bench/query-benchmark.sh`: each query through the query engine against the full scan that reading"
                + " every record without it takes, in one warm JVM, then whole `matscreen query` invocations (JVM"
                + " start included); as it printed them" + ToolOutput.failureNote(w, "query") + ":");
        md.line();
        md.line("```");
        ToolOutput.lines(w, "query").forEach(md::line);
        md.line("```");
    }
}
