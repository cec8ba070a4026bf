package org.matscreen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Section "Less native work for the same answer" (issue 19, item 3): the loop a user would write (one guessed
 * lattice parameter, the tutorial's minimiser settings) against the relaxation recipe, both as python3-lammps pools
 * over the cells of section 1, so their ratio is the protocol's alone, and against matscreen, which runs the recipe
 * itself; force evaluations per tool; energies checked against a tight-tolerance reference of the same box mode; and
 * an untimed, counted run of several protocols. Inputs, per {@link CrossSet}: {@code typical.tsv}, {@code recipe.tsv}
 * (timed pools), {@code protocols/*.tsv} (counts, from {@code relax_protocols.py study}).
 */
final class RelaxationSection {
    /** The gate of the faster protocols: within this of the tight reference, eV/atom (issue 19: 0.1 meV/atom). */
    static final double TIGHT_TOLERANCE_EV_PER_ATOM = 1e-4;
    /** Issue 19's goals: the recipe against the typical loop and against one lmp launch per candidate. */
    static final double GOAL_VS_TYPICAL = 1.5;
    static final double GOAL_VS_LMP = 3.0;

    /** One candidate of a counted (untimed) protocol run. */
    record Counted(double energyPerAtomEv, int evaluations, boolean accepted) {}

    private RelaxationSection() {}

    static void write(Markdown md, BenchWork w) {
        md.heading(2, "1b. Less native work for the same answer (issue 19)");
        write(md, w, CrossSet.CU_NI);
    }

    /** The comparison on one set of cells (no heading: the caller gives it). */
    static void write(Markdown md, BenchWork w, CrossSet set) {
        Map<Long, Counted> tightIso = counted(w.path(set.path("protocols/tight-iso.tsv")));
        List<ResultTable.Row> typical = rows(w, set, "typical");
        List<ResultTable.Row> recipe = rows(w, set, "recipe");
        if (tightIso.isEmpty() || typical.isEmpty() || recipe.isEmpty()) {
            md.line("Not run (skipped, or the set's cells are missing).");
            return;
        }
        Facts runs = w.runs();
        md.line("The cells of the table above. *Typical loop* (e): what a tutorial teaches, modelled on the LAMMPS"
                + " manual's `fix box/relax` example and the widely copied energy-minimisation tutorial input (M. A."
                + " Tschopp, `Calc_fcc.in`): one guessed lattice parameter for every composition (3.6 Å; the same site"
                + " arrangement as matscreen's cell, scaled), `fix 1 all box/relax iso 0.0 vmax 0.001`, `min_style cg`,"
                + " `minimize 1e-25 1e-25 5000 10000`, one pass. *Recipe* (f): the protocol alone, what matscreen runs"
                + " without its analysis — the Vegard's-law cell matscreen builds, `fix box/relax iso 0.0 vmax 0.001"
                + " nreset 1`, `min_style cg`, `minimize 1e-12 1e-6 5000 50000`, `run 0`, restarted (cg, sd, …) only"
                + " while max force > 1e-3 eV/Å or |P| > 10 bar and until a restart gains less than 1e-9 eV/atom"
                + " (`bench/RELAXATION-RECIPE.md`). Both are `bench/python/relax_protocols.py pool` runs"
                + " (python3-lammps, Pool(" + w.machine().get("cores", "2") + "), warmed as (d)), so their ratio is"
                + " the protocol's alone. Since issue 19 `LammpsCalculator` runs the recipe itself, so (a), (c) and"
                + " (d) — the tools of the table above — run (f)'s protocol plus the common-neighbour analysis."
                + " Force evaluations: every evaluation of the potential on the whole cell during the relaxation"
                + " (LAMMPS' minimisation statistics + 1 per minimiser set-up + 1 per `run 0`), independent of the"
                + " machine's load.");
        md.line();
        Optional<ToolRun> lmp = tool(w, set, "lmp");
        Optional<ToolRun> python = tool(w, set, "python");
        Optional<MatscreenRun> a = w.matscreen(set.matscreenRun());
        Map<Long, Counted> msCount = counted(w.path(set.path("protocols/matscreen-iso.tsv")));
        Map<Long, ToolRun.Reference> msEnergies = Files.exists(w.path(set.path("matscreen.tsv")))
                ? ToolRun.references(w.path(set.path("matscreen.tsv"))) : Map.of();

        double typEval = sum(typical);
        double typRate = rate(typical);
        double typCommand = typical.size() / runs.number(set.run("typical") + ".command_s").orElse(Double.NaN);
        Markdown.Table t = md.table("peer", "protocol", "candidates", "Σ force evaluations", "÷ typical",
                "steady wall (s)", "candidates/s", "÷ typical", "whole command (s)", "candidates/s", "÷ typical",
                "max \\|E − E_tight\\| (meV/atom)", "accepted");
        t.row("(e) typical loop", "guessed a, tutorial minimiser, `iso`", Integer.toString(typical.size()),
                Markdown.num(typEval), "1.00", Markdown.num(steady(typical)), Markdown.num(typRate), "1.00",
                Markdown.num(runs.number(set.run("typical") + ".command_s").orElse(Double.NaN)),
                Markdown.num(typCommand), "1.00", meV(maxDiff(typical, tightIso)), accepted(typical));
        double recCommand = recipe.size() / runs.number(set.run("recipe") + ".command_s").orElse(Double.NaN);
        t.row("(f) recipe", "Vegard start, `etol` 1e-12, `iso`, no analysis", Integer.toString(recipe.size()),
                Markdown.num(sum(recipe)), Markdown.ratio(typEval / sum(recipe)), Markdown.num(steady(recipe)),
                Markdown.num(rate(recipe)), Markdown.ratio(rate(recipe) / typRate),
                Markdown.num(runs.number(set.run("recipe") + ".command_s").orElse(Double.NaN)),
                Markdown.num(recCommand), Markdown.ratio(recCommand / typCommand), meV(maxDiff(recipe, tightIso)),
                accepted(recipe));
        double msEval = msCount.values().stream().mapToDouble(Counted::evaluations).sum();
        String msEvalText = msCount.isEmpty() ? "–" : Markdown.num(msEval);
        String msEvalRatio = msCount.isEmpty() ? "–" : Markdown.ratio(typEval / msEval);
        String msDiff = meV(maxDiffRef(msEnergies, tightIso));
        a.ifPresent(m -> t.row("(a) matscreen `run`", "the recipe + analysis (`LammpsCalculator`)",
                Long.toString(m.computed()), msEvalText, msEvalRatio, Markdown.num(m.wallSeconds()),
                Markdown.num(m.candidatesPerSecond()), Markdown.ratio(m.candidatesPerSecond() / typRate),
                Markdown.num(m.commandSeconds()), Markdown.num(m.computed() / m.commandSeconds()),
                Markdown.ratio(m.computed() / m.commandSeconds() / typCommand), msDiff,
                acceptedRef(msEnergies)));
        python.ifPresent(p -> t.row("(d) python3-lammps", "the recipe + analysis, as (a)",
                Integer.toString(p.candidates()), msEvalText, msEvalRatio, Markdown.num(p.steadySeconds()),
                Markdown.num(p.candidatesPerSecond()), Markdown.ratio(p.candidatesPerSecond() / typRate),
                Markdown.num(p.commandSeconds()), Markdown.num(p.candidatesPerSecondCommand()),
                Markdown.ratio(p.candidatesPerSecondCommand() / typCommand), "= (a)", "–"));
        lmp.ifPresent(l -> t.row("(c) `lmp` per candidate", "the recipe + analysis, as (a)",
                Integer.toString(l.candidates()), l.forceEvaluations() >= 0 ? Markdown.num(l.forceEvaluations())
                        : "–", l.forceEvaluations() > 0 ? Markdown.ratio(typEval / l.forceEvaluations()) : "–",
                Markdown.num(l.steadySeconds()), Markdown.num(l.candidatesPerSecond()),
                Markdown.ratio(l.candidatesPerSecond() / typRate), Markdown.num(l.commandSeconds()),
                Markdown.num(l.candidatesPerSecondCommand()), Markdown.ratio(l.candidatesPerSecondCommand()
                        / typCommand), "= (a)", "–"));
        t.end();
        md.line();
        md.line("\"÷ typical\" of force evaluations is typical ÷ this row (how many times fewer); of candidates/s,"
                + " this row ÷ typical. *accepted*: candidates whose final state met max force ≤ 1e-3 eV/Å and"
                + " |P| ≤ 10 bar (matscreen's acceptance test for a shape-fixed cubic cell). \"= (a)\": energies equal"
                + " (a)'s to 1e-6 eV/atom, the gate of the table above.");
        md.line();
        gate(md, typical, recipe, tightIso, msEnergies);
        goals(md, recipe, typRate, lmp, a);
        countedTable(md, w, set, tightIso, typEval / typical.size(), lmp);
    }

    private static void gate(Markdown md, List<ResultTable.Row> typical, List<ResultTable.Row> recipe,
            Map<Long, Counted> tight, Map<Long, ToolRun.Reference> matscreen) {
        long typOver = over(typical, tight);
        long recOver = over(recipe, tight);
        long recRejected = recipe.stream().filter(r -> !r.accepted()).count();
        long msOver = matscreen.entrySet().stream().filter(e -> !tight.containsKey(e.getKey())
                || !(Math.abs(e.getValue().energyPerAtomEv() - tight.get(e.getKey()).energyPerAtomEv())
                        <= TIGHT_TOLERANCE_EV_PER_ATOM)).count();
        long msRejected = matscreen.values().stream().filter(r -> !r.accepted()).count();
        boolean missing = typical.size() != tight.size() || recipe.size() != tight.size()
                || matscreen.size() != tight.size();
        boolean pass = typOver == 0 && recOver == 0 && recRejected == 0 && msOver == 0 && msRejected == 0
                && !missing;
        md.line("**Correctness gate** (within " + Markdown.num(TIGHT_TOLERANCE_EV_PER_ATOM * 1e3) + " meV/atom of"
                + " the tight `iso` reference — `cg`, `minimize 0 1e-10`, repeated until the energy changes by less"
                + " than 1e-10 eV/atom — on every one of " + tight.size() + " candidates; the recipe and matscreen also"
                + " accepted on all): typical " + (typOver == 0 ? "pass" : "FAIL (" + typOver + " over)")
                + "; recipe " + verdict(recOver, recRejected) + "; matscreen " + verdict(msOver, msRejected)
                + (missing ? "; candidates missing" : "") + "; " + (pass ? "**PASS**." : "**FAIL**."));
        md.line();
    }

    private static String verdict(long over, long rejected) {
        return over == 0 && rejected == 0 ? "pass" : "FAIL (" + over + " over, " + rejected + " not accepted)";
    }

    private static void goals(Markdown md, List<ResultTable.Row> recipe, double typRate, Optional<ToolRun> lmp,
            Optional<MatscreenRun> a) {
        double protocolAlone = rate(recipe) / typRate;
        StringBuilder s = new StringBuilder("Goals (issue 19, item 3), steady candidates per second of matscreen:");
        a.ifPresent(m -> {
            double vsTypical = m.candidatesPerSecond() / typRate;
            s.append(" ≥ ").append(Markdown.ratio(GOAL_VS_TYPICAL)).append("× the typical loop (e): ")
                    .append(Markdown.ratio(vsTypical)).append("× (").append(vsTypical >= GOAL_VS_TYPICAL ? "met"
                            : "**not met**").append(")");
            lmp.ifPresent(l -> {
                double vsLmp = m.candidatesPerSecond() / l.candidatesPerSecond();
                s.append("; ≥ ").append(Markdown.ratio(GOAL_VS_LMP)).append("× one `lmp` launch per candidate (c),"
                        + " which runs the same recipe and analysis: ").append(Markdown.ratio(vsLmp)).append("× (")
                        .append(vsLmp >= GOAL_VS_LMP ? "met" : "**not met**").append(")");
            });
        });
        md.line(s.append(". The protocol alone, (f) ÷ (e): ").append(Markdown.ratio(protocolAlone))
                .append("×.").toString());
        md.line();
    }

    /** The untimed, counted runs: more protocols than the timed pools, each against the tight reference of its box. */
    private static void countedTable(Markdown md, BenchWork w, CrossSet set, Map<Long, Counted> tightIso,
            double typicalMean, Optional<ToolRun> lmp) {
        Path dir = w.path(set.path("protocols"));
        Map<Long, Counted> tightTri = counted(dir.resolve("tight-tri.tsv"));
        List<String> names = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tsv")).sorted()
                    .forEach(n -> names.add(n.substring(0, n.length() - 4)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        md.line("Counted, not timed (`relax_protocols.py study`, every candidate; the reference of the same box mode;"
                + " `matscreen-*` is `LammpsCalculator`'s relaxation now, `legacy-*` its protocol before the recipe):");
        md.line();
        Markdown.Table t = md.table("protocol", "mean force evaluations", "typical ÷ this", "legacy ÷ this",
                "max \\|E − E_tight\\| (meV/atom)", "over 0.1 meV", "not accepted");
        for (String n : names) {
            Map<Long, Counted> c = counted(dir.resolve(n + ".tsv"));
            boolean tri = n.endsWith("tri");
            Map<Long, Counted> ref = tri ? tightTri : tightIso;
            Map<Long, Counted> legacy = counted(dir.resolve(tri ? "legacy-tri.tsv" : "legacy-iso.tsv"));
            double mean = c.values().stream().mapToInt(Counted::evaluations).average().orElse(Double.NaN);
            double legacyMean = legacy.values().stream().mapToInt(Counted::evaluations).average()
                    .orElse(Double.NaN);
            double max = 0;
            long over = 0;
            for (Map.Entry<Long, Counted> e : c.entrySet()) {
                Counted r = ref.get(e.getKey());
                double d = r == null ? Double.POSITIVE_INFINITY
                        : Math.abs(e.getValue().energyPerAtomEv() - r.energyPerAtomEv());
                max = Math.max(max, d);
                over += d > TIGHT_TOLERANCE_EV_PER_ATOM ? 1 : 0;
            }
            t.row("`" + n + "`", Markdown.num(mean), Markdown.ratio(typicalMean / mean),
                    Markdown.ratio(legacyMean / mean), ref.isEmpty() ? "–" : meV(max),
                    ref.isEmpty() ? "–" : Long.toString(over),
                    Long.toString(c.values().stream().filter(x -> !x.accepted()).count()));
        }
        t.end();
        md.line();
        Map<Long, Counted> ms = counted(dir.resolve("matscreen-iso.tsv"));
        lmp.ifPresent(l -> {
            List<ResultTable.Row> rows = ResultTable.readAll(w.tables(set, "lmp"));
            long same = rows.stream().filter(r -> ms.containsKey(r.index())
                    && ms.get(r.index()).evaluations() == r.forceEvaluations()
                    && Math.abs(ms.get(r.index()).energyPerAtomEv() - r.energyPerAtomEv())
                            <= CrossToolSection.TOLERANCE_EV_PER_ATOM).count();
            md.line("Count check: `matscreen-iso` (matscreen's protocol through `relax_protocols.py`) made the same"
                    + " number of force evaluations as `lmp` (c), which reads its own log, with the same energy, on "
                    + same + " of " + rows.size() + " candidates.");
            md.line();
        });
    }

    private static Optional<ToolRun> tool(BenchWork w, CrossSet set, String name) {
        if (!Files.exists(w.path(set.path("matscreen.tsv")))) {
            return Optional.empty();
        }
        return Optional.ofNullable(CrossToolSection.tool(w, set, name, name,
                ToolRun.references(w.path(set.path("matscreen.tsv")))));
    }

    private static List<ResultTable.Row> rows(BenchWork w, CrossSet set, String name) {
        Path p = w.path(set.path(name + ".tsv"));
        return Files.exists(p) ? ResultTable.read(p) : List.of();
    }

    /** A table of {@code relax_protocols.py study}: index, energy, evaluations, …, converged (column 8). */
    static Map<Long, Counted> counted(Path file) {
        Map<Long, Counted> m = new HashMap<>();
        if (!Files.exists(file)) {
            return m;
        }
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                m.put(Long.parseLong(f[0]), new Counted(Double.parseDouble(f[1]), Integer.parseInt(f[2]),
                        f[7].equals("1")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return m;
    }

    private static double sum(List<ResultTable.Row> rows) {
        return rows.stream().anyMatch(r -> r.forceEvaluations() < 0) ? Double.NaN
                : rows.stream().mapToDouble(ResultTable.Row::forceEvaluations).sum();
    }

    private static double steady(List<ResultTable.Row> rows) {
        long first = rows.stream().mapToLong(ResultTable.Row::startMs).min().orElse(0);
        long last = rows.stream().mapToLong(ResultTable.Row::endMs).max().orElse(0);
        return (last - first) / 1e3;
    }

    private static double rate(List<ResultTable.Row> rows) {
        return rows.size() / steady(rows);
    }

    static double maxDiff(List<ResultTable.Row> rows, Map<Long, Counted> tight) {
        double max = 0;
        for (ResultTable.Row r : rows) {
            Counted c = tight.get(r.index());
            double d = c == null ? Double.POSITIVE_INFINITY : Math.abs(r.energyPerAtomEv() - c.energyPerAtomEv());
            max = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(max, d);
        }
        return max;
    }

    private static double maxDiffRef(Map<Long, ToolRun.Reference> energies, Map<Long, Counted> tight) {
        if (energies.isEmpty() || tight.isEmpty()) {
            return Double.NaN;
        }
        double max = 0;
        for (Map.Entry<Long, ToolRun.Reference> e : energies.entrySet()) {
            Counted c = tight.get(e.getKey());
            max = c == null ? Double.POSITIVE_INFINITY
                    : Math.max(max, Math.abs(e.getValue().energyPerAtomEv() - c.energyPerAtomEv()));
        }
        return max;
    }

    static long over(List<ResultTable.Row> rows, Map<Long, Counted> tight) {
        return rows.stream().filter(r -> {
            Counted c = tight.get(r.index());
            return c == null || !(Math.abs(r.energyPerAtomEv() - c.energyPerAtomEv()) <= TIGHT_TOLERANCE_EV_PER_ATOM);
        }).count();
    }

    private static String acceptedRef(Map<Long, ToolRun.Reference> rows) {
        return rows.values().stream().filter(ToolRun.Reference::accepted).count() + " of " + rows.size();
    }

    private static String accepted(List<ResultTable.Row> rows) {
        return rows.stream().filter(ResultTable.Row::accepted).count() + " of " + rows.size();
    }

    private static String meV(double ev) {
        return Double.isNaN(ev) ? "–" : String.format(java.util.Locale.ROOT, "%.4f", ev * 1e3);
    }
}
