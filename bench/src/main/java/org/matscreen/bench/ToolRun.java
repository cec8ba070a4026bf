package org.matscreen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One baseline's run, from its result tables: the steady-state wall (first candidate started to last finished, over
 * all its processes), Σ seconds inside LAMMPS, the whole command's wall, and its energies checked against matscreen's.
 *
 * @param lammpsSeconds Σ per-candidate seconds inside LAMMPS (for lmp: each launch's wall, start-up included)
 * @param commandSeconds the whole command as run.sh timed it (process and pool start-up included), s
 * @param maxEnergyDifference max |E − E_matscreen| over the candidates, eV/atom
 * @param missing candidates matscreen computed that this tool did not report
 * @param minimisationMismatches candidates whose number of minimisations differs from matscreen's
 * @param forceEvaluations Σ force evaluations over the candidates ({@link ResultTable#EVALUATIONS_HEADER}), or
 *     {@link ResultTable#NOT_COUNTED} when the tool does not report them
 */
record ToolRun(String name, int candidates, double steadySeconds, double lammpsSeconds, double commandSeconds,
        double maxEnergyDifference, int missing, int minimisationMismatches, long forceEvaluations) {

    double candidatesPerSecond() {
        return candidates / steadySeconds;
    }

    double candidatesPerSecondCommand() {
        return candidates / commandSeconds;
    }

    boolean passes(double toleranceEvPerAtom) {
        return missing == 0 && maxEnergyDifference <= toleranceEvPerAtom;
    }

    static ToolRun of(String name, List<ResultTable.Row> rows, Map<Long, Reference> reference, double commandSeconds) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        double lammps = 0;
        double maxDiff = 0;
        int mismatches = 0;
        Map<Long, ResultTable.Row> byIndex = new HashMap<>();
        long evaluations = 0;
        for (ResultTable.Row r : rows) {
            evaluations = evaluations < 0 || r.forceEvaluations() < 0 ? ResultTable.NOT_COUNTED
                    : evaluations + r.forceEvaluations();
            first = Math.min(first, r.startMs());
            last = Math.max(last, r.endMs());
            lammps += r.lammpsSeconds();
            byIndex.put(r.index(), r);
        }
        int missing = 0;
        for (Map.Entry<Long, Reference> e : reference.entrySet()) {
            ResultTable.Row r = byIndex.get(e.getKey());
            if (r == null) {
                missing++;
                continue;
            }
            double d = Math.abs(r.energyPerAtomEv() - e.getValue().energyPerAtomEv());
            maxDiff = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(maxDiff, d);
            if (r.minimisations() != e.getValue().minimisations()) {
                mismatches++;
            }
        }
        return new ToolRun(name, rows.size(), (last - first) / 1e3, lammps, commandSeconds, maxDiff, missing,
                mismatches, rows.isEmpty() ? ResultTable.NOT_COUNTED : evaluations);
    }

    /**
     * matscreen's energy, number of minimisations and acceptance of one candidate (matscreen.tsv of 'bench prepare').
     *
     * @param accepted the relaxation met its force and pressure tolerances (true for tables older than the column)
     */
    record Reference(double energyPerAtomEv, int minimisations, double nativeSeconds, boolean accepted) {}

    static Map<Long, Reference> references(Path matscreenTsv) {
        Map<Long, Reference> m = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(matscreenTsv);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                m.put(Long.parseLong(f[0]), new Reference(Double.parseDouble(f[3]), Integer.parseInt(f[6]),
                        Double.parseDouble(f[4]), f.length <= 7 || !f[7].equals("0")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + matscreenTsv, e);
        }
        return m;
    }
}
