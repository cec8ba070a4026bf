package org.matscreen.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.spark.SparkSessionFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code matscreen submit}: validates a campaign on the login node, renders the batch script for Slurm or PJM, and
 * submits it (or, with {@code --dry-run}, shows it). With {@code --array K} the campaign is split into K shards that
 * write into one repository, followed by a merge job.
 */
@Command(name = "submit", header = "Submit a campaign as a Slurm or PJM batch job.", mixinStandardHelpOptions = true,
        description = {"Validates the campaign before anything is queued, renders the batch script into"
                + " --script-dir and submits it. One node: Spark local mode; several: a Spark standalone cluster"
                + " inside the allocation. --array K: K shards (Slurm job array / PJM bulk job) writing into one"
                + " repository, then a merge job. Runs stop starting candidates --stop-before the time limit, so a"
                + " job ends cleanly and submitting its script again resumes the campaign.",
            "The matscreen checkout and its build must be on a file system the compute nodes share."})
final class SubmitCommand implements Callable<Integer> {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern VOLUME = Pattern.compile("^(/vol\\d{4})(/|$)");
    private static final Pattern ARRAY = Pattern.compile("(\\d{1,9})(?:%(\\d{1,9}))?");
    private static final Pattern MEM = Pattern.compile("[1-9]\\d{0,11}[KMGT]?");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CAMPAIGN", description = "campaign file (YAML)")
    Path campaign;

    @Option(names = "--scheduler", paramLabel = "slurm|pjm", defaultValue = "slurm",
            converter = SchedulerConverter.class, description = "batch system (default: ${DEFAULT-VALUE})")
    Scheduler scheduler;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "1",
            description = "nodes per job; more than one runs a Spark standalone cluster (default: ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--time", paramLabel = "HH:MM:SS", required = true, description = "wall-clock limit per job")
    String time;

    @Option(names = "--partition", paramLabel = "P", required = true,
            description = "Slurm partition or PJM resource group (rscgrp)")
    String partition;

    @Option(names = "--account", paramLabel = "A", description = "Slurm account or PJM group (-g)")
    String account;

    @Option(names = "--array", paramLabel = "K[%N]", description = "split the campaign into K shards (a job array"
            + " or bulk job) writing into one repository, then merge; %%N: at most N shards run at once (Slurm)")
    String array;

    @Option(names = "--cpus-per-task", paramLabel = "N", description = "Slurm: CPUs per node for matscreen (its one"
            + " task per node); without it the job takes whole nodes (--exclusive)")
    Integer cpusPerTask;

    @Option(names = "--mem", paramLabel = "SIZE", description = "Slurm: memory per node, e.g. 64G or 16000M")
    String mem;

    @Option(names = "--qos", paramLabel = "Q", description = "Slurm: quality of service")
    String qos;

    @Option(names = "--constraint", paramLabel = "FEATURES", description = "Slurm: node features, e.g. 'intel&ib'")
    String constraint;

    @Option(names = "--exclusive", negatable = true, description = "Slurm: take whole nodes (default: yes, unless"
            + " --cpus-per-task is given; --no-exclusive shares them)")
    Boolean exclusive;

    @Option(names = "--cache", paramLabel = "DIR|URI", description = "cache folder for the jobs' runs, as for run"
            + " (default: MATSCREEN_CACHE of the job's environment, else ~/.cache/matscreen); it must be on a file"
            + " system the nodes share for shards to reuse each other's results")
    String cache;

    @Option(names = "--no-cache", description = "the jobs' runs neither reuse nor add to the shared result cache")
    boolean noCache;

    @Option(names = "--out", paramLabel = "DIR|URI", description = "results repository on a shared file system"
            + " (default: results/<campaign name>)")
    String out;

    @Option(names = "--stop-before", paramLabel = "DURATION", description = "stop starting candidates this long"
            + " before the time limit (default: the campaign's timeout_seconds + 60 s, at most a tenth of --time but at least 120 s, at most half of"
            + " --time)")
    String stopBefore;

    @Option(names = "--setup", paramLabel = "FILE", description = "shell file sourced on every node first: module"
            + " load, spack load, MATSCREEN_LAMMPS_LIB=...")
    Path setup;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "Spark or matscreen setting (repeatable)")
    List<String> conf = new ArrayList<>();

    @Option(names = "--job-name", paramLabel = "NAME", description = "job name (default: the campaign's name)")
    String jobName;

    @Option(names = "--script-dir", paramLabel = "DIR", defaultValue = "matscreen-jobs",
            description = "where the scripts and the jobs' output files go (default: ${DEFAULT-VALUE})")
    Path scriptDir;

    @Option(names = "--llio-volumes", paramLabel = "VOLS", description = "PJM: the volumes the job reads and writes"
            + " (PJM_LLIO_GFSCACHE, e.g. /vol0004:/vol0005; default: the /volNNNN of the paths involved)")
    String llioVolumes;

    @Option(names = "--dry-run", description = "show the script(s) and the submit command; submit nothing")
    boolean dryRun;

    /** Picocli's converter for {@link Scheduler}. */
    static final class SchedulerConverter implements picocli.CommandLine.ITypeConverter<Scheduler> {
        @Override
        public Scheduler convert(String value) {
            return Scheduler.parse(value);
        }
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PreparedCampaign pc = PreparedCampaign.load(campaign, MatscreenConfig.load()).requireSinglePotential("submit");
        Installation installation = Installation.discover(System.getenv(), false);
        JobScript job = job(pc, installation);
        if (!dryRun) {
            // After the options: a user's mistake is reported before a missing build.
            Installation.discover(System.getenv(), true);
        }
        if (!dryRun) {
            job.build().create(installation);
        }
        Instant now = Instant.now();
        Path main = job.scriptDir().resolve(job.fileName(false, now));
        Path merge = job.shards() > 1 ? job.scriptDir().resolve(job.fileName(true, now)) : null;
        String mainText = job.render();
        String mergeText = merge == null ? null : job.renderMerge();
        o.printf(Locale.ROOT, "campaign %s: %d candidates; %s job%s of %d node(s), %s each%n", pc.spec().name(),
                pc.space().size(), scheduler.key(), job.shards() > 1 ? " array of " + job.shards() + " shards" : "",
                job.nodes(), TimeLimits.format(job.time()));
        if (dryRun) {
            if (!installation.built()) {
                o.println("note: matscreen is not built yet (" + installation.jar() + "); build it before submitting");
            }
            show(o, main, mainText, job.scheduler().submitCommand(main, job.shards(), null));
            if (merge != null) {
                show(o, merge, mergeText, job.scheduler() == Scheduler.SLURM
                        ? job.scheduler().submitCommand(merge, 1, "<array job id>")
                        : job.scheduler().submitCommand(merge, 1, null));
            }
            return ExitCodes.OK;
        }
        write(main, mainText);
        if (merge != null) {
            write(merge, mergeText);
        }
        String id = scheduler.parseJobId(SchedulerProcess.check(scheduler.submitCommand(main, job.shards(), null),
                60));
        o.printf(Locale.ROOT, "submitted %s job %s (script %s; output %s; build %s, commit %s)%n", scheduler.key(),
                id, main, job.scriptDir(), job.build().dir(), job.build().commit());
        if (merge != null) {
            if (scheduler == Scheduler.SLURM) {
                String mergeId = scheduler.parseJobId(SchedulerProcess.check(scheduler.submitCommand(merge, 1, id),
                        60));
                o.printf(Locale.ROOT, "submitted merge job %s, which runs after every task of %s%n", mergeId, id);
            } else {
                // PJM cannot make a job wait for a bulk job; the merge is submitted by hand once it has ended.
                o.printf(Locale.ROOT, "when bulk job %s has ended, submit the merge: pjsub %s%n", id, merge);
            }
        }
        o.printf(Locale.ROOT, "follow: matscreen status --scheduler %s %s --out %s; cancel the campaign%s: matscreen"
                + " cancel --scheduler %s %s%n", scheduler.key(), id, job.out(), merge != null && scheduler
                == Scheduler.SLURM ? " (shards and merge)" : "", scheduler.key(), id);
        return ExitCodes.OK;
    }

    /** Every option checked and resolved; an input error names the option. */
    JobScript job(PreparedCampaign pc, Installation installation) {
        Duration limit = TimeLimits.parseWallTime(time, "--time");
        if (nodes < 1 || nodes > 1_000_000) {
            throw new InvalidInputException("--nodes", Integer.toString(nodes), "must be between 1 and 1000000");
        }
        requireName("--partition", partition);
        if (account != null) {
            requireName("--account", account);
        }
        int shards = 1;
        Integer arrayLimit = null;
        if (array != null) {
            Matcher m = ARRAY.matcher(array.strip());
            if (!m.matches()) {
                throw new InvalidInputException("--array", array, "expected K or K%N: K shards, at most N running at"
                        + " once (e.g. 64 or 64%8)");
            }
            long k = Long.parseLong(m.group(1));
            if (k < 2) {
                throw new InvalidInputException("--array", array, "must be at least 2 (leave it out for one job)");
            }
            if (k > pc.space().size()) {
                throw new InvalidInputException("--array", array, "more shards than the campaign's "
                        + pc.space().size() + " candidates");
            }
            shards = (int) k;
            if (m.group(2) != null) {
                arrayLimit = Integer.valueOf(m.group(2));
                if (arrayLimit < 1) {
                    throw new InvalidInputException("--array", array, "%N must be at least 1");
                }
                if (scheduler != Scheduler.SLURM) {
                    throw new InvalidInputException("--array", array, "%N (shards running at once) is a Slurm"
                            + " option; PJM bulk jobs have no such limit");
                }
            }
        }
        JobScript.Resources resources = resources(arrayLimit);
        long margin = stopBefore != null ? TimeLimits.parseMargin(stopBefore, "--stop-before").getSeconds()
                : defaultMargin(limit.getSeconds(), pc.spec().method().timeoutSeconds());
        if (margin >= limit.getSeconds()) {
            throw new InvalidInputException("--stop-before", margin + " s", "must be shorter than --time "
                    + TimeLimits.format(limit) + ", or no candidate would ever start");
        }
        SparkSessionFactory.parseConf(conf);
        String name = jobName != null ? jobName : pc.spec().name().replaceAll("[^A-Za-z0-9_.-]", "-");
        if (name.length() > 64) {
            name = name.substring(0, 64);
        }
        requireName("--job-name", name);
        String repo = out != null ? out : Path.of("results", pc.spec().name()).toString();
        if (!repo.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:/.*")) {
            repo = Path.of(repo).toAbsolutePath().normalize().toString();
        }
        Path dir = scriptDir.toAbsolutePath().normalize();
        if (!ScriptTemplate.isToken(dir.toString())) {
            throw new InvalidInputException("--script-dir", dir.toString(), "the batch system's output directive"
                    + " takes plain characters only (letters, digits, / . _ - , : = @ % +); choose another folder");
        }
        Path setupFile = null;
        if (setup != null) {
            setupFile = setup.toAbsolutePath().normalize();
            if (!Files.isRegularFile(setupFile) || !Files.isReadable(setupFile)) {
                throw new InvalidInputException("--setup", setup.toString(), "no such readable file");
            }
        }
        Path campaignFile = campaign.toAbsolutePath().normalize();
        String volumes = null;
        if (scheduler == Scheduler.PJM) {
            volumes = llioVolumes != null ? checkVolumes(llioVolumes)
                    : derivedVolumes(List.of(installation.home().toString(), campaignFile.toString(), repo,
                            dir.toString(), setupFile == null ? "" : setupFile.toString()));
        }
        String cacheDir = null;
        if (cache != null) {
            if (noCache) {
                throw new InvalidInputException("--cache", cache, "give --cache or --no-cache, not both");
            }
            cacheDir = cache.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:/.*") ? cache
                    : Path.of(cache).toAbsolutePath().normalize().toString();
        }
        BuildSnapshot build = installation.built() ? BuildSnapshot.plan(installation, dir) : null;
        return new JobScript(scheduler, name, nodes, limit, partition, account, shards, margin, campaignFile, repo,
                conf, setupFile, dir, volumes, build == null ? installation : build.installation(), resources,
                cacheDir, noCache, build);
    }

    /** The Slurm resource options, checked; PJM takes none of them. */
    private JobScript.Resources resources(Integer arrayLimit) {
        if (scheduler == Scheduler.PJM) {
            for (var e : java.util.Map.of("--cpus-per-task", cpusPerTask == null ? "" : cpusPerTask.toString(),
                    "--mem", mem == null ? "" : mem, "--qos", qos == null ? "" : qos, "--constraint",
                    constraint == null ? "" : constraint).entrySet()) {
                if (!e.getValue().isEmpty()) {
                    throw new InvalidInputException(e.getKey(), e.getValue(), "a Slurm option: PJM (Fugaku) allocates"
                            + " whole nodes and takes its resources from the resource group (--partition)");
                }
            }
            if (exclusive != null) {
                throw new InvalidInputException(exclusive ? "--exclusive" : "--no-exclusive", "", "a Slurm option:"
                        + " PJM jobs take whole nodes");
            }
            return new JobScript.Resources(null, null, null, null, true, null);
        }
        if (cpusPerTask != null && (cpusPerTask < 1 || cpusPerTask > 100_000)) {
            throw new InvalidInputException("--cpus-per-task", cpusPerTask.toString(), "must be between 1 and 100000");
        }
        if (mem != null && !MEM.matcher(mem).matches()) {
            throw new InvalidInputException("--mem", mem, "expected a size such as 64G, 16000M or 16000 (MB)");
        }
        if (qos != null) {
            requireName("--qos", qos);
        }
        if (constraint != null && (!ScriptTemplate.isDirectiveArgument(constraint) || constraint.length() > 256)) {
            throw new InvalidInputException("--constraint", constraint, "expected features joined by & | , with"
                    + " [ ] ( ) * ! (letters, digits, _ . - and those operators)");
        }
        boolean whole = exclusive != null ? exclusive : cpusPerTask == null;
        return new JobScript.Resources(cpusPerTask, mem, qos, constraint, whole, arrayLimit);
    }

    /**
     * Seconds before the limit at which runs stop starting candidates: enough for the slowest candidate (its timeout)
     * plus committing and shutting down, but no more than a tenth of a long job (two minutes at least) and never
     * more than half of a short one.
     */
    static long defaultMargin(long limitSeconds, double candidateTimeoutSeconds) {
        long margin = Math.min((long) Math.ceil(candidateTimeoutSeconds) + 60, Math.max(120, limitSeconds / 10));
        return Math.min(margin, limitSeconds / 2);
    }

    private static void requireName(String option, String value) {
        if (!NAME.matcher(value).matches()) {
            throw new InvalidInputException(option, value, "expected 1 to 64 letters, digits, '_', '.' or '-'");
        }
    }

    private static String checkVolumes(String text) {
        if (!text.matches("/[A-Za-z0-9_./-]+(:/[A-Za-z0-9_./-]+)*")) {
            throw new InvalidInputException("--llio-volumes", text, "expected absolute paths joined by ':'"
                    + " (e.g. /vol0004:/vol0005)");
        }
        return text;
    }

    /** Fugaku's second-layer volumes ({@code /volNNNN}) among the paths, joined by ':'; null if none. */
    static String derivedVolumes(List<String> paths) {
        TreeSet<String> vols = new TreeSet<>();
        for (String p : paths) {
            Matcher m = VOLUME.matcher(p);
            if (m.find()) {
                vols.add(m.group(1));
            }
        }
        return vols.isEmpty() ? null : String.join(":", vols);
    }

    private static void show(PrintWriter o, Path file, String text, List<String> submit) {
        o.println("---- " + file + " (not written: --dry-run)");
        o.println(text);
        o.println("---- would run: " + String.join(" ", submit));
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the batch system reads the script, it need not be executable
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the batch script " + file, e);
        }
    }
}
