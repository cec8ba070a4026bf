package org.matscreen.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.matscreen.core.element.PeriodicTable;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.kim.KimModels;
import org.matscreen.potential.PotentialCatalog;
import org.matscreen.potential.PotentialEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code matscreen potentials}: every potential matscreen can use (files, the generated Zhou 2004 family, KIM
 * models) with kind, elements, cost class, fit scope and citation.
 */
@Command(name = "potentials", header = "List the potentials matscreen can use, with fit scope and citation.",
        mixinStandardHelpOptions = true)
final class PotentialsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--elements", paramLabel = "E1,E2,...", split = ",",
            description = "only potentials covering all of these elements")
    List<String> elements = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        for (String e : elements) {
            if (!PeriodicTable.isElementSymbol(e.strip())) {
                throw new InvalidInputException("--elements", "", "'" + e + "' is not an element symbol");
            }
        }
        List<String> wanted = elements.stream().map(String::strip).toList();
        var registry = PreparedCampaign.registry(MatscreenConfig.load());
        PotentialCatalog catalog = new PotentialCatalog(registry, KimModels::standard);
        List<PotentialEntry> all = catalog.list();
        o.println("files searched: " + registry.directories());
        catalog.kimProblem().ifPresentOrElse(p -> o.println("KIM models: none (" + p + ")"),
                () -> o.println("KIM models: the KIM API's collections (see 'matscreen doctor')"));
        int shown = 0;
        for (PotentialEntry p : all) {
            if (!p.covers(wanted)) {
                continue;
            }
            shown++;
            o.printf("%s%n  %-9s %-6s %-22s cost %-12s fit: %s%n  %s%s%n", p.name(), p.origin(), p.kind(),
                    species(p.elements()), p.costClass().label(), p.fitDescription(), p.citation(),
                    p.doi().isEmpty() || p.citation().contains(p.doi()) ? "" : " (doi:" + p.doi() + ")");
            if (!p.fitReference().isEmpty()) {
                o.printf("  fit scope: %s%n", p.fitReference());
            }
        }
        o.printf("%d potentials%s%n", shown, wanted.isEmpty() ? "" : " covering " + String.join(",", wanted));
        if (!wanted.isEmpty()) {
            List<PotentialEntry> fitted = PotentialCatalog.fittedFor(all, wanted);
            o.println(fitted.isEmpty() ? "none of them was fitted to any pair of " + String.join("-", wanted)
                    : "fitted to pairs of " + String.join("-", wanted) + ": " + String.join(", ",
                            fitted.stream().map(PotentialEntry::name).toList()));
        }
        return ExitCodes.OK;
    }

    /** Element lists of universal models run to a hundred names: show the start and the count. */
    static String species(List<String> elements) {
        return elements.size() <= 12 ? String.join(" ", elements)
                : String.join(" ", elements.subList(0, 8)) + " … (" + elements.size() + " species)";
    }
}
