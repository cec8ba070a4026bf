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
                + " Native seconds per atom and minimiser iteration is what the cost model's per-atom constant scales"
                + " with; the last column is the prior `plan` uses (`PotentialCostClass`).");
        md.line();
        double eam = p.require("potentials.eam.us_per_atom_iteration");
        Markdown.Table t = md.table("potential kind", "atoms", "native s per cell, median", "µs per atom-iteration",
                "relative to eam/alloy", "cost-model prior");
        for (String k : KINDS) {
            if (!p.has("potentials." + k + ".us_per_atom_iteration")) {
                continue;
            }
            double us = p.require("potentials." + k + ".us_per_atom_iteration");
            t.row(p.get("potentials." + k + ".label"), p.get("potentials." + k + ".atoms"),
                    Markdown.num(p.require("potentials." + k + ".native_median_s")), Markdown.num(us),
                    Markdown.ratio(us / eam), "x" + Markdown.num(p.require("potentials." + k + ".prior_factor")));
        }
        t.end();
    }
}
