package org.matscreen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;
import java.util.concurrent.Callable;
import org.matscreen.core.plan.CostModel;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.Supercell;
import org.matscreen.lammps.kim.KimModels;
import org.matscreen.lammps.potential.PotentialCatalog;
import org.matscreen.lammps.potential.PotentialEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code matscreen plan}: validates a campaign and prints its size per chemical system and an estimated cost. */
@Command(name = "plan", header = "Validate a campaign and show its size and estimated cost.",
        mixinStandardHelpOptions = true)
final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CAMPAIGN", description = "campaign file (YAML)")
    Path campaign;

    @Option(names = "--systems", paramLabel = "N", defaultValue = "20",
            description = "chemical systems to list (default: ${DEFAULT-VALUE})")
    int systems;

    @Option(names = "--cores", paramLabel = "N", defaultValue = "2",
            description = "cores for the wall-time estimate (default: ${DEFAULT-VALUE})")
    int cores;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PreparedCampaign pc = PreparedCampaign.load(campaign, MatscreenConfig.load());
        var s = pc.spec();
        o.printf(Locale.ROOT, "campaign %s (%s)%n", s.name(), s.source());
        var pot = pc.potentials().spec();
        o.printf(Locale.ROOT, "potential %s [%s] key %s, cost class %s%n  %s%n", pot.name(), pot.pairStyle(),
                pot.key(), pc.potentials().costClass().label(), pot.citation());
        fitWarning(o, pc);
        for (Prototype p : s.structure().prototypes()) {
            Supercell sc = s.structure().supercells().get(p);
            o.printf(Locale.ROOT, "structure %s %s supercell, %d atoms, %s ordering%n", p.key(), sc.key(), sc.sites(p),
                    s.structure().ordering().key());
        }
        o.printf(Locale.ROOT, "%d candidates in %d chemical systems%n", pc.space().size(), pc.space().systemCount());
        for (Map.Entry<Integer, Long> e : pc.space().countsPerOrder().entrySet()) {
            o.printf(Locale.ROOT, "  order %d: %d candidates%n", e.getKey(), e.getValue());
        }
        int shown = 0;
        for (Map.Entry<String, Long> e : pc.space().countsPerSystem().entrySet()) {
            if (shown++ >= systems) {
                o.printf(Locale.ROOT, "  … %d more systems%n", pc.space().systemCount() - systems);
                break;
            }
            o.printf(Locale.ROOT, "  %-30s %d%n", e.getKey(), e.getValue());
        }
        double seconds = estimateSeconds(pc);
        o.printf(Locale.ROOT, "estimated cost: %.3g core-hours (%.1f s per candidate); about %s on %d cores%n",
                seconds * pc.space().size() / 3600, seconds, duration(seconds * pc.space().size() / cores), cores);
        return ExitCodes.OK;
    }

    /**
     * Warns when the campaign ranks or filters by an energy with a potential not fitted to all its unlike pairs, and
     * suggests the potentials fitted to the most of them.
     */
    static void fitWarning(PrintWriter o, PreparedCampaign pc) {
        var s = pc.spec();
        List<String> elements = pc.space().systems().stream().flatMap(List::stream).distinct().sorted().toList();
        Set<String> metrics = new TreeSet<>();
        s.screening().filters().forEach(c -> metrics.add(c.metric()));
        s.screening().objectives().forEach(c -> metrics.add(c.metric()));
        var pot = pc.potentials().spec();
        var warning = pot.fitScope().energyRankingWarning(metrics, elements, pot.name());
        if (warning.isEmpty()) {
            return;
        }
        o.println("warning: " + warning.get());
        var registry = PreparedCampaign.registry(MatscreenConfig.load());
        List<PotentialEntry> all = new PotentialCatalog(registry, KimModels::standard).list();
        List<PotentialEntry> fitted = PotentialCatalog.fittedFor(all, elements);
        if (!fitted.isEmpty()) {
            o.println("  fitted potentials covering " + String.join(" ", elements) + ":");
            fitted.stream().limit(5).forEach(e -> o.printf(Locale.ROOT, "    %s (%s, %s, %s)%n", e.name(), e.kind(),
                    e.fitDescription(), e.costClass().label()));
            return;
        }
        // none covers every element: the fitted potentials that cover the most of them
        List<PotentialEntry> partial = all.stream().filter(e -> e.fitScope().known())
                .filter(e -> e.fitScope().fittedPairsOf(elements).size() > 0)
                .sorted(java.util.Comparator.comparingInt((PotentialEntry e) -> -e.fitScope().fittedPairsOf(elements)
                        .size()).thenComparingDouble(e -> e.costClass().relativeCost()))
                .limit(5).toList();
        o.println("  no fitted potential covers all of " + String.join(" ", elements)
                + (partial.isEmpty() ? "" : "; fitted to the most of their pairs:"));
        partial.forEach(e -> o.printf(Locale.ROOT, "    %s (%s, fitted to %s)%n", e.name(), e.kind(),
                String.join(" ", e.fitScope().fittedPairsOf(elements))));
    }

    /** Estimated seconds per candidate (mean over the campaign's prototypes) from the prior cost model. */
    static double estimateSeconds(PreparedCampaign pc) {
        CostModel m = CostModel.prior(pc.spec(), pc.potentials().costClass());
        return pc.spec().structure().prototypes().stream().mapToDouble(m::seconds).average().orElse(0);
    }

    static String duration(double seconds) {
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 7200) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        if (seconds < 3 * 86400) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
        }
        return String.format(Locale.ROOT, "%.1f days", seconds / 86400);
    }
}
