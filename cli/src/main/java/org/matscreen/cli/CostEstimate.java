package org.matscreen.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.core.plan.CostModel;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.sim.PotentialSource;
import org.matscreen.repository.JsonFiles;
import org.matscreen.repository.ReferenceStore;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.query.RecordStore;

/**
 * What a campaign will cost, for {@code plan}: seconds per candidate from measured candidates when a repository or
 * the result cache holds some computed with the same method, else the {@link CostModel} prior; plus the fixed costs
 * every run pays whatever its size (JVM and Spark start-up, the pure-element references unless cached, worker pools),
 * and how good the estimate is.
 *
 * <p>Measured candidates are those with status ok computed on this installation ({@code origin = computed}), matched
 * in tiers: the same potential key, property protocol and relaxation settings; else the same pair style with the
 * same protocol and settings. Their wall seconds per atom, times the campaign's cell size, give the per-candidate
 * cost (EAM work grows linearly with atoms); the median is the estimate and the 10th and 90th percentiles its range.
 */
record CostEstimate(Map<Prototype, PerCandidate> perCandidate, String basis, int measured, long candidates,
        int cores, double startupSeconds, double referenceSeconds, String referenceBasis) {

    /** Fewest matching measured candidates that replace the prior. */
    static final int MIN_MEASURED = 5;

    /**
     * JVM and Spark start and stop, campaign checks and repository set-up of one {@code run}: 1.78 s measured by
     * bench/run.sh on 2 cores (BENCHMARKS.md section 1, "whole command" breakdown of run (a), 2026-12-07 21:07Z).
     * Not recorded by runs, so always this figure. It was 6.84 s before the class-data archives and 2.47 s before
     * Spark's classic builder and the footer status counts (section 11e).
     */
    static final double STARTUP_SECONDS = 1.78;

    /**
     * One wave of pure-element reference calculations (48–128 atoms, shape-fixed relaxation and elastic constants),
     * per core: BENCHMARKS.md section 1 measured 0.60 s for the six Cu–Ni references on 2 cores (3 waves, 0.20 s
     * each), with the run's two workers started while Spark starts. It was 0.40 s a wave while workers started on the
     * first task's demand, and 1.0 s before the relaxation recipe of issue 19.
     */
    static final double REFERENCE_SECONDS_EACH = 0.20;

    /** Prototypes a reference group is computed in: every element in fcc, bcc and hcp. */
    private static final int REFERENCE_PROTOTYPES = Prototype.values().length;

    /**
     * Seconds per candidate of one prototype.
     *
     * @param atoms sites of the campaign's cell
     * @param low 10th percentile (the median when the prior is used)
     * @param high 90th percentile
     */
    record PerCandidate(int atoms, double median, double low, double high) {}

    /** Seconds of the screening stage on {@link #cores}: candidates spread evenly over prototypes and cores. */
    double screeningSeconds(java.util.function.ToDoubleFunction<PerCandidate> which) {
        double mean = perCandidate.values().stream().mapToDouble(which).average().orElse(0);
        return candidates * mean / cores;
    }

    double fixedSeconds() {
        return startupSeconds + referenceSeconds;
    }

    /** Core-hours of the candidates (fixed costs excluded). */
    double coreHours() {
        return screeningSeconds(PerCandidate::median) * cores / 3600;
    }

    /**
     * Estimates the cost of a campaign.
     *
     * @param repository the campaign's repository (it may not exist yet)
     * @param cache the result cache, or null
     */
    static CostEstimate of(CampaignSpec spec, PotentialSource potentials, List<List<String>> systems, long candidates,
            int cores, String repository, String cache) {
        String potentialKey = potentials.spec().key();
        String pairStyle = potentials.spec().pairStyle();
        String protocol = spec.method().properties().key();
        String relax = spec.method().relax().key();
        List<Measured> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> places = new ArrayList<>();
        for (String place : cache == null ? List.of(repository) : List.of(repository, cache)) {
            int before = all.size();
            read(place, protocol, relax, seen, all);
            if (all.size() > before) {
                places.add(place);
            }
        }
        List<Measured> same = all.stream().filter(m -> m.potentialKey().equals(potentialKey)).toList();
        List<Measured> style = all.stream().filter(m -> m.pairStyle().equals(pairStyle)).toList();
        List<Measured> used = same.size() >= MIN_MEASURED ? same : style.size() >= MIN_MEASURED ? style : List.of();
        Map<Prototype, PerCandidate> per = new EnumMap<>(Prototype.class);
        String basis;
        if (used.isEmpty()) {
            CostModel prior = CostModel.prior(spec, potentials.costClass());
            for (Prototype p : spec.structure().prototypes()) {
                double s = prior.seconds(p);
                per.put(p, new PerCandidate(spec.structure().supercells().get(p).sites(p), s, s, s));
            }
            basis = "prior only, no measurement: CostModel's " + CostModel.PRIOR_SECONDS_PER_ATOM_EVALUATION
                    + " s per atom and force evaluation × the " + potentials.costClass().label() + " cost class, not calibrated on this machine (no computed candidate with"
                    + " this " + (all.isEmpty() ? "protocol" : "potential or pair style") + " in "
                    + (cache == null ? repository : repository + " or " + cache) + "); run a part (e.g. --shard"
                    + " 0/20) to measure it";
        } else {
            for (Prototype p : spec.structure().prototypes()) {
                int atoms = spec.structure().supercells().get(p).sites(p);
                List<Measured> own = used.stream().filter(m -> m.prototype().equals(p.key())).toList();
                double[] perAtom = (own.size() >= MIN_MEASURED ? own : used).stream()
                        .mapToDouble(m -> m.wallSeconds() / m.atoms()).sorted().toArray();
                per.put(p, new PerCandidate(atoms, percentile(perAtom, 0.5) * atoms, percentile(perAtom, 0.1)
                        * atoms, percentile(perAtom, 0.9) * atoms));
            }
            basis = "measured: median of " + used.size() + " computed candidates with the same "
                    + (used == same ? "potential" : "pair style (" + pairStyle + ")") + ", protocol and relaxation"
                    + " settings in " + String.join(" and ", places) + ", scaled to the campaign's cell by atom"
                    + " count; range: their 10th to 90th percentile";
        }
        // references are relaxed shape-fixed whatever the campaign's mode (ReferenceStage), and cached under that key
        String referenceRelax = spec.method().relax().withMode(org.matscreen.core.sim.RelaxMode.SHAPE_FIXED).key();
        double[] references = references(potentials, systems, referenceRelax, repository, cores);
        String referenceBasis = references[1] == 0 ? "cached in " + repository
                : String.format(java.util.Locale.ROOT, "%d calculations at %.1f s each per core (bench/run.sh"
                        + " figure)", (long) references[1], REFERENCE_SECONDS_EACH);
        return new CostEstimate(per, basis, used.size(), candidates, cores, STARTUP_SECONDS, references[0],
                referenceBasis);
    }

    /** One measured candidate. */
    private record Measured(String prototype, int atoms, double wallSeconds, String potentialKey, String pairStyle) {}

    /** The computed ok candidates of a repository with this protocol and relaxation, once per id. */
    private static void read(String place, String protocol, String relax, Set<String> seen, List<Measured> out) {
        RepositoryLayout layout = new RepositoryLayout(place, new Configuration());
        try {
            if (!layout.fs().exists(layout.data())) {
                return;
            }
            new RecordStore(layout).scan("status = \"ok\" AND origin = \"computed\" AND property_settings = "
                    + quoted(protocol) + " AND relax_settings = " + quoted(relax), List.of("id", "prototype",
                    "nsites", "wall_seconds", "method_potential_key", "pair_style"), row -> {
                        Object wall = row.get("wall_seconds");
                        Object atoms = row.get("nsites");
                        if (seen.add((String) row.get("id")) && wall instanceof Double w && w > 0
                                && atoms instanceof Integer n && n > 0) {
                            out.add(new Measured((String) row.get("prototype"), n, w,
                                    (String) row.get("method_potential_key"), (String) row.get("pair_style")));
                        }
                    });
        } catch (java.io.IOException | MatscreenException e) {
            // A repository plan cannot read adds no measurement; plan must not fail on it.
        }
    }

    /**
     * Seconds of the reference stage, and the number of reference calculations (0 when every reference group is
     * cached in the repository).
     */
    private static double[] references(PotentialSource potentials, List<List<String>> systems, String relax,
            String repository, int cores) {
        Optional<ReferenceStore.Entries> stored = Optional.empty();
        try {
            RepositoryLayout layout = new RepositoryLayout(repository, new Configuration());
            stored = JsonFiles.read(layout, layout.references(), ReferenceStore.Entries.class);
        } catch (MatscreenException e) {
            // unreadable: counted as not cached
        }
        long calculations = 0;
        for (PotentialSource.ReferenceGroup g : potentials.referenceGroups(systems)) {
            boolean cached = stored.isPresent() && stored.get().sets().stream().anyMatch(s ->
                    s.potentialSha256().equals(g.key()) && s.settingsKey().startsWith(relax + "|")
                            && s.entries().stream().map(ReferenceStore.Entry::element).toList()
                                    .containsAll(g.elements()));
            if (!cached) {
                calculations += (long) g.elements().size() * REFERENCE_PROTOTYPES;
            }
        }
        double waves = Math.ceil(calculations / (double) Math.max(1, cores));
        return new double[] {waves * REFERENCE_SECONDS_EACH, calculations};
    }

    private static String quoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Linear-interpolated percentile of sorted values. */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
