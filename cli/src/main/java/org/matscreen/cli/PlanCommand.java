package org.matscreen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;
import java.util.concurrent.Callable;
import org.matscreen.core.descriptors.MetricNotes;
import org.matscreen.core.plan.CostModel;
import org.matscreen.core.properties.ReferenceEnergies;
import org.matscreen.core.sim.CodeOptions;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.Supercell;
import org.matscreen.kim.KimModels;
import org.matscreen.potential.PotentialCatalog;
import org.matscreen.potential.PotentialEntry;
import org.matscreen.spark.ScreeningJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code matscreen plan}: validates a campaign and prints its size per chemical system, an estimated cost (from
 * measured candidates when the repository or the result cache has some, with fixed costs and the estimate's basis and
 * range) and the data notes of its criteria.
 */
@Command(name = "plan", header = "Validate a campaign and show its size and estimated cost.",
        mixinStandardHelpOptions = true,
        description = {"The cost per candidate comes from candidates already computed with the same potential (or"
                + " pair style), protocol and relaxation settings in the campaign's repository or the result cache,"
                + " scaled to the campaign's cell; without such measurements it is the cost model's prior, and plan"
                + " says so. Fixed costs (JVM and Spark start-up, pure-element references unless cached) are added.",
            "Example: matscreen plan configs/cuni-quickstart.yaml --cores 48"})
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

    @Option(names = "--out", paramLabel = "DIR|URI",
            description = "the campaign's repository, for measured costs and cached references (default:"
                    + " results/<campaign name>)")
    String out;

    @Option(names = "--cache", paramLabel = "DIR|URI", description = "cache folder, as for run (default:"
            + " $MATSCREEN_CACHE or ~/.cache/matscreen); its records/ are measured costs too")
    String cache;

    @Option(names = "--no-cache", description = "do not read measured costs from the result cache")
    boolean noCache;

    @Option(names = "--no-references", description = "skip the pure-element references (computed with LAMMPS, or"
            + " read from the repository's cache): their energies and mechanical stability")
    boolean noReferences;

    @Mixin
    LammpsLibraryOption library;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        if (cores < 1) {
            throw new org.matscreen.core.error.InvalidInputException("--cores", String.valueOf(cores),
                    "must be at least 1");
        }
        PreparedCampaign pc = PreparedCampaign.load(campaign, MatscreenConfig.load(), CacheLocation.potentials(cache))
                .requireSinglePotential("plan");
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
        String repo = out != null ? out : Path.of("results", s.name()).toString();
        // an adaptive campaign simulates its budget, not the space
        AdaptivePlan.describe(o, pc);
        CostEstimate e = CostEstimate.of(s, pc.potentials(), pc.space().systems(), AdaptivePlan.simulations(pc),
                cores, repo, noCache ? null : CacheLocation.records(cache));
        printEstimate(o, e);
        TierPlan.print(o, pc, cores, MatscreenConfig.load(), CacheLocation.potentials(cache), repo);
        printNotes(o, pc);
        if (!noReferences) {
            references(o, pc, repo);
        }
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

    static void printEstimate(PrintWriter o, CostEstimate e) {
        o.println("estimated cost:");
        e.perCandidate().forEach((p, c) -> o.printf(Locale.ROOT, "  per candidate, %s (%d atoms): %s%n", p.key(),
                c.atoms(), c.low() == c.high() ? seconds(c.median())
                        : seconds(c.median()) + " (range " + seconds(c.low()) + " to " + seconds(c.high()) + ")"));
        o.printf(Locale.ROOT, "    basis: %s%n", e.basis());
        double mid = e.screeningSeconds(CostEstimate.PerCandidate::median);
        double low = e.screeningSeconds(CostEstimate.PerCandidate::low);
        double high = e.screeningSeconds(CostEstimate.PerCandidate::high);
        o.printf(Locale.ROOT, "  candidates: %d on %d cores: %s%s; %.3g core-hours%n", e.candidates(), e.cores(),
                duration(mid), low == high ? "" : " (range " + duration(low) + " to " + duration(high) + ")",
                e.coreHours());
        o.printf(Locale.ROOT, "  fixed: %s = JVM and Spark start-up %s (bench/run.sh figure) + pure-element"
                + " references %s (%s)%n", seconds(e.fixedSeconds()), seconds(e.startupSeconds()),
                seconds(e.referenceSeconds()), e.referenceBasis());
        o.printf(Locale.ROOT, "  total: about %s on %d cores%s%n", duration(mid + e.fixedSeconds()), e.cores(),
                low == high ? "" : " (range " + duration(low + e.fixedSeconds()) + " to "
                        + duration(high + e.fixedSeconds()) + ")");
    }

    /** The year, scope and caveats of the data behind the campaign's descriptor criteria (prices, footprints). */
    static void printNotes(PrintWriter o, PreparedCampaign pc) {
        java.util.Set<String> metrics = new java.util.LinkedHashSet<>();
        pc.spec().screening().filters().forEach(f -> metrics.add(f.metric()));
        pc.spec().screening().objectives().forEach(x -> metrics.add(x.metric()));
        for (String m : metrics) {
            for (String note : MetricNotes.of(m, pc.space().elementsUsed())) {
                o.printf(Locale.ROOT, "note: %s%n", note);
            }
        }
    }

    static String seconds(double s) {
        return s < 10 ? String.format(Locale.ROOT, "%.2g s", s) : duration(s);
    }

    /**
     * The pure-element references with their mechanical stability, so an unstable reference (bcc Cu, say) is known
     * before the queue wait. Without the code installed here (no LAMMPS library) the plan says so and goes on: the rest
     * of it does not need the code.
     */
    private void references(PrintWriter o, PreparedCampaign pc, String repo) {
        CodeOptions codeOptions;
        try {
            codeOptions = library.require(pc.spec().method().code(), Map.of(), MatscreenConfig.load());
        } catch (NativeUnavailableException e) {
            o.println("references: not computed (" + e.getMessage() + ")");
            return;
        }
        ScreeningJob.PlannedReferences refs = ScreeningJob.references(pc.spec(), pc.potentials(), codeOptions, repo,
                noCache ? null : CacheLocation.records(cache));
        o.printf(Locale.ROOT, "pure-element references (shape-fixed relaxation, elastic constants; %s):%n",
                refs.cached() ? "cached in " + refs.cachedIn()
                        : String.format(Locale.ROOT, "computed in %.1f s", refs.seconds()));
        List<String> unstable = new ArrayList<>();
        for (ReferenceEnergies set : refs.sets()) {
            for (var row : set.table().entrySet()) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-3s", row.getKey()));
                String ground = set.groundState(row.getKey()).map(e -> e.prototype().key()).orElse("?");
                for (Prototype p : Prototype.values()) {
                    var e = set.find(row.getKey(), p);
                    line.append(e.map(x -> String.format(Locale.ROOT, "  %s %9.4f eV%s", p.key(), x.energyPerAtomEv(),
                            Boolean.FALSE.equals(x.mechanicallyStable()) ? " UNSTABLE" : "        "))
                            .orElse(String.format(Locale.ROOT, "  %s %21s", p.key(), "failed")));
                    e.filter(x -> Boolean.FALSE.equals(x.mechanicallyStable()))
                            .ifPresent(x -> unstable.add(x.element() + "/" + p.key()));
                }
                o.println(line.append("  ground state ").append(ground));
            }
        }
        refs.failures().forEach(f -> o.println("  failed: " + f));
        o.println(unstable.isEmpty() ? "every reference meets the Born criteria"
                : "mechanically unstable references (Born criteria): " + String.join(", ", unstable)
                        + "; records whose enthalpies use them carry the unstable-reference flag");
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
