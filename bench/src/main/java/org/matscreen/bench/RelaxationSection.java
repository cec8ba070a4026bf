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
 * over the cells of section 1, so their ratio is the protocol's alone; force evaluations per tool; energies checked
 * against a tight-tolerance reference of the same box mode; and an untimed, counted run of several protocols.
 * Inputs: {@code cross/typical.tsv}, {@code cross/recipe.tsv} (timed pools), {@code cross/protocols/*.tsv} (counts,
 * from {@code relax_protocols.py study}).
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
        Map<Long, Counted> tightIso = counted(w.path("cross/protocols/tight-iso.tsv"));
        List<ResultTable.Row> typical = rows(w, "typical");
        List<ResultTable.Row> recipe = rows(w, "recipe");
        if (tightIso.isEmpty() || typical.isEmpty() || recipe.isEmpty()) {
            md.line("Not run (skipped, or section 1's cells are missing).");
            return;
        }
        Facts runs = w.runs();
        md.line("The cells of section 1. *Typical loop* (e): what a tutorial teaches, modelled on the LAMMPS manual's"
                + " `fix box/relax` example and the widely copied energy-minimisation tutorial input (M. A. Tschopp,"
                + " `Calc_fcc.in`): one guessed lattice parameter for every composition (3.6 Å; the same site"
                + " arrangement as matscreen's cell, scaled), `fix 1 all box/relax iso 0.0 vmax 0.001`, `min_style cg`,"
                + " `minimize 1e-25 1e-25 5000 10000`, one pass. *Recipe* (f): the Vegard's-law cell matscreen builds,"
                + " `fix box/relax iso 0.0 vmax 0.001 nreset 1`, `min_style cg`, `minimize 1e-12 1e-6 5000 50000`,"
                + " `run 0`, restarted (cg, sd, …) only while max force > 1e-3 eV/Å or |P| > 10 bar and until a"
                + " restart gains less than 1e-9 eV/atom (`bench/RELAXATION-RECIPE.md`). Both are"
                + " `bench/python/relax_protocols.py pool` runs (python3-lammps, Pool(" + w.machine().get("cores", "2")
                + "), warmed as (d)), so their ratio is the protocol's alone. Force evaluations: every evaluation of"
                + " the potential on the whole cell (LAMMPS' minimisation statistics + 1 per minimiser set-up + 1 per"
                + " `run 0`), independent of the machine's load.");
        md.line();
        Optional<ToolRun> lmp = tool(w, "lmp");
        Optional<ToolRun> python = tool(w, "python");
        Optional<MatscreenRun> a = w.matscreen("cross");
        Map<Long, Counted> tightTri = counted(w.path("cross/protocols/tight-tri.tsv"));
        Map<Long, Counted> msCount = counted(w.path("cross/protocols/matscreen-tri.tsv"));
        Map<Long, ToolRun.Reference> msEnergies = Files.exists(w.path("cross/matscreen.tsv"))
                ? ToolRun.references(w.path("cross/matscreen.tsv")) : Map.of();

        double typEval = sum(typical);
        double typRate = rate(typical);
        double typCommand = typical.size() / runs.number("typical.command_s").orElse(Double.NaN);
        Markdown.Table t = md.table("peer", "protocol", "candidates", "Σ force evaluations", "÷ typical",
                "steady wall (s)", "candidates/s", "÷ typical", "whole command (s)", "candidates/s", "÷ typical",
                "max \\|E − E_tight\\| (meV/atom)", "accepted");
        t.row("(e) typical loop", "guessed a, tutorial minimiser, `iso`", Integer.toString(typical.size()),
                Markdown.num(typEval), "1.00", Markdown.num(steady(typical)), Markdown.num(typRate), "1.00",
                Markdown.num(runs.number("typical.command_s").orElse(Double.NaN)), Markdown.num(typCommand), "1.00",
                meV(maxDiff(typical, tightIso)), accepted(typical));
        double recCommand = recipe.size() / runs.number("recipe.command_s").orElse(Double.NaN);
        t.row("(f) recipe", "Vegard start, `etol` 1e-12, `iso`", Integer.toString(recipe.size()),
                Markdown.num(sum(recipe)), Markdown.ratio(typEval / sum(recipe)), Markdown.num(steady(recipe)),
                Markdown.num(rate(recipe)), Markdown.ratio(rate(recipe) / typRate),
                Markdown.num(runs.number("recipe.command_s").orElse(Double.NaN)), Markdown.num(recCommand),
                Markdown.ratio(recCommand / typCommand), meV(maxDiff(recipe, tightIso)), accepted(recipe));
        double msEval = msCount.values().stream().mapToDouble(Counted::evaluations).sum();
        python.ifPresent(p -> t.row("(d) python3-lammps", "matscreen's today (`tri`, `etol` 0)",
                Integer.toString(p.candidates()), msCount.isEmpty() ? "–" : Markdown.num(msEval),
                msCount.isEmpty() ? "–" : Markdown.ratio(typEval / msEval), Markdown.num(p.steadySeconds()),
                Markdown.num(p.candidatesPerSecond()), Markdown.ratio(p.candidatesPerSecond() / typRate),
                Markdown.num(p.commandSeconds()), Markdown.num(p.candidatesPerSecondCommand()),
                Markdown.ratio(p.candidatesPerSecondCommand() / typCommand),
                meV(maxDiffRef(msEnergies, tightTri)) + " (vs `tri`)", "–"));
        a.ifPresent(m -> t.row("(a) matscreen `run`", "matscreen's today (`tri`, `etol` 0)",
                Long.toString(m.computed()), msCount.isEmpty() ? "–" : Markdown.num(msEval),
                msCount.isEmpty() ? "–" : Markdown.ratio(typEval / msEval), Markdown.num(m.wallSeconds()),
                Markdown.num(m.candidatesPerSecond()), Markdown.ratio(m.candidatesPerSecond() / typRate),
                Markdown.num(m.commandSeconds()), Markdown.num(m.computed() / m.commandSeconds()),
                Markdown.ratio(m.computed() / m.commandSeconds() / typCommand),
                meV(maxDiffRef(msEnergies, tightTri)) + " (vs `tri`)", "–"));
        lmp.ifPresent(l -> t.row("(c) `lmp` per candidate", "matscreen's today (`tri`, `etol` 0)",
                Integer.toString(l.candidates()), l.forceEvaluations() >= 0 ? Markdown.num(l.forceEvaluations())
                        : "–", l.forceEvaluations() > 0 ? Markdown.ratio(typEval / l.forceEvaluations()) : "–",
                Markdown.num(l.steadySeconds()), Markdown.num(l.candidatesPerSecond()),
                Markdown.ratio(l.candidatesPerSecond() / typRate), Markdown.num(l.commandSeconds()),
                Markdown.num(l.candidatesPerSecondCommand()), Markdown.ratio(l.candidatesPerSecondCommand()
                        / typCommand), meV(maxDiffRef(msEnergies, tightTri)) + " (vs `tri`)", "–"));
        t.end();
        md.line();
        md.line("\"÷ typical\" of force evaluations is typical ÷ this row (how many times fewer); of candidates/s,"
                + " this row ÷ typical. *accepted*: candidates whose final state met max force ≤ 1e-3 eV/Å and"
                + " |P| ≤ 10 bar (matscreen's acceptance; hydrostatic P for `iso`).");
        md.line();
        gate(md, typical, recipe, tightIso);
        goals(md, recipe, typRate, lmp);
        countedTable(md, w, tightIso, tightTri, typEval / typical.size(), lmp);
    }

    private static void gate(Markdown md, List<ResultTable.Row> typical, List<ResultTable.Row> recipe,
            Map<Long, Counted> tight) {
        long typOver = over(typical, tight);
        long recOver = over(recipe, tight);
        long recRejected = recipe.stream().filter(r -> !r.accepted()).count();
        boolean missing = typical.size() != tight.size() || recipe.size() != tight.size();
        boolean pass = typOver == 0 && recOver == 0 && recRejected == 0 && !missing;
        md.line("**Correctness gate** (within " + Markdown.num(TIGHT_TOLERANCE_EV_PER_ATOM * 1e3) + " meV/atom of the tight `iso`"
                + " reference — `cg`, `minimize 0 1e-10`, repeated until the energy changes by less than 1e-10"
                + " eV/atom — on every one of " + tight.size() + " candidates; the recipe also accepted on all):"
                + " typical " + (typOver == 0 ? "pass" : "FAIL (" + typOver + " over)") + "; recipe "
                + (recOver == 0 && recRejected == 0 ? "pass" : "FAIL (" + recOver + " over, " + recRejected
                        + " not accepted)") + (missing ? "; candidates missing" : "") + "; "
                + (pass ? "**PASS**." : "**FAIL**."));
        md.line();
    }

    private static void goals(Markdown md, List<ResultTable.Row> recipe, double typRate, Optional<ToolRun> lmp) {
        double vsTypical = rate(recipe) / typRate;
        StringBuilder s = new StringBuilder("Goals (issue 19, item 3), steady candidates per second of the recipe: ≥ "
                + Markdown.ratio(GOAL_VS_TYPICAL) + "× the typical loop: " + Markdown.ratio(vsTypical) + "× ("
                + (vsTypical >= GOAL_VS_TYPICAL ? "met" : "**not met**") + ")");
        lmp.ifPresent(l -> {
            double vsLmp = rate(recipe) / l.candidatesPerSecond();
            s.append("; ≥ ").append(Markdown.ratio(GOAL_VS_LMP)).append("× one `lmp` launch per candidate (c): ")
                    .append(Markdown.ratio(vsLmp)).append("× (").append(vsLmp >= GOAL_VS_LMP ? "met" : "**not met**")
                    .append(")");
        });
        md.line(s.append(". Both are reached by matscreen itself once `LammpsCalculator` runs the recipe; until then"
                + " row (f) shows what the protocol alone gives.").toString());
        md.line();
    }

    /** The untimed, counted runs: more protocols than the timed pools, each against the tight reference of its box. */
    private static void countedTable(Markdown md, BenchWork w, Map<Long, Counted> tightIso, Map<Long, Counted> tightTri,
            double typicalMean, Optional<ToolRun> lmp) {
        Path dir = w.path("cross/protocols");
        List<String> names = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tsv")).sorted()
                    .forEach(n -> names.add(n.substring(0, n.length() - 4)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        md.line("Counted, not timed (`relax_protocols.py study`, every candidate; the reference of the same box mode):");
        md.line();
        Markdown.Table t = md.table("protocol", "mean force evaluations", "typical ÷ this", "max \\|E − E_tight\\|"
                + " (meV/atom)", "over 0.1 meV", "not accepted");
        for (String n : names) {
            Map<Long, Counted> c = counted(dir.resolve(n + ".tsv"));
            Map<Long, Counted> ref = n.endsWith("tri") ? tightTri : tightIso;
            double mean = c.values().stream().mapToInt(Counted::evaluations).average().orElse(Double.NaN);
            double max = 0;
            long over = 0;
            for (Map.Entry<Long, Counted> e : c.entrySet()) {
                Counted r = ref.get(e.getKey());
                double d = r == null ? Double.POSITIVE_INFINITY
                        : Math.abs(e.getValue().energyPerAtomEv() - r.energyPerAtomEv());
                max = Math.max(max, d);
                over += d > TIGHT_TOLERANCE_EV_PER_ATOM ? 1 : 0;
            }
            t.row("`" + n + "`", Markdown.num(mean), Markdown.ratio(typicalMean / mean), meV(max),
                    Long.toString(over), Long.toString(c.values().stream().filter(x -> !x.accepted()).count()));
        }
        t.end();
        md.line();
        Map<Long, Counted> ms = counted(dir.resolve("matscreen-tri.tsv"));
        lmp.ifPresent(l -> {
            List<ResultTable.Row> rows = ResultTable.readAll(w.tables("lmp"));
            long same = rows.stream().filter(r -> ms.containsKey(r.index())
                    && ms.get(r.index()).evaluations() == r.forceEvaluations()
                    && Math.abs(ms.get(r.index()).energyPerAtomEv() - r.energyPerAtomEv())
                            <= CrossToolSection.TOLERANCE_EV_PER_ATOM).count();
            md.line("Count check: `matscreen-tri` (matscreen's protocol through `relax_protocols.py`) made the same"
                    + " number of force evaluations as `lmp` (c), which reads its own log, with the same energy, on "
                    + same + " of " + rows.size() + " candidates.");
            md.line();
        });
    }

    private static Optional<ToolRun> tool(BenchWork w, String name) {
        List<Path> files = w.tables(name);
        if (files.isEmpty() || !Files.exists(w.path("cross/matscreen.tsv"))) {
            return Optional.empty();
        }
        return Optional.of(ToolRun.of(name, ResultTable.readAll(files), ToolRun.references(w.path(
                "cross/matscreen.tsv")), w.runs().number(name + ".command_s").orElse(Double.NaN)));
    }

    private static List<ResultTable.Row> rows(BenchWork w, String name) {
        Path p = w.path("cross/" + name + ".tsv");
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

    private static String accepted(List<ResultTable.Row> rows) {
        return rows.stream().filter(ResultTable.Row::accepted).count() + " of " + rows.size();
    }

    private static String meV(double ev) {
        return Double.isNaN(ev) ? "–" : String.format(java.util.Locale.ROOT, "%.4f", ev * 1e3);
    }
}
