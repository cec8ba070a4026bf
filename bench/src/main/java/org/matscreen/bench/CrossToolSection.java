package org.matscreen.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Section 1 (and its MEAM counterpart): the same candidates through matscreen, the native limit, lmp per candidate and
 * python3-lammps, every tool running {@code LammpsCalculator}'s relaxation recipe and analysis ({@link Protocol}).
 */
final class CrossToolSection {
    /** The correctness gate: every tool's energies equal matscreen's to this, eV/atom. */
    static final double TOLERANCE_EV_PER_ATOM = 1e-6;

    private CrossToolSection() {}

    static void write(Markdown md, BenchWork w) {
        md.heading(2, "1. The same candidates, four ways");
        write(md, w, CrossSet.CU_NI);
    }

    /**
     * Section 1c: the same comparison with a MEAM potential through KIM (issue 19, item 4), where a force evaluation
     * costs about ten times an EAM one and orchestration weighs less. Absent when run.sh skipped it.
     */
    static void writeMeam(Markdown md, BenchWork w) {
        if (w.matscreen(CrossSet.MEAM.matscreenRun()).isEmpty()) {
            return;
        }
        md.heading(2, "1c. The same candidates with MEAM through KIM (issue 19, item 4)");
        write(md, w, CrossSet.MEAM);
    }

    /** The comparison of one set of cells (no heading: the caller gives it). */
    static void write(Markdown md, BenchWork w, CrossSet set) {
        Path ref = w.path(set.path("matscreen.tsv"));
        Optional<MatscreenRun> a = w.matscreen(set.matscreenRun());
        if (!Files.exists(ref) || a.isEmpty()) {
            md.line("Not run (matscreen's run (a) or `bench prepare` is missing).");
            return;
        }
        Map<Long, ToolRun.Reference> reference = ToolRun.references(ref);
        Facts runs = w.runs();
        List<ToolRun> tools = new ArrayList<>();
        ToolRun nativeRun = tool(w, set, "native", "native-", reference);
        for (String t : List.of("python", "lmp")) {
            ToolRun r = tool(w, set, t, t, reference);
            if (r != null) {
                tools.add(r);
            }
        }
        md.line(w.machine().get(set.folder() + ".description", "") + " Every tool gets the cells matscreen built"
                + " (read back from run (a)'s records) and runs what `LammpsCalculator` runs for a campaign with"
                + " `relax: {mode: shape-fixed}` and properties off: the relaxation recipe (`RelaxProtocol.recipe`:"
                + " `fix box/relax iso 0.0 vmax 0.001 nreset 1`, `min_style cg`, `minimize 1e-12 1e-6 5000 50000`"
                + " — the campaign's energy tolerance 0 becomes the recipe's 1e-12 —, `run 0`, restarted with cg, then"
                + " sd while max force > 1e-3 eV/Å or |P| > 10 bar, until a restart gains less than 1e-9 eV/atom),"
                + " then the common-neighbour analysis matscreen records for every relaxed cell (two `compute"
                + " cna/atom` passes with a `run 0` each; the peers do it too, so the work is identical). All use"
                + " Debian's LAMMPS " + w.machine().get("lammps", "") + " with `OMP_NUM_THREADS=1`.");
        md.line();
        md.line("*Steady* wall: first candidate started to last finished (matscreen: its screening stage, references"
                + " excluded). *Whole command*: process start to exit (JVM, Spark, reference stage, pools, MPI"
                + " start-up included). Ratios are candidates per second divided by the native limit's, same column."
                + " Σ force evaluations: of the relaxations (LAMMPS' minimisation statistics + 1 per minimiser set-up"
                + " + 1 per `run 0` of the acceptance test; the analysis' two `run 0` not counted).");
        md.line();
        if (nativeRun == null) {
            md.line("The native limit (b) did not run; no ratios.");
            return;
        }
        // Only lmp's log is read for the counts; the tools that send the same commands make the same evaluations (their
        // energies agree to the last bit), which the relaxation section checks with a counted run of this protocol.
        String sameCount = tools.stream().filter(r -> r.forceEvaluations() >= 0).findFirst()
                .map(r -> "= (c)").orElse("–");
        Markdown.Table t = md.table("tool", "how", "candidates", "Σ force evaluations", "steady wall (s)",
                "candidates/s", "÷ native", "Σ LAMMPS (s)", "whole command (s)", "candidates/s", "÷ native",
                "max \\|ΔE\\| (eV/atom)");
        row(t, "(b) native limit", "one JVM per core, each a plain loop over one in-process instance through raw"
                + " `LammpsLibrary` calls, cells from a shared queue", nativeRun, nativeRun, sameCount);
        matscreenRow(t, "(a) matscreen `run`", a.get(), nativeRun, sameCount);
        for (ToolRun r : tools) {
            row(t, r.name().equals("lmp") ? "(c) `lmp` per candidate" : "(d) python3-lammps",
                    r.name().equals("lmp") ? "one process per candidate with its own input files, 2 at a time"
                            + " (`xargs -P 2`, a shell per job)"
                            : "`multiprocessing` Pool(2), one instance per process, `create_atoms` from lists",
                    r, nativeRun, sameCount);
        }
        Optional<MatscreenRun> cached = w.matscreen(set.referenceCacheRun());
        cached.ifPresent(r -> matscreenRow(t, "(a″) matscreen, references from the cache",
                "as (a), with the pure-element references an earlier campaign left in the shared cache (`--cache`;"
                        + " no record of these candidates is there)", r, nativeRun, sameCount));
        Optional<MatscreenRun> again = w.matscreen(set.againRun());
        again.ifPresent(r -> matscreenRow(t, "(a′) matscreen again, last", r, nativeRun, sameCount));
        t.end();
        md.line();
        gate(md, nativeRun, tools, reference.size());
        goals(md, nativeRun, tools.stream().filter(r -> r.name().equals("python")).findFirst(), a.get(), again,
                cached);
        notes(md, w, set, runs, a.get());
        cpu(md, w, set);
    }

    private static String sampler(CpuAccount c) {
        return c.samplerCounted() ? Markdown.num(c.cpu(CpuAccount.SAMPLER)) : "–";
    }

    /**
     * Where the cores' time goes in the steady window of (a) and (d), from runs of their own with their threads' CPU
     * sampled (run.sh's CPU accounting); nothing when run.sh did not sample.
     */
    private static void cpu(Markdown md, BenchWork w, CrossSet set) {
        Optional<CpuAccount> m = CpuAccount.read(w.path(set.path("cpu-matscreen.tsv")));
        Optional<CpuAccount> p = CpuAccount.read(w.path(set.path("cpu-python.tsv")));
        if (m.isEmpty() || p.isEmpty()) {
            return;
        }
        int cores = Integer.parseInt(w.machine().get("cores", "2"));
        md.line("**Where the cores' time goes** in the steady window (separate runs of (a) and (d), their threads' CPU"
                + " read from `/proc` every 0.1 s by `bench/python/cpu_account.py`; core-seconds = window × " + cores
                + " cores; *sampler*: the sampling script's own CPU, on the same cores; *pre-empted*: involuntary"
                + " context switches of the LAMMPS threads, the times the scheduler took a core from them while they"
                + " could run):");
        md.line();
        Markdown.Table t = md.table("tool", "window (s)", "core-seconds", "LAMMPS threads (s)",
                "other threads (s)", "of which: executor / JIT / GC / rest (s)", "sampler (s)", "idle (s)",
                "LAMMPS pre-empted", "LAMMPS threads ÷ (d)'s");
        CpuAccount a = m.get();
        CpuAccount d = p.get();
        double lammpsA = a.cpu("lammps worker");
        double lammpsD = d.cpu("python worker");
        double otherA = a.cpuExcept("lammps worker");
        t.row("(a) matscreen `run`", Markdown.num(a.windowSeconds()), Markdown.num(cores * a.windowSeconds()),
                Markdown.num(lammpsA), Markdown.num(otherA), Markdown.num(a.cpu("executor")) + " / "
                        + Markdown.num(a.cpu("jit")) + " / " + Markdown.num(a.cpu("gc")) + " / "
                        + Markdown.num(a.cpu("driver other") + a.cpu("worker jvm")), sampler(a),
                Markdown.num(a.idle(cores)), Long.toString(a.switches("lammps worker")),
                Markdown.ratio(lammpsA / lammpsD));
        double otherD = d.cpuExcept("python worker");
        t.row("(d) python3-lammps", Markdown.num(d.windowSeconds()), Markdown.num(cores * d.windowSeconds()),
                Markdown.num(lammpsD), Markdown.num(otherD), "pool parent " + Markdown.num(d.cpu("python parent")),
                sampler(d), Markdown.num(d.idle(cores)), Long.toString(d.switches("python worker")), "1.00");
        t.end();
        md.line();
        if (!a.samplerCounted() || !d.samplerCounted()) {
            md.line("These runs were sampled before the sampler counted itself: its own CPU, 4–7 % of one core"
                    + " (measured apart), is inside *idle*.");
            md.line();
        }
        md.line("The LAMMPS threads' CPU holds LAMMPS and the Java (worker) or Python (pool process) between its"
                + " calls. On " + cores + " busy cores every core-second another thread takes is a second the"
                + " LAMMPS threads wait: (a)'s steady window is at least (LAMMPS threads + other threads) ÷ " + cores
                + ".");
        md.line();
    }

    static ToolRun tool(BenchWork w, CrossSet set, String name, String prefix,
            Map<Long, ToolRun.Reference> reference) {
        List<Path> files = w.tables(set, prefix);
        if (files.isEmpty()) {
            return null;
        }
        return ToolRun.of(name, ResultTable.readAll(files), reference,
                w.runs().number(set.run(name) + ".command_s").orElse(Double.NaN));
    }

    private static void row(Markdown.Table t, String tool, String how, ToolRun r, ToolRun n, String sameCount) {
        t.row(tool, how, Long.toString(r.candidates()),
                r.forceEvaluations() >= 0 ? Long.toString(r.forceEvaluations()) : sameCount,
                Markdown.num(r.steadySeconds()),
                Markdown.num(r.candidatesPerSecond()), Markdown.ratio(r.candidatesPerSecond()
                        / n.candidatesPerSecond()), Markdown.num(r.lammpsSeconds()), Markdown.num(r.commandSeconds()),
                Markdown.num(r.candidatesPerSecondCommand()), Markdown.ratio(r.candidatesPerSecondCommand()
                        / n.candidatesPerSecondCommand()), Markdown.sci(r.maxEnergyDifference()));
    }

    private static void matscreenRow(Markdown.Table t, String tool, MatscreenRun m, ToolRun n, String sameCount) {
        matscreenRow(t, tool, "`--master local[2]`, isolated workers (the default with Debian's library), no cache", m,
                n, sameCount);
    }

    private static void matscreenRow(Markdown.Table t, String tool, String how, MatscreenRun m, ToolRun n,
            String sameCount) {
        double perCommand = m.computed() / m.commandSeconds();
        t.row(tool, how,
                Long.toString(m.computed()), sameCount, Markdown.num(m.wallSeconds()),
                Markdown.num(m.candidatesPerSecond()),
                Markdown.ratio(m.candidatesPerSecond() / n.candidatesPerSecond()), Markdown.num(m.nativeSeconds()),
                Markdown.num(m.commandSeconds()), Markdown.num(perCommand),
                Markdown.ratio(perCommand / n.candidatesPerSecondCommand()), "reference");
    }

    private static void gate(Markdown md, ToolRun nativeRun, List<ToolRun> tools, int expected) {
        List<ToolRun> all = new ArrayList<>(List.of(nativeRun));
        all.addAll(tools);
        StringBuilder s = new StringBuilder("**Correctness gate** (every tool's relaxed energy equals matscreen's to "
                + Markdown.sci(TOLERANCE_EV_PER_ATOM) + " eV/atom on all " + expected + " candidates): ");
        boolean ok = true;
        for (ToolRun r : all) {
            ok &= r.passes(TOLERANCE_EV_PER_ATOM);
            s.append(r.name()).append(' ').append(r.passes(TOLERANCE_EV_PER_ATOM) ? "pass" : "FAIL");
            if (r.missing() > 0) {
                s.append(" (").append(r.missing()).append(" missing)");
            }
            if (r.minimisationMismatches() > 0) {
                s.append(" (").append(r.minimisationMismatches()).append(" with another number of minimisations)");
            }
            s.append("; ");
        }
        md.line(s.append(ok ? "**PASS**." : "**FAIL**: the rows above do not compare like with like.").toString());
        md.line();
    }

    /** Issue 19's goals for items 1 and 2, each with the figure it is measured by and its peer. */
    static final double GOAL_LAMMPS_VS_PYTHON = 1.03;
    static final double GOAL_STEADY_VS_PYTHON = 1.0;
    static final double GOAL_COMMAND_VS_NATIVE = 0.95;
    static final double GOAL_FIRST_RECORD_S = 8.0;

    private static void goals(Markdown md, ToolRun nativeRun, Optional<ToolRun> python, MatscreenRun a,
            Optional<MatscreenRun> again, Optional<MatscreenRun> cached) {
        List<MatscreenRun> runs = new ArrayList<>(List.of(a));
        again.ifPresent(runs::add);
        Markdown.Table t = md.table("goal (issue 19)", "peer", "goal", "(a)", again.isPresent() ? "(a′)" : "–",
                "met");
        python.ifPresent(p -> {
            goalRow(t, "Σ LAMMPS seconds ÷ the Python loop's", "(d) " + Markdown.num(p.lammpsSeconds()) + " s",
                    "≤ " + Markdown.ratio(GOAL_LAMMPS_VS_PYTHON), runs, r -> r.nativeSeconds() / p.lammpsSeconds(),
                    v -> v <= GOAL_LAMMPS_VS_PYTHON);
            goalRow(t, "steady candidates/s ÷ the Python loop's", "(d) " + Markdown.num(p.candidatesPerSecond()),
                    "≥ " + Markdown.ratio(GOAL_STEADY_VS_PYTHON), runs,
                    r -> r.candidatesPerSecond() / p.candidatesPerSecond(), v -> v >= GOAL_STEADY_VS_PYTHON);
        });
        goalRow(t, "whole command candidates/s ÷ the native limit's", "(b) "
                + Markdown.num(nativeRun.candidatesPerSecondCommand()), "≥ " + Markdown.ratio(GOAL_COMMAND_VS_NATIVE),
                runs, r -> r.computed() / r.commandSeconds() / nativeRun.candidatesPerSecondCommand(),
                v -> v >= GOAL_COMMAND_VS_NATIVE);
        goalRow(t, "first committed record after the JVM's start (s)", "–", "< " + Markdown.num(GOAL_FIRST_RECORD_S),
                runs, MatscreenRun::firstRecordSeconds, v -> v < GOAL_FIRST_RECORD_S);
        t.end();
        md.line();
        cached.ifPresent(c -> md.line("With the references from the cache (a″), whole command ÷ native "
                + Markdown.ratio(c.computed() / c.commandSeconds() / nativeRun.candidatesPerSecondCommand())
                + " and the first record after " + Markdown.num(c.firstRecordSeconds()) + " s: the peers compute no"
                + " pure-element references at all, so (a″) does the same work as they do."));
        md.line();
    }

    private static void goalRow(Markdown.Table t, String goal, String peer, String target, List<MatscreenRun> runs,
            java.util.function.ToDoubleFunction<MatscreenRun> figure, java.util.function.DoublePredicate met) {
        List<String> cells = new ArrayList<>(List.of(goal, peer, target));
        boolean all = true;
        for (MatscreenRun r : runs) {
            double v = figure.applyAsDouble(r);
            cells.add(Double.isNaN(v) ? "–" : Markdown.num(v));
            all &= !Double.isNaN(v) && met.test(v);
        }
        while (cells.size() < 5) {
            cells.add("–");
        }
        cells.add(all ? "yes" : "**no**");
        t.row(cells.toArray(String[]::new));
    }

    private static void notes(Markdown md, BenchWork w, CrossSet set, Facts runs, MatscreenRun a) {
        List<Path> shards = w.tables(set, "native-");
        if (shards.size() > 1) {
            StringBuilder busy = new StringBuilder();
            for (Path p : shards) {
                double s = ResultTable.read(p).stream().mapToDouble(ResultTable.Row::lammpsSeconds).sum();
                busy.append(busy.length() > 0 ? " / " : "").append(Markdown.num(s)).append(" s");
            }
            md.line("- (b) busy time per process (Σ LAMMPS): " + busy + "; the loops start together after their"
                    + " warm-up, and take cells from a shared queue.");
        }
        analysisShare(w, set, "native-").ifPresent(f -> md.line("- The common-neighbour analysis (two `compute"
                + " cna/atom` + `run 0`, codes read back) is " + Markdown.num(100 * f) + " % of (b)'s Σ LAMMPS"
                + analysisShare(w, set, "python").map(g -> " and " + Markdown.num(100 * g) + " % of (d)'s")
                        .orElse("") + ": matscreen's extra work per candidate against the typical loop (e) and the"
                + " recipe (f) of section 1b, which do not classify the relaxed cell."));
        runs.number("lmp.empty_median_s").ifPresent(e ->
                md.line("- (c) an `lmp` run of an empty input takes " + Markdown.num(e) + " s (median of "
                        + runs.get("lmp.empty_runs", "?") + ", same run): the process, OpenMPI singleton and LAMMPS"
                        + " start-up every per-candidate launch pays. Input files were written beforehand and are not"
                        + " charged to (c)."));
        if (!Double.isNaN(a.referenceSeconds())) {
            md.line("- (a) whole command " + Markdown.num(a.commandSeconds()) + " s = screening " + Markdown.num(
                    a.wallSeconds()) + " s + pure-element references " + Markdown.num(a.referenceSeconds()) + " s + "
                    + Markdown.num(a.commandSeconds() - a.wallSeconds() - a.referenceSeconds()) + " s of JVM and Spark"
                    + " start and stop, campaign checks and repository set-up: fixed costs, whatever the campaign's"
                    + " size." + (Double.isNaN(a.firstRecordSeconds()) ? "" : " Its first record was committed "
                    + Markdown.num(a.firstRecordSeconds()) + " s after the JVM started."));
        }
        md.line("- (b) and (d) relax one cell untimed per process before their loop (the one-off costs of a fresh"
                + " process's first LAMMPS calls), as matscreen's workers are warm from its reference stage.");
        md.line("- (d) only a candidate index crosses the pool's pipe (cells inherited through `fork`), the cheapest"
                + " way to feed a pool; a script that pickles structures pays more.");
        if (w.matscreen(set.againRun()).isPresent()) {
            md.line("- (a′) repeats (a) after the others: the two matscreen rows bracket the drift of a shared"
                    + " machine.");
        }
        md.line();
    }

    /** Σ analysis seconds ÷ Σ LAMMPS seconds of a tool's tables, where it reports the analysis. */
    static Optional<Double> analysisShare(BenchWork w, CrossSet set, String prefix) {
        List<ResultTable.Row> rows = ResultTable.readAll(w.tables(set, prefix));
        if (rows.isEmpty() || rows.stream().anyMatch(r -> Double.isNaN(r.analysisSeconds()))) {
            return Optional.empty();
        }
        return Optional.of(rows.stream().mapToDouble(ResultTable.Row::analysisSeconds).sum()
                / rows.stream().mapToDouble(ResultTable.Row::lammpsSeconds).sum());
    }
}
