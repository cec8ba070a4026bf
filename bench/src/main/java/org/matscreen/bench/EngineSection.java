package org.matscreen.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sections 2–4: what matscreen's engine costs around LAMMPS. Efficiency and overhead per candidate of every
 * matscreen run; the worker protocol and restarts; isolated workers against in-process LAMMPS on the serial build.
 */
final class EngineSection {
    static final double EFFICIENCY_GOAL = 0.95;
    static final double OVERHEAD_GOAL_MS = 2;
    static final int EFFICIENCY_GOAL_CANDIDATES = 2000;

    private EngineSection() {}

    static void write(Markdown md, BenchWork w) {
        efficiency(md, w);
        protocol(md, w);
        isolation(md, w);
    }

    private static void efficiency(Markdown md, BenchWork w) {
        md.heading(2, "2. Engine overhead and efficiency (issue 5)");
        md.line("Efficiency = Σ native seconds ÷ (screening wall × cores). Engine overhead per candidate = (wall ×"
                + " cores − Σ native) ÷ candidates: all core time not spent inside LAMMPS (Spark scheduling, cell"
                + " building, worker protocol, analysis, commits, the idle tail of the last tasks). The per-record"
                + " figure is the executor's own share of it (record wall − native, median).");
        md.line();
        Markdown.Table t = md.table("run", "protocol", "candidates", "failures", "wall (s)", "Σ native (s)",
                "native per candidate (s)", "efficiency", "engine overhead per candidate (ms)",
                "per record, median (ms)");
        List<String[]> runs = List.of(new String[] {"efficiency", "relax + E(V) + elastic (the quick start's)"},
                new String[] {"cross", "relaxation only (run (a) of section 1)"},
                new String[] {"cross-again", "relaxation only (run (a′))"});
        boolean any = false;
        for (String[] r : runs) {
            Optional<MatscreenRun> m = w.matscreen(r[0]);
            if (m.isPresent()) {
                any = true;
                MatscreenRun x = m.get();
                t.row(r[0], r[1], Long.toString(x.computed()), Long.toString(x.failures()),
                        Markdown.num(x.wallSeconds()),
                        Markdown.num(x.nativeSeconds()), Markdown.num(x.nativeSeconds() / x.computed()),
                        Markdown.ratio(x.efficiency()), Markdown.num(x.engineOverheadPerCandidate() * 1e3),
                        Markdown.num(Stats.median(x.recordOverheadSeconds()) * 1e3));
            }
        }
        if (!any) {
            md.line("Not run.");
            return;
        }
        t.end();
        md.line();
        if (w.runs().number("efficiency.exit").orElse(0) != 0) {
            md.line("**The efficiency run failed** (exit " + w.runs().get("efficiency.exit")
                    + ", see `WORK/logs/efficiency.err`), so the goals are not judged.");
        }
        w.matscreen("efficiency").ifPresent(x -> {
            String eff = Markdown.ratio(x.efficiency());
            String ms = Markdown.num(x.engineOverheadPerCandidate() * 1e3) + " ms";
            if (x.computed() < EFFICIENCY_GOAL_CANDIDATES) {
                md.line("Goals (issue 5), efficiency ≥ " + EFFICIENCY_GOAL + " and engine overhead ≤ "
                        + OVERHEAD_GOAL_MS + " ms per candidate on " + EFFICIENCY_GOAL_CANDIDATES
                        + " Cu–Ni candidates: not judged, this run had " + x.computed() + " (" + eff + ", " + ms + "); run without --quick.");
            } else {
                double perRecordMs = Stats.median(x.recordOverheadSeconds()) * 1e3;
                md.line("Goals (issue 5) on " + x.computed() + " Cu–Ni candidates: efficiency ≥ " + EFFICIENCY_GOAL
                        + ": " + eff + " " + verdict(x.efficiency() >= EFFICIENCY_GOAL) + "; engine overhead ≤ "
                        + OVERHEAD_GOAL_MS + " ms per candidate, counted over the whole run (every idle core-second"
                        + " included): " + ms + " " + verdict(x.engineOverheadPerCandidate() * 1e3 <= OVERHEAD_GOAL_MS)
                        + ", and counted per record on the executor (median): " + Markdown.num(perRecordMs) + " ms "
                        + verdict(perRecordMs <= OVERHEAD_GOAL_MS) + ".");
            }
        });
    }

    private static void protocol(Markdown md, BenchWork w) {
        md.heading(2, "3. Worker protocol and restarts (issue 4)");
        Facts p = w.facts("protocol.facts");
        if (!p.has("protocol.overhead_median_ms")) {
            md.line("Not run.");
            return;
        }
        md.line("One pooled worker process (`WorkerProcess`, JVM options `" + p.get("protocol.jvm_options") + "`)"
                + " computing " + p.get("protocol.candidates") + " relaxation-only candidates of section 1 ("
                + p.get("protocol.atoms") + " atoms) one after another; Debian's library.");
        md.line();
        double nativeMs = p.require("protocol.native_median_ms");
        md.table("measure", "value", "reference (same run)")
                .row("protocol cost per candidate: parent wall − worker-reported native, median / p90",
                        Markdown.num(p.require("protocol.overhead_median_ms")) + " / "
                                + Markdown.num(p.require("protocol.overhead_p90_ms")) + " ms",
                        "native time per candidate, median " + Markdown.num(nativeMs) + " ms ("
                                + Markdown.ratio(p.require("protocol.overhead_median_ms") / nativeMs * 100) + " %)")
                .row("no-op PING round trip, median / p90 of " + p.get("protocol.pings"),
                        Markdown.num(p.require("protocol.ping_median_us")) + " / "
                                + Markdown.num(p.require("protocol.ping_p90_us")) + " µs", "–")
                .row("frame sizes: request / outcome", p.get("protocol.request_bytes") + " / "
                        + p.get("protocol.outcome_bytes") + " bytes", "–")
                .row("worker restart: kill (SIGKILL, reap) + start to greeting, median of "
                        + p.get("protocol.restarts"), Markdown.num(p.require("protocol.restart_median_s")) + " s (kill "
                        + Markdown.num(p.require("protocol.kill_median_s") * 1e3) + " ms)",
                        "= " + Markdown.num(p.require("protocol.restart_median_s") * 1e3 / nativeMs)
                                + " candidates' native time")
                .row("first candidate on a fresh worker (after a restart), median", Markdown.num(
                        p.require("protocol.first_after_restart_median_s") * 1e3) + " ms",
                        "same candidate on a warm worker: " + Markdown.num(
                                p.require("protocol.first_candidate_warm_wall_s") * 1e3) + " ms")
                .row("worker memory: resident / peak resident", Markdown.num(p.require("protocol.worker_rss_mib"))
                        + " / " + Markdown.num(p.require("protocol.worker_hwm_mib")) + " MiB", "–")
                .end();
        md.line();
        double ms = p.require("protocol.overhead_median_ms");
        md.line("Goal (issue 4): worker protocol under " + OVERHEAD_GOAL_MS + " ms per candidate: "
                + Markdown.num(ms) + " ms " + verdict(ms < OVERHEAD_GOAL_MS) + ". The first worker start of the run"
                + " took " + Markdown.num(p.require("protocol.start_first_s")) + " s (disk caches cold or warm as"
                + " found).");
    }

    private static void isolation(Markdown md, BenchWork w) {
        md.heading(2, "4. Isolated workers vs in-process LAMMPS (serial build with exceptions)");
        Optional<MatscreenRun> iso = w.matscreen("isolated");
        Optional<MatscreenRun> in = w.matscreen("in-process");
        if (iso.isEmpty() || in.isEmpty()) {
            md.line("Not run (needs the serial LAMMPS of `scripts/build-lammps-serial.sh`).");
            return;
        }
        md.line("The relaxation-only candidates of section 1, `matscreen run --master local[2] --lammps-lib "
                + w.machine().get("serial_lib", "<serial build>") + " --conf matscreen.lammps.mode=isolated|in-process`"
                + " (the same library in both, so the same LAMMPS code).");
        md.line();
        Markdown.Table t = md.table("mode", "candidates", "wall (s)", "candidates/s", "÷ isolated", "Σ native (s)",
                "efficiency", "engine overhead per candidate (ms)", "per record, median (ms)");
        List<MatscreenRun> both = new ArrayList<>(List.of(iso.get(), in.get()));
        for (MatscreenRun m : both) {
            t.row(m.name(), Long.toString(m.computed()), Markdown.num(m.wallSeconds()),
                    Markdown.num(m.candidatesPerSecond()),
                    Markdown.ratio(m.candidatesPerSecond() / iso.get().candidatesPerSecond()),
                    Markdown.num(m.nativeSeconds()), Markdown.ratio(m.efficiency()),
                    Markdown.num(m.engineOverheadPerCandidate() * 1e3),
                    Markdown.num(Stats.median(m.recordOverheadSeconds()) * 1e3));
        }
        t.end();
    }

    static String verdict(boolean ok) {
        return ok ? "(met)" : "(**not met**)";
    }
}
