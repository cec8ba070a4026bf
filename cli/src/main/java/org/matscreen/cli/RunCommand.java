package org.matscreen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.matscreen.core.screening.Metrics;
import org.matscreen.core.sim.CodeOptions;
import org.matscreen.repository.Repository;
import org.matscreen.spark.AdaptiveRun;
import org.matscreen.spark.RankingCounts;
import org.matscreen.spark.RunSummary;
import org.matscreen.spark.ScreeningJob;
import org.matscreen.spark.Shard;
import org.matscreen.spark.SparkSessionFactory;
import org.matscreen.spark.TopCandidates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code matscreen run}: validates a campaign, screens it with Spark and LAMMPS, prints the ranked table. */
@Command(name = "run", header = "Run a screening campaign.", mixinStandardHelpOptions = true,
        description = "Validates the campaign, computes every candidate not yet in the repository with LAMMPS in"
                + " pooled worker processes on Spark, commits records to <out>, and prints the ranked table and a"
                + " summary. Rerunning resumes; --fresh starts over.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CAMPAIGN", description = "campaign file (YAML)")
    Path campaign;

    @Option(names = "--out", paramLabel = "DIR|URI",
            description = "results repository (default: results/<campaign name>); a path, file:// or hdfs:// URI")
    String out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*]; spark-submit's"
            + " when launched by it)")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "Spark or matscreen setting (repeatable)")
    List<String> conf = new ArrayList<>();

    @Option(names = "--fresh", description = "delete the repository's records first instead of resuming (only a"
            + " repository of this campaign is ever deleted)")
    boolean fresh;

    @Option(names = "--retry-failed", arity = "0..1", paramLabel = "STATUSES", fallbackValue = ALL_FAILURES,
            description = "compute again the committed candidates whose status is one of STATUSES (comma-separated:"
                    + " crashed, timeout, failed, quarantined; default all four); their new records replace the old"
                    + " ones, and the manifest's run entry records which statuses were retried and how many")
    String retryFailed;

    @Option(names = "--break-lock", description = "take over the repository's writer lock even if its holder looks"
            + " alive (only when you know that run is gone, e.g. killed on another host less than a lease ago)")
    boolean breakLock;

    @Option(names = "--partitions", paramLabel = "N", description = "Spark partitions (default: automatic)")
    int partitions;

    @Option(names = "--commit-every", paramLabel = "N", defaultValue = "50",
            description = "records per committed chunk (default: ${DEFAULT-VALUE}); each task also commits at least"
                    + " every 30 s, so a kill loses at most that much of a slot's work")
    int commitEvery;

    @Option(names = "--no-progress", description = "do not print progress lines")
    boolean noProgress;

    @Option(names = "--cache", paramLabel = "DIR|URI", description = "cache folder, the same as MATSCREEN_CACHE=DIR:"
            + " its records/ repository is the shared result cache (identical calculations of any campaign are reused"
            + " from it) and generated potentials go into its potentials/ (default: $MATSCREEN_CACHE or"
            + " ~/.cache/matscreen)")
    String cache;

    @Option(names = "--no-cache", description = "neither reuse nor add to the shared result cache")
    boolean noCache;

    @Option(names = "--dry-run", description = "enumerate every candidate and build its cell on the executors, compute"
            + " and store nothing (checks a large campaign and measures enumeration)")
    boolean dryRun;
    @Option(names = "--shard", paramLabel = "I/N", description = "screen only shard I of N (0 <= I < N), a contiguous"
            + " 1/N of the candidates; the shards of a campaign may share one repository (batch job arrays)")
    String shard;

    @Option(names = "--deadline", paramLabel = "TIME", description = "start no candidate after TIME (an ISO-8601"
            + " instant such as 2030-01-31T18:00:00Z, or seconds since the epoch); the run then commits what it has"
            + " and exits with code 5, and rerunning the same command resumes")
    String deadline;

    @Mixin
    LammpsLibraryOption library;

    static final String ALL_FAILURES = "crashed,timeout,failed,quarantined";

    @Override
    public Integer call() {
        try (SignalNotice notice = SignalNotice.open("what was committed is kept; rerun the same command to"
                + " resume")) {
            return screen();
        }
    }

    private Integer screen() {
        PrintWriter o = spec.commandLine().getOut();
        MatscreenConfig config = MatscreenConfig.load();
        if (out != null && out.isBlank()) {
            throw new org.matscreen.core.error.InvalidInputException("--out", "''", "is empty (an unset variable?);"
                    + " name the results folder, or leave --out out for results/<campaign name>");
        }
        PreparedCampaign pc = PreparedCampaign.load(campaign, config, CacheLocation.potentials(cache));
        Map<String, String> userConf = SparkSessionFactory.parseConf(conf);
        Set<String> retry = retryStatuses(retryFailed);
        if (!retry.isEmpty() && fresh) {
            throw new org.matscreen.core.error.InvalidInputException("--retry-failed", retryFailed, "cannot be"
                    + " combined with --fresh, which deletes the records to retry");
        }
        CodeOptions codeOptions = library.require(pc.spec().method().code(), userConf, config);
        if (!dryRun) {
            pc.requireRunnable(codeOptions);
        }
        SparkSessionFactory.checkMaster(userConf.getOrDefault("spark.master", master), master != null ? "--master"
                : "--conf spark.master");
        String repo = out != null ? out : Path.of("results", pc.spec().name()).toString();
        if (!dryRun) {
            // Before Spark starts: --fresh deletes only this campaign's repository, and a folder that cannot be
            // written is found now rather than after the work.
            Repository r = Repository.open(repo, hadoopConf(userConf));
            if (fresh) {
                r.requireClearable(pc.spec().name(), "--out");
            }
            r.requireWritable("--out");
        }
        if (commitEvery < 1) {
            throw new org.matscreen.core.error.InvalidInputException("--commit-every", String.valueOf(commitEvery),
                    "must be at least 1");
        }
        Shard slice = shard == null ? Shard.ALL : Shard.parse(shard, "--shard");
        if (fresh && !slice.isAll()) {
            throw new org.matscreen.core.error.InvalidInputException("--fresh", shard, "a shard must not delete the"
                    + " repository its sibling shards write into; clear it once before submitting the shards");
        }
        Instant stopAt = deadline == null ? null : TimeLimits.parseDeadline(deadline, "--deadline");
        boolean adaptive = AdaptiveRun.isAdaptive(pc.spec()) && !dryRun;
        if (adaptive && !slice.isAll()) {
            throw new org.matscreen.core.error.InvalidInputException("--shard", shard, "an adaptive campaign plans"
                    + " each round from everything committed before it, so its rounds cannot be split into shards;"
                    + " run it whole (its rounds use every executor of the run)");
        }
        if (adaptive && !retry.isEmpty()) {
            throw new org.matscreen.core.error.InvalidInputException("--retry-failed", retryFailed, "is not"
                    + " available for an adaptive campaign: a retried outcome would change the observations its"
                    + " later rounds were planned from");
        }
        o.printf(Locale.ROOT, "campaign %s: %d candidates in %d chemical systems; potential %s (%s)%n",
                pc.spec().name(), pc.space().size(), pc.space().systemCount(),
                pc.isEnsemble() ? "ensemble " + String.join(" + ", pc.members().stream().map(m -> m.spec().name())
                        .toList()) : pc.potentials().spec().name(),
                String.join("+", pc.members().stream().map(m -> m.spec().pairStyle()).distinct().toList()));
        if (adaptive) {
            o.println(AdaptivePlan.line((org.matscreen.core.campaign.StrategySpec.Adaptive) pc.spec().screening()
                    .strategy(), pc.space().size(), pc.spec().structure().samples()));
        }
        if (!slice.isAll()) {
            o.printf(Locale.ROOT, "shard %s: candidates %d to %d%n", slice, slice.start(pc.space().size()),
                    slice.end(pc.space().size()) - 1);
        }
        o.flush();
        if (!dryRun && !"false".equals(userConf.get(org.matscreen.spark.WorkerWarmUp.CONF_KEY))) {
            org.matscreen.spark.WorkerWarmUp.startLocal(userConf.getOrDefault("spark.master", master), codeOptions);
        }
        SparkSession spark = startSpark(userConf);
        ScreeningJob.Options options = new ScreeningJob.Options(repo, fresh, partitions, commitEvery, codeOptions,
                noCache ? null : CacheLocation.records(cache), dryRun, noProgress ? null : System.err, slice, stopAt,
                breakLock, retry);
        // later tiers run in the same Spark session, on the first tier's ranked table
        if (adaptive) {
            try {
                AdaptiveRun.Summary a = AdaptiveRun.run(spark, pc.spec(), pc.yaml(), pc.potentials(), options);
                int code = AdaptiveRunOutput.print(o, a, repo);
                if (code == ExitCodes.OK && !pc.spec().tiers().isEmpty()) {
                    code = tiers(o, spark, pc, a.run(), options, userConf, config);
                }
                return code == ExitCodes.OK ? allFailedCheck(o, repo, userConf) : code;
            } finally {
                spark.stop();
            }
        }
        try {
            return screened(o, spark, pc, options, ScreeningJob.run(spark, pc.spec(), pc.yaml(), pc.members(),
                    options), slice, stopAt, retry, repo, userConf, config);
        } finally {
            spark.stop();
        }
    }

    /** What a (non-adaptive) first tier's run prints and returns, after its later tiers if it completed. */
    private int screened(PrintWriter o, SparkSession spark, PreparedCampaign pc, ScreeningJob.Options options,
            RunSummary s, Shard slice, Instant stopAt, Set<String> retry, String repo, Map<String, String> userConf,
            MatscreenConfig config) {
        if (dryRun) {
            o.printf(Locale.ROOT, "dry run: %d candidates generated on the executors, ids derived and cells checked"
                            + " (%s) in %.1f s, %.0f candidates/s on %d cores in %d partitions; nothing computed or"
                            + " stored%n", s.computed(), s.statusCounts(), s.wallSeconds(), s.candidatesPerSecond(),
                    s.cores(), s.partitions());
            return s.statusCounts().containsKey("unbuildable") ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
        }
        printTable(o, s);
        o.printf(Locale.ROOT, "%d candidates, %d computed, %d resumed, %d failures (%s); wall %.1f s"
                        + " (+%.1f s references), %.2f candidates/s, efficiency %.2f on %d cores; results in %s%n",
                s.candidates(), s.computed(), s.skipped(), s.failures(), s.statusCounts(), s.wallSeconds(),
                s.referenceSeconds(), s.candidatesPerSecond(), s.efficiency(), s.cores(), s.repositoryUri());
        if (!Double.isNaN(s.firstRecordSeconds())) {
            o.printf(Locale.ROOT, "first record committed %.1f s after start%n", s.firstRecordSeconds());
        }
        if (!retry.isEmpty()) {
            o.printf(Locale.ROOT, "retried %d committed candidates with status %s; their new records replaced the old"
                    + " ones%n", s.retried(), String.join(", ", new TreeSet<>(retry)));
        }
        long left = s.candidates() - s.computed() - s.skipped();
        if (left > 0) {
            // Partitions past the deadline do not look at what earlier runs committed, so these were not reached
            // rather than necessarily not computed.
            o.printf(Locale.ROOT, "stopped at the deadline %s before reaching %d of the %d candidates%s; rerun the"
                    + " same command to resume%n", stopAt, left, s.candidates(),
                    slice.isAll() ? "" : " of shard " + slice);
            return ExitCodes.INCOMPLETE;
        }
        if (!pc.spec().tiers().isEmpty()) {
            if (!slice.isAll()) {
                o.println("later tiers (" + String.join(", ", pc.spec().tiers().stream().map(t -> t.name()).toList())
                        + ") run when the whole first tier is done: run the campaign once more without --shard");
            } else {
                int code = tiers(o, spark, pc, s, options, userConf, config);
                if (code != ExitCodes.OK) {
                    return code;
                }
            }
        }
        return allFailedCheck(o, repo, userConf);
    }

    /** The campaign's later tiers after its first tier's run, each tier's code resolved with this run's options. */
    private int tiers(PrintWriter o, SparkSession spark, PreparedCampaign pc, RunSummary first,
            ScreeningJob.Options options, Map<String, String> userConf, MatscreenConfig config) {
        return TierRuns.run(o, spark, pc, first, options, hadoopConf(userConf),
                c -> library.require(c, userConf, config), config, CacheLocation.potentials(cache));
    }

    /** {@link ExitCodes#ALL_FAILED}, with a line saying how to see why, if every committed record is a failure. */
    private int allFailedCheck(PrintWriter o, String repo, Map<String, String> userConf) {
        Map<String, Long> committed = Repository.open(repo, hadoopConf(userConf)).manifest()
                .map(org.matscreen.repository.Manifest::statusCounts).orElse(Map.of());
        long total = committed.values().stream().mapToLong(Long::longValue).sum();
        if (total > 0 && committed.getOrDefault("ok", 0L) == 0) {
            o.flush();
            spec.commandLine().getErr().printf(Locale.ROOT, "error: every candidate failed (%s); the records are"
                    + " committed and say why: matscreen query %s --columns id,reduced_formula,status,error_text%n",
                    committed, repo);
            return ExitCodes.ALL_FAILED;
        }
        return ExitCodes.OK;
    }

    /** The statuses {@code --retry-failed} names; empty when the option is absent. */
    static Set<String> retryStatuses(String value) {
        if (value == null) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>();
        for (String part : value.split(",")) {
            String key = part.strip().toLowerCase(Locale.ROOT);
            if (!List.of(ALL_FAILURES.split(",")).contains(key)) {
                throw new org.matscreen.core.error.InvalidInputException("--retry-failed", value, "'" + part.strip()
                        + "' is not a failure status; choose among " + ALL_FAILURES.replace(",", ", "));
            }
            out.add(key);
        }
        return out;
    }

    /** The Hadoop configuration Spark would build for the repository: defaults plus the user's spark.hadoop.*. */
    static org.apache.hadoop.conf.Configuration hadoopConf(Map<String, String> userConf) {
        org.apache.hadoop.conf.Configuration c = new org.apache.hadoop.conf.Configuration();
        userConf.forEach((k, v) -> {
            if (k.startsWith("spark.hadoop.")) {
                c.set(k.substring("spark.hadoop.".length()), v);
            }
        });
        return c;
    }

    /**
     * Starts Spark; a failure to start with what the user passed (--master, --conf) is theirs to fix, said in one
     * line naming what they passed.
     */
    private SparkSession startSpark(Map<String, String> userConf) {
        try {
            return SparkSessionFactory.create(master, userConf);
        } catch (RuntimeException | ExceptionInInitializerError e) {
            if (master == null && userConf.isEmpty()) {
                throw e;
            }
            List<String> given = new ArrayList<>();
            if (master != null) {
                given.add("--master " + master);
            }
            userConf.forEach((k, v) -> given.add("--conf " + k + "=" + v));
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip()
                    .lines().findFirst().orElse("");
            throw new org.matscreen.core.error.InvalidInputException(master != null && userConf.isEmpty() ? "--master"
                    : "--conf", String.join(" ", given), "Spark cannot start with this: " + why);
        }
    }

    static void printTable(PrintWriter o, RunSummary s) {
        if (s.top().isEmpty()) {
            o.println("no candidate passed the screening filters");
        } else {
            int width = s.aggregated() ? 26 : 18;
            StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%-5s %-24s %-5s %-8s%s", "rank",
                    "formula", "proto", "VEC-rule", s.aggregated() ? " samples" : ""));
            for (String m : s.tableMetrics()) {
                h.append(String.format(Locale.ROOT, " %" + width + "s", shorten(m, width)));
            }
            o.println(h);
            for (TopCandidates.Row r : s.top()) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-5d %-24s %-5s %-8s%s", r.rank(),
                        r.entry().formula(), r.entry().prototype(), r.entry().phaseHint(),
                        s.aggregated() ? String.format(Locale.ROOT, " %7d", r.entry().samples()) : ""));
                double[] v = r.entry().metrics();
                for (int i = 0; i < v.length; i++) {
                    String metric = s.tableMetrics().get(i);
                    String cell = format(metric, v[i]);
                    double err = r.entry().metricErrors()[i];
                    if (s.aggregated() && !Double.isNaN(err) && !Double.isNaN(v[i])) {
                        cell += " ± " + format(metric, err);
                    }
                    line.append(String.format(Locale.ROOT, " %" + width + "s", cell));
                }
                o.println(line);
            }
            if (!s.potentials().isEmpty()) {
                o.println("(compositions over the ensemble of potentials " + String.join(" + ", s.potentials())
                        + ", ranked by the " + ("worst".equals(s.ensembleRanking()) ? "least favourable member"
                        : "members' mean") + " of each objective; other columns are the members' mean; ± standard"
                        + " deviation across the potentials; samples counts the ok member records; the table is in"
                        + " aggregates/potentials/)");
            } else if (s.aggregated()) {
                o.println("(means over each composition's sampled orderings ± standard error of the mean; the"
                        + " aggregates table is in aggregates/configurations/)");
            }
        }
        RankingCounts c = s.counts();
        if (!c.flagCounts().isEmpty()) {
            o.printf(Locale.ROOT, "flags among the %s: %s; %d that met the filters left out of the ranking for their"
                    + " flags (screening.admit lists flags to rank anyway)%n", s.aggregated() ? "compositions"
                    : "ok records", c.flagCounts(), c.excluded());
        }
    }

    /** A metric value with the precision its unit deserves (meV for energies, 0.1 GPa for moduli). */
    static String format(String metric, double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        String unit = Metrics.all().containsKey(metric) ? Metrics.all().get(metric).unit() : "";
        String f = switch (unit) {
            case "eV/atom" -> "%.4f";
            case "GPa" -> "%.1f";
            case "Å" -> "%.4f";
            case "g/cm³", "Å³/atom" -> "%.3f";
            default -> "%.4g";
        };
        String text = String.format(Locale.ROOT, f, v);
        // A value that rounds to zero prints as zero, not as "-0.0000".
        return text.matches("-0\\.?0*") ? text.substring(1) : text;
    }

    private static String shorten(String key, int width) {
        return key.length() <= width ? key : key.substring(0, width);
    }
}
