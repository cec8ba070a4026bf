package org.matscreen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sections 5–7: JNA call costs, enumeration and driver memory, and the Fugaku scale model. */
final class ScaleSection {
    static final double DRIVER_HEAP_GOAL_MIB = 1024;
    /** A64FX: 4 × 8 GiB HBM2 per node, of which the OS keeps some. */
    static final double A64FX_NODE_MEMORY_GIB = 32;

    private static final Pattern DRY_RUN = Pattern.compile("dry run: (\\d+) candidates .* in ([0-9.]+) s, ([0-9.]+)"
            + " candidates/s on (\\d+) cores in (\\d+) partitions");

    private static final Map<String, String> CALLS = new LinkedHashMap<>();

    static {
        CALLS.put("trivialJnaAbs", "trivial JNA call (libc `abs`, interface mapping)");
        CALLS.put("lammpsConfigHasExceptions", "`lammps_config_has_exceptions()` (no handle)");
        CALLS.put("lammpsGetNatoms", "`lammps_get_natoms(handle)`");
        CALLS.put("lammpsGetThermoPe", "`lammps_get_thermo(handle, \"pe\")` (a Java string converted per call)");
        CALLS.put("wrapperThermoPe", "`Lammps.thermo(\"pe\")` (matscreen's wrapper: the call plus its error check)");
        CALLS.put("commandsCheck", "`Commands.check` of a `minimize` command (pure Java, for scale)");
    }

    private ScaleSection() {}

    static void write(Markdown md, BenchWork w) {
        jna(md, w);
        enumeration(md, w);
        fugaku(md, w);
    }

    private static void jna(Markdown md, BenchWork w) {
        md.heading(2, "5. JNA call overhead (JMH)");
        Map<String, JmhCsv.Score> s = JmhCsv.read(w.path("jmh.csv"));
        JmhCsv.Score base = s.get("trivialJnaAbs");
        if (s.isEmpty() || base == null) {
            md.line("Not run.");
            return;
        }
        md.line("`org.matscreen.bench.jmh.JnaCallBenchmark`, average time per call, " + w.machine().get("jmh.options",
                "") + "; Debian's library holding a 108-atom cell after `run 0`.");
        md.line();
        Markdown.Table t = md.table("call", "ns per call (± 99.9 %)", "÷ trivial JNA call");
        CALLS.forEach((k, label) -> {
            JmhCsv.Score v = s.get(k);
            if (v != null) {
                t.row(label, Markdown.num(v.value()) + " ± " + Markdown.num(v.error()),
                        Markdown.ratio(v.value() / base.value()));
            }
        });
        t.end();
    }

    private static void enumeration(Markdown md, BenchWork w) {
        md.heading(2, "6. Enumeration and driver memory (issue 5)");
        Facts e = w.facts("enumeration.facts");
        Optional<double[]> dry = dryRun(w.path("logs/dryrun.out"));
        if (!e.has("enumeration.ids_per_s") && dry.isEmpty()) {
            md.line("Not run.");
            return;
        }
        md.line(w.machine().get("enumeration.description", ""));
        md.line();
        Markdown.Table t = md.table("measure", "value", "reference (same run)");
        if (e.has("enumeration.ids_per_s")) {
            String over = "over the first " + Markdown.sci(e.require("enumeration.timed")) + " of "
                    + Markdown.sci(e.require("enumeration.campaign_candidates")) + " candidates";
            double walk = e.require("enumeration.iterate_per_s");
            t.row("`CandidateSpace` iteration, 1 thread", Markdown.sci(walk) + " /s", over);
            t.row("… and candidate ids (SHA-256), 1 thread", Markdown.sci(e.require("enumeration.ids_per_s")) + " /s",
                    Markdown.ratio(e.require("enumeration.ids_per_s") / walk) + " × iteration");
            t.row("… and the cell check (a dry run's work per candidate), 1 thread",
                    Markdown.sci(e.require("enumeration.ids_and_check_per_s")) + " /s", "–");
        }
        dry.ifPresent(d -> {
            // Spark's job start-up is inside this wall, so only a large campaign approaches the threads' rate.
            String ref = e.has("enumeration.ids_and_check_per_s") ? Markdown.ratio(d[2] / (d[3]
                    * e.require("enumeration.ids_and_check_per_s"))) + " of " + (int) d[3] + " × the one-thread rate"
                    : "–";
            t.row("`matscreen run --dry-run` on " + (int) d[3] + " cores, " + (long) d[4] + " partitions",
                    Markdown.sci(d[0]) + " candidates in " + Markdown.num(d[1]) + " s = " + Markdown.sci(d[2]) + " /s",
                    ref);
        });
        Path gc = w.path("dryrun/gc.log");
        if (Files.exists(gc)) {
            GcLog g = GcLog.parse(gc);
            int exit = (int) w.runs().number("dryrun.exit").orElse(-1);
            t.row("driver + executor heap of that dry run (`" + w.machine().get("dryrun.java_opts", "") + "`), from"
                            + " the GC log", "peak used " + Markdown.num(g.peakUsedMib()) + " MiB, largest live set "
                            + Markdown.num(g.maxLiveMib()) + " MiB", g.collections() + " collections, heap committed ≤ "
                            + Markdown.num(g.maxCommittedMib()) + " MiB; exit code " + exit);
            t.end();
            md.line();
            // A failed dry run prints no summary; the enumeration step knows the campaign's size all the same.
            double size = dry.map(d -> d[0]).orElse(e.number("enumeration.campaign_candidates").orElse(0));
            boolean tenMillion = size >= 1e7;
            boolean within = exit == 0 && g.maxCommittedMib() <= DRIVER_HEAP_GOAL_MIB;
            md.line("Goal (issue 5), a 10^7-candidate campaign with a driver heap ≤ 1 GiB: " + (tenMillion
                    ? (within ? "completed with at most " + Markdown.num(g.maxCommittedMib()) + " MiB committed "
                            : "exit code " + exit + " ") + EngineSection.verdict(within)
                    : "not judged, the dry run had fewer than 10^7 candidates (run without --quick)")
                    + ". In local mode the driver and the executors share this heap, so it bounds the driver alone"
                    + " from above.");
        } else {
            t.end();
        }
    }

    /** {candidates, seconds, candidates/s, cores, partitions} from the dry run's summary line. */
    static Optional<double[]> dryRun(Path output) {
        if (!Files.exists(output)) {
            return Optional.empty();
        }
        try {
            Matcher m = DRY_RUN.matcher(Files.readString(output));
            if (!m.find()) {
                return Optional.empty();
            }
            return Optional.of(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5))});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + output, e);
        }
    }

    private static void fugaku(Markdown md, BenchWork w) {
        md.heading(2, "7. Scale model: 10^7 candidates on Fugaku");
        Facts m = w.machine();
        Optional<MatscreenRun> full = w.matscreen("efficiency");
        Optional<MatscreenRun> relax = w.matscreen("cross");
        if (full.isEmpty() && relax.isEmpty()) {
            md.line("Not computed (no matscreen run).");
            return;
        }
        double candidates = m.number("fugaku.candidates").orElse(1e7);
        int nodes = (int) m.number("fugaku.nodes").orElse(384);
        double ratio = m.number("fugaku.core_ratio").orElse(1.0);
        double cluster = m.number("fugaku.cluster_start_s").orElse(8);
        int cores = (int) m.number("fugaku.cores_per_node").orElse(48);
        md.line("T = T_start + N · t / (r · " + cores + " · n · η), with N = " + Markdown.sci(candidates)
                + " candidates; t = Σ native ÷ candidates and η = efficiency, both measured above on this machine"
                + " (" + m.get("cpu", "?") + "); T_start = " + Markdown.num(cluster) + " s to bring up Spark standalone"
                + " (issue 5's measurement) + the reference stage measured here; r = A64FX core speed ÷ this"
                + " machine's core for this LAMMPS workload. **r is an assumption, not a measurement**: no published"
                + " per-core figure for LAMMPS EAM minimisation on A64FX against this CPU was found, so the stated"
                + " value (`--a64fx-core-ratio`, here " + Markdown.ratio(ratio) + ") is shown with others for"
                + " sensitivity. Replace it by running this harness on one Fugaku node (its efficiency run gives t"
                + " and η there directly). One worker per core (`max-proc-per-node=1`, 48 task slots per node);"
                + " the model does not include queue wait, file-system commit limits or straggler tails beyond η.");
        md.line();
        int[] columns = {1, nodes, nodes * 10};
        Markdown.Table t = md.table("protocol", "t (core-s per candidate, here)", "η (here)", "r",
                "1 node", nodes + " nodes", (nodes * 10) + " nodes", "node-hours");
        TreeSet<Double> ratios = new TreeSet<>(Comparator.reverseOrder());
        ratios.add(ratio);
        ratios.add(1.0);
        ratios.add(0.5);
        ratios.add(0.25);
        full.ifPresent(r -> rows(t, "relax + E(V) + elastic", r, cluster, cores, candidates, columns, ratios, ratio));
        relax.ifPresent(r -> rows(t, "relaxation only", r, cluster, cores, candidates, columns,
                new TreeSet<>(Set.of(ratio)), ratio));
        t.end();
        md.line();
        Facts p = w.facts("protocol.facts");
        p.number("protocol.worker_hwm_mib").ifPresent(rss -> md.line("Memory per node: " + cores + " workers × "
                + Markdown.num(rss) + " MiB peak resident (measured in section 3) = " + Markdown.num(cores * rss / 1024)
                + " GiB of the A64FX's " + Markdown.num(A64FX_NODE_MEMORY_GIB) + " GiB HBM2, before the executor JVM"
                + " (whose heap is set with `spark.executor.memory`)."));
    }

    private static void rows(Markdown.Table t, String protocol, MatscreenRun r, double cluster, int cores,
            double candidates, int[] nodes, TreeSet<Double> ratios, double stated) {
        double perCandidate = r.nativeSeconds() / r.computed();
        double start = cluster + (Double.isNaN(r.referenceSeconds()) ? 0 : r.referenceSeconds());
        for (double ratio : ratios) {
            FugakuModel f = new FugakuModel(perCandidate, Math.min(1, r.efficiency()), ratio, cores, start);
            String mark = ratio == stated ? "**" : "";
            t.row(protocol, Markdown.num(perCandidate), Markdown.ratio(r.efficiency()), mark + Markdown.ratio(ratio)
                    + mark, Markdown.duration(f.seconds(candidates, nodes[0])), mark + Markdown.duration(
                            f.seconds(candidates, nodes[1])) + mark, Markdown.duration(f.seconds(candidates,
                                    nodes[2])), Markdown.num(f.nodeHours(candidates, nodes[1])) + " (at " + nodes[1]
                            + ")");
        }
    }
}
