package org.matscreen.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.repository.report.HtmlReport;
import org.matscreen.repository.report.ReportData;
import org.matscreen.repository.query.RecordStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code matscreen report}: one self-contained HTML page with the campaign's plots. */
@Command(name = "report", header = "Write a self-contained HTML report of a repository.",
        mixinStandardHelpOptions = true,
        description = "Statuses, the Pareto front of the campaign's objectives (from manifest.json) with a table of"
                + " its members, and a property against composition for every binary (lines) and ternary system"
                + " (coloured triangles). Plots are inline SVG: the page loads nothing and works offline.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryArgument repository;

    @Option(names = "--out", paramLabel = "FILE",
            description = "HTML file to write (default: <campaign>-report.html in the current folder)")
    Path out;

    @Option(names = "--property", paramLabel = "METRIC",
            description = "metric plotted against composition (default: the first objective's, else"
                    + " dh_mix_ev_per_atom)")
    String property;

    @Override
    public Integer call() {
        RecordStore store = repository.store();
        ReportData data = ReportData.collect(store, property);
        Path file = out != null ? out : Path.of(data.campaign() + "-report.html");
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, HtmlReport.render(data,
                    org.matscreen.repository.TierReport.readAll(store.layout()), Instant.now()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("--out", "", "cannot write " + file + ": " + e.getMessage());
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d records %s, %d with every objective value%n",
                file, data.statusCounts().values().stream().mapToLong(Long::longValue).sum(), data.statusCounts(),
                data.points().size());
        return ExitCodes.OK;
    }
}
