package org.matscreen.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.repository.Manifest;
import org.matscreen.repository.export.ExportFormat;
import org.matscreen.repository.export.ExportInfo;
import org.matscreen.repository.export.RecordExport;
import org.matscreen.repository.filter.FilterException;
import org.matscreen.repository.hdf5.Hdf5Exporter;
import org.matscreen.repository.query.IdPrefixes;
import org.matscreen.repository.query.RecordStore;
import org.matscreen.repository.query.ScanStatistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code matscreen export}: structures as CIF, POSCAR or extended XYZ files, or the records as one HDF5 file. */
@Command(name = "export", header = "Export structures (CIF, POSCAR, extended XYZ) or records (HDF5).",
        mixinStandardHelpOptions = true,
        description = {"cif, poscar, extxyz: one file per selected record that has a relaxed structure, in"
                + " DIR/<chemical system>/<formula>-<prototype>-<id>.<ext>, with the id, campaign and main"
                + " properties as metadata where the format holds it. extxyz writes the cell's total energy (eV) under"
                + " ASE's energy key, so ase.io.read(...).get_potential_energy() returns it.",
            "hdf5: every column of the selected records in DIR/<campaign>.h5, in the layout documented in"
                + " results-schema/SCHEMA.md (held in memory until written: select with --where for very large"
                + " repositories)."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryArgument repository;

    @Option(names = "--format", required = true, paramLabel = "cif|poscar|extxyz|hdf5", description = "what to write")
    String format;

    @Option(names = "--where", paramLabel = "FILTER", defaultValue = "",
            description = "OPTIMADE filter selecting the records (default: every record); id = \"…\" also takes"
                    + " the start of an id")
    String where;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created if needed)")
    Path out;

    @Override
    public Integer call() {
        boolean hdf5 = format.strip().equalsIgnoreCase("hdf5");
        ExportFormat structureFormat = hdf5 ? null : parseStructureFormat(format);
        RecordStore store = repository.store();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new InvalidInputException("--out", "", "cannot create " + out + ": " + e.getMessage());
        }
        try {
            List<String> notes = new ArrayList<>();
            where = IdPrefixes.resolve(store, where, "--where", notes);
            notes.forEach(n -> spec.commandLine().getErr().println("warning: " + n));
            return hdf5 ? hdf5(store) : structures(store, structureFormat);
        } catch (FilterException e) {
            throw e.withSource("--where");
        }
    }

    private static final java.util.regex.Pattern SAFE_NAME = java.util.regex.Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /**
     * {@code <campaign>.h5}, else {@code <repository folder>.h5}, else {@code records.h5}: a name that is not a plain
     * file name (empty, hidden, with a '/'; a pulled repository has no manifest, a root folder has no name) is never
     * used.
     */
    static String hdf5FileName(String campaign, String folder) {
        for (String n : new String[] {campaign, folder}) {
            if (n != null && SAFE_NAME.matcher(n).matches()) {
                return n + ".h5";
            }
        }
        return "records.h5";
    }

    private int hdf5(RecordStore store) {
        Hdf5Exporter exporter = new Hdf5Exporter();
        ScanStatistics s = store.scan(where, exporter::add);
        Path file = out.resolve(hdf5FileName(store.manifest().map(Manifest::campaign).orElse(null),
                store.layout().root().getName()));
        exporter.write(file, store.manifest(), where);
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d records to %s (%.2f s to select)%n",
                exporter.records(), file, s.seconds());
        return ExitCodes.OK;
    }

    private int structures(RecordStore store, ExportFormat f) {
        Map<String, Long> skipped = new TreeMap<>();
        long[] written = {0};
        store.records(where, r -> {
            if (r.relaxed() == null) {
                skipped.merge(r.status().key(), 1L, Long::sum);
                return;
            }
            write(r, f);
            written[0]++;
        });
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d %s files to %s%s%n", written[0], f.key(), out,
                skipped.isEmpty() ? "" : "; " + skipped.values().stream().mapToLong(Long::longValue).sum()
                        + " selected records have no relaxed structure " + skipped);
        return ExitCodes.OK;
    }

    private void write(CandidateResult r, ExportFormat f) {
        ExportInfo info = RecordExport.info(r);
        Path dir = out.resolve(r.chemicalSystem());
        Path file = dir.resolve(r.cellComposition().reducedFormula() + "-" + r.recipe().prototype().key() + "-"
                + r.id().substring(0, Math.min(RowFormat.SHORT_ID, r.id().length())) + "." + f.writer().extension());
        try {
            Files.createDirectories(dir);
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                f.writer().write(r.relaxed(), info, w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static ExportFormat parseStructureFormat(String text) {
        try {
            return ExportFormat.parse(text, "--format", "");
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--format", "", "unknown export format '" + text
                    + "' (known: cif, poscar, extxyz, hdf5)");
        }
    }
}
