package org.matscreen.bench;

/** Section 9 of the report: cost per potential kind (issue 14), from {@code potentials.facts}. */
final class PotentialsSection {
    private static final String[] KINDS = {"eam", "kim_eam", "meam", "snap"};

    private PotentialsSection() {}

    static void write(Markdown md, BenchWork w) {
        md.heading(2, "9. Cost per potential kind (issue 14)");
        Facts p = w.facts("potentials.facts");
        if (!p.has("potentials.eam.us_per_atom_iteration")) {
            md.line("Not measured in this run.");
            return;
        }
        md.line("One worker relaxes " + p.get("potentials.candidates") + " random equiatomic binary cells per kind"
                + " (box and positions, matscreen's default tolerances), after one warm-up cell that loads the model."
                + " The cost model's prior scales with native time per atom of a whole relaxation: its ratio to"
                + " eam/alloy is the cost class `plan` and the partitioner use (`PotentialCostClass`, last column)."
                + " Time per atom and minimiser iteration separates the price of a step from the number of steps.");
        md.line();
        double eam = p.require("potentials.eam.ms_per_atom");
        double eamIter = p.require("potentials.eam.us_per_atom_iteration");
        Markdown.Table t = md.table("potential kind", "atoms", "iterations, median", "native s per cell, median",
                "ms per atom", "relative to eam/alloy", "µs per atom-iteration (relative)", "cost-model prior");
        for (String k : KINDS) {
            if (!p.has("potentials." + k + ".us_per_atom_iteration")) {
                continue;
            }
            double us = p.require("potentials." + k + ".us_per_atom_iteration");
            double ms = p.require("potentials." + k + ".ms_per_atom");
            t.row(p.get("potentials." + k + ".label"), p.get("potentials." + k + ".atoms"),
                    Markdown.num(p.require("potentials." + k + ".iterations_median")),
                    Markdown.num(p.require("potentials." + k + ".native_median_s")), Markdown.num(ms),
                    Markdown.ratio(ms / eam), Markdown.num(us) + " (" + Markdown.ratio(us / eamIter) + ")",
                    "x" + Markdown.num(p.require("potentials." + k + ".prior_factor")));
        }
        t.end();
    }
}
