package org.matscreen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-candidate result table every baseline writes (TSV, one header line): candidate index, energy (eV/atom),
 * minimisations, seconds inside LAMMPS, and start and end of the candidate in epoch milliseconds, so that a run's
 * steady-state wall (first start to last end over all processes) can be taken the same way for every tool. Optional
 * columns follow: force evaluations (see {@link #EVALUATIONS_HEADER}; {@value #NOT_COUNTED} where the tool does not
 * count them), whether the relaxed state met the protocol's force and pressure tolerances (1 or 0), and the seconds
 * of the common-neighbour analysis within the seconds inside LAMMPS ({@link #ANALYSIS_HEADER}).
 */
final class ResultTable {
    static final String HEADER = "index\tenergy_ev_per_atom\tminimisations\tlammps_s\tstart_ms\tend_ms";

    /**
     * Header of the optional columns. Force evaluations of a candidate = Σ over its minimisations of (LAMMPS'
     * "Iterations, force evaluations" count + 1 for the evaluation of the minimiser's set-up, which that count leaves
     * out) + 1 per {@code run 0}: every time the potential was evaluated on the whole cell.
     */
    static final String EVALUATIONS_HEADER = "force_evaluations\taccepted";
    /** Header of the last optional column, after {@link #EVALUATIONS_HEADER}. */
    static final String ANALYSIS_HEADER = "analysis_s";

    /** Marks the optional columns as absent. */
    static final int NOT_COUNTED = -1;

    /**
     * @param forceEvaluations {@link #NOT_COUNTED} when the tool does not report it
     * @param accepted the final state met the protocol's force and pressure tolerances; true when not reported
     * @param analysisSeconds the common-neighbour analysis within {@code lammpsSeconds}; NaN when not reported
     */
    record Row(long index, double energyPerAtomEv, int minimisations, double lammpsSeconds, long startMs,
            long endMs, int forceEvaluations, boolean accepted, double analysisSeconds) {

        Row(long index, double energyPerAtomEv, int minimisations, double lammpsSeconds, long startMs, long endMs) {
            this(index, energyPerAtomEv, minimisations, lammpsSeconds, startMs, endMs, NOT_COUNTED, true, Double.NaN);
        }
    }

    private ResultTable() {}

    static List<Row> read(Path file) {
        List<Row> rows = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                rows.add(new Row(Long.parseLong(f[0]), Double.parseDouble(f[1]), Integer.parseInt(f[2]),
                        Double.parseDouble(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]),
                        f.length > 6 ? Integer.parseInt(f[6]) : NOT_COUNTED, f.length <= 7 || !f[7].equals("0"),
                        f.length > 8 ? Double.parseDouble(f[8]) : Double.NaN));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return rows;
    }

    /** Rows of several files (one per process) together. */
    static List<Row> readAll(List<Path> files) {
        List<Row> all = new ArrayList<>();
        files.forEach(f -> all.addAll(read(f)));
        return all;
    }
}
