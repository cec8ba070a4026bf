package org.matscreen.bench;

import java.util.List;

/**
 * Section 9: the OPTIMADE server (issue 7), from {@code bench/optimade-load.sh}: p95 latency of filtered queries per
 * principal over a synthetic repository, the columnar filter against the row-by-row reference evaluator on the same
 * rows, and a bounded loopback load test. The script prints Markdown; its headings are moved one level down and its
 * title line dropped, so it nests under this section.
 */
final class OptimadeSection {
    /** Issue 7's latency goal for a filtered query over 10^6 records. */
    static final double P95_GOAL_MS = 200;

    private OptimadeSection() {}

    static void write(Markdown md, BenchWork w) {
        if (!ToolOutput.present(w, "optimade")) {
            return;
        }
        md.heading(2, "9. OPTIMADE server");
        md.line("`bench/optimade-load.sh` (`org.matscreen.optimade.bench.OptimadeBenchmark`): the real server (Jetty,"
                + " loopback HTTP, JSON:API responses) over a synthetic repository of Co–Cr–Fe–Ni–X-like records with"
                + " mixed visibility, queried anonymously and with a member token; then the filter alone, columnar"
                + " index against the reference evaluator that the filter-grammar tests use; then concurrent clients."
                + " Goal (issue 7): p95 ≤ " + (int) P95_GOAL_MS + " ms for a filtered query over 10^6 records; 0"
                + " errors under load. As it printed them" + ToolOutput.failureNote(w, "optimade") + ":");
        md.line();
        List<String> lines = ToolOutput.lines(w, "optimade");
        for (String l : lines) {
            if (l.startsWith("# ")) {
                continue;
            }
            if (l.startsWith("## ")) {
                md.line("#" + l);
            } else if (l.startsWith("machine:") || l.startsWith("repository:") || l.startsWith("index:")
                    || l.startsWith("requests:") || l.startsWith("latency under load")) {
                md.line("- " + l);
            } else {
                md.line(l);
            }
        }
    }
}
