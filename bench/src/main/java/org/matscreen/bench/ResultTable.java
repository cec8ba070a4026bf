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
 * steady-state wall (first start to last end over all processes) can be taken the same way for every tool.
 */
final class ResultTable {
    static final String HEADER = "index\tenergy_ev_per_atom\tminimisations\tlammps_s\tstart_ms\tend_ms";

    record Row(long index, double energyPerAtomEv, int minimisations, double lammpsSeconds, long startMs,
            long endMs) {}

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
                        Double.parseDouble(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5])));
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
