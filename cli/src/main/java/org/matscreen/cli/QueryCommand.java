package org.matscreen.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.matscreen.core.descriptors.MetricNotes;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.repository.filter.FilterException;
import org.matscreen.repository.query.IdPrefixes;
import org.matscreen.repository.query.QueryResult;
import org.matscreen.repository.query.RecordProperties;
import org.matscreen.repository.query.RecordQuery;
import org.matscreen.repository.query.RecordStore;
import org.matscreen.repository.query.ScanStatistics;
import org.matscreen.repository.query.SortKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code matscreen query}: records selected by an OPTIMADE filter, sorted, as a table, CSV or JSON. */
@Command(name = "query", header = "Select records of a repository with an OPTIMADE filter.",
        mixinStandardHelpOptions = true,
        description = {"Streams the repository and prints the records that match --where, in --sort order, at most"
                + " --top of them. Properties are the record columns of results-schema/SCHEMA.md (also as"
                + " _matscreen_<column>) and the OPTIMADE names id, elements, nelements, nsites,"
                + " chemical_formula_reduced and last_modified.",
            "In --where, id = \"…\" also takes the start of an id, as the table prints it (12 hex digits): a"
                + " prefix that starts more than one id is refused with the ids it starts.",
            "Example: matscreen query results/cuni-quickstart --where 'elements HAS ALL \"Cu\",\"Ni\" AND"
                + " dh_mix_ev_per_atom < 0.02' --sort bulk_modulus_gpa:desc --top 5",
            "The summary line (matches, files read and skipped, time) goes to standard error."})
final class QueryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryArgument repository;

    @Option(names = "--where", paramLabel = "FILTER", defaultValue = "",
            description = "OPTIMADE filter, e.g. 'nelements = 2 AND dh_mix_ev_per_atom < 0' (default: every record)")
    String where;

    @Option(names = "--sort", paramLabel = "KEY[:asc|desc]", split = ",",
            description = "sort keys, first one first; '-KEY' also means descending (default: candidate order)")
    List<String> sort = new ArrayList<>();

    @Option(names = "--top", paramLabel = "N", defaultValue = "0",
            description = "print at most N records (default: all); only N are held in memory")
    long top;

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            description = "output format (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--columns", paramLabel = "COLUMN[,COLUMN...]|all", split = ",",
            description = "columns to print (default: id, reduced_formula (the computed cell), chemical_system,"
                    + " prototype, status, flags, the sort keys and the filter's properties)")
    List<String> columns = new ArrayList<>();

    @Override
    public Integer call() {
        RowFormat rowFormat = parseFormat(format);
        if (top < 0) {
            throw new InvalidInputException("--top", "", "must be 0 (all) or more, not " + top);
        }
        List<SortKey> keys = sort.isEmpty() ? List.of() : SortKey.parse(String.join(",", sort), "--sort");
        List<String> shown = shownColumns(keys);
        RecordStore store = repository.store();
        QueryResult r;
        List<String> notes = new ArrayList<>();
        try {
            r = store.query(new RecordQuery(IdPrefixes.resolve(store, where, "--where", notes), keys, top, shown));
        } catch (FilterException e) {
            throw e.withSource("--where");
        }
        rowFormat.print(spec.commandLine().getOut(), shown, r.rows());
        notes.forEach(n -> spec.commandLine().getErr().println("warning: " + n));
        summarise(spec.commandLine().getErr(), r);
        dataNotes(shown, r).forEach(n -> spec.commandLine().getErr().println("note: " + n));
        return ExitCodes.OK;
    }

    private List<String> shownColumns(List<SortKey> keys) {
        if (columns.size() == 1 && columns.get(0).equalsIgnoreCase("all")) {
            return RecordStore.allColumns();
        }
        Set<String> shown = new LinkedHashSet<>();
        if (columns.isEmpty()) {
            shown.addAll(List.of("id", "reduced_formula", "chemical_system", "prototype", "status", "flags"));
            keys.forEach(k -> shown.add(k.column()));
            try {
                shown.addAll(RecordProperties.columnsIn(where));
            } catch (FilterException e) {
                throw e.withSource("--where");
            }
        } else {
            for (String c : columns) {
                String name = c.strip();
                shown.add(RecordProperties.column(name).orElseThrow(() -> new InvalidInputException("--columns",
                        name, "unknown column '" + name + "' (the columns of SCHEMA.md, an OPTIMADE alias, or"
                                + " 'all')")).name());
            }
        }
        return List.copyOf(shown);
    }

    /**
     * The year, scope and caveats of the data behind the descriptor columns shown (prices, footprints), for the
     * elements of the rows printed when the table has them, else for every element of the data.
     */
    static List<String> dataNotes(List<String> shown, QueryResult r) {
        Set<String> seen = new java.util.TreeSet<>();
        for (var row : r.rows()) {
            if (row.get("elements") instanceof List<?> list) {
                list.forEach(e -> seen.add(e.toString()));
            }
        }
        Set<String> elements = shown.contains("elements") ? seen : null;
        List<String> out = new ArrayList<>();
        for (String c : shown) {
            out.addAll(MetricNotes.of(c, elements));
        }
        return out;
    }

    static RowFormat parseFormat(String text) {
        for (RowFormat f : RowFormat.values()) {
            if (f.name().equalsIgnoreCase(text.strip())) {
                return f;
            }
        }
        throw new InvalidInputException("--format", "", "unknown format '" + text + "' (known: table, csv, json)");
    }

    static void summarise(PrintWriter err, QueryResult r) {
        ScanStatistics s = r.statistics();
        err.printf(Locale.ROOT, "%d record%s printed; %d matched of %d in the %d chunk files read (%d skipped by"
                        + " chemical system%s) in %.2f s%n", r.rows().size(), r.rows().size() == 1 ? "" : "s",
                s.rowsMatched(), s.rowsInReadChunks(), s.chunks() - s.chunksPruned(), s.chunksPruned(),
                s.chunksMigrated() > 0 ? ", " + s.chunksMigrated() + " migrated from older schema versions" : "",
                s.seconds());
        s.warnings().forEach(w -> err.println("warning: " + w));
        err.flush();
    }
}
