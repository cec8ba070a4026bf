package org.matscreen.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matscreen.cli.ScriptTemplate.Value;
import org.matscreen.core.util.BuildInfo;

/**
 * A batch job for a campaign, validated, and its script rendered from the scheduler's template. The script only sets
 * variables and runs the scheduler's runner in {@code slurm/} of the installation, which does the work (and which a
 * user may also submit directly).
 *
 * @param jobName a token (letters, digits, {@code _.-})
 * @param nodes nodes per job (one: Spark local mode; several: a standalone cluster inside the allocation)
 * @param time the wall-clock limit
 * @param partition Slurm partition or PJM resource group
 * @param account Slurm account or PJM group, null for the default
 * @param shards number of shards (array tasks or bulk sub-jobs); 1 for an ordinary job
 * @param stopBeforeSeconds how long before the limit the run stops starting candidates
 * @param campaign the campaign file, absolute
 * @param out the repository (absolute path or URI)
 * @param conf {@code --conf} pairs passed to {@code matscreen run}
 * @param setup a file sourced on every node before anything else (null for none)
 * @param scriptDir where scripts and job output files go
 * @param llioVolumes PJM: second-layer volumes the job uses ({@code /vol0004:/vol0005}), null for none
 * @param installation what the script runs: the build snapshot taken at submit time
 * @param resources Slurm resource requests beyond nodes and time
 * @param cache the cache folder passed to {@code run --cache}, null for the default; {@code noCache}: {@code
 *     --no-cache}
 * @param build the build snapshot the job runs (its commit is recorded in the script), null when rendering for a
 *     build that is not there yet
 */
record JobScript(Scheduler scheduler, String jobName, int nodes, Duration time, String partition, String account,
        int shards, long stopBeforeSeconds, Path campaign, String out, List<String> conf, Path setup,
        Path scriptDir, String llioVolumes, Installation installation, Resources resources, String cache,
        boolean noCache, BuildSnapshot build) {

    /**
     * Slurm resource requests.
     *
     * @param cpusPerTask {@code --cpus-per-task}, null to leave it to the site
     * @param mem {@code --mem} per node (Slurm's size syntax, e.g. 64G), null for the site's default
     * @param qos {@code --qos}, null for none
     * @param constraint {@code --constraint} (a feature expression), null for none
     * @param exclusive whether the job takes its nodes whole ({@code --exclusive})
     * @param arrayLimit the most array tasks running at once ({@code --array=0-K%N}), null for no limit
     */
    record Resources(Integer cpusPerTask, String mem, String qos, String constraint, boolean exclusive,
            Integer arrayLimit) {
        /** Whole nodes, nothing else: what submit did before these options existed. */
        static final Resources EXCLUSIVE = new Resources(null, null, null, null, true, null);
    }

    JobScript {
        conf = List.copyOf(conf);
    }

    /** The job (or array, or bulk job) that screens the campaign. */
    String render() {
        return render(false);
    }

    /** After an array or bulk job: one local-mode job that computes whatever a shard missed and ranks the whole. */
    String renderMerge() {
        return render(true);
    }

    /** File name of the script: {@code <job>-<time><suffix>}, or {@code <job>-merge-…} for the merge job. */
    String fileName(boolean merge, Instant at) {
        String stamp = at.truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "").replace("-", "")
                .replace("Z", "");
        return jobName + (merge ? "-merge-" : "-") + stamp + scheduler.suffix();
    }

    private String render(boolean merge) {
        int jobNodes = merge ? 1 : nodes;
        boolean sharded = shards > 1 && !merge;
        Map<String, Value> v = new LinkedHashMap<>();
        v.put("job_name", Value.token(merge ? jobName + "-merge" : jobName));
        v.put("nodes", Value.token(Integer.toString(jobNodes)));
        v.put("time", Value.token(TimeLimits.format(time)));
        v.put("time_seconds", Value.token(Long.toString(time.getSeconds())));
        v.put("partition", Value.token(partition));
        if (account != null) {
            v.put("account", Value.token(account));
        }
        if (resources.exclusive()) {
            v.put("exclusive", Value.token("yes"));
        }
        if (resources.cpusPerTask() != null) {
            v.put("cpus_per_task", Value.token(resources.cpusPerTask().toString()));
        }
        if (resources.mem() != null) {
            v.put("mem", Value.token(resources.mem()));
        }
        if (resources.qos() != null) {
            v.put("qos", Value.token(resources.qos()));
        }
        if (resources.constraint() != null) {
            v.put("constraint", Value.directive(resources.constraint()));
        }
        if (build != null) {
            v.put("build_commit", Value.token(ScriptTemplate.isToken(build.commit()) ? build.commit() : "unknown"));
            v.put("build_dir", Value.text(build.dir().toString()));
            v.put("checkout", Value.text(build.checkout().toString()));
        }
        if (sharded) {
            v.put("array", Value.token("0-" + (shards - 1) + (resources.arrayLimit() == null ? ""
                    : "%" + resources.arrayLimit())));
            v.put("shards", Value.token(Integer.toString(shards)));
            v.put("last_shard", Value.token(Integer.toString(shards - 1)));
        }
        if (llioVolumes != null) {
            v.put("llio_volumes", Value.token(llioVolumes));
        }
        String pattern = sharded ? "%A_%a" : "%j";
        v.put("output", Value.token(scriptDir.resolve((merge ? jobName + "-merge" : jobName) + "-" + pattern
                + ".out").toString()));
        v.put("version", Value.token(ScriptTemplate.isToken(BuildInfo.version()) ? BuildInfo.version() : "unknown"));
        v.put("rendered_at", Value.token(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
        v.put("mode", Value.token(merge ? "merge-of-" + shards + "-shards"
                : (sharded ? shards + "-shards-each-" : "") + (jobNodes > 1 ? "spark-cluster-on-" + jobNodes
                        + "-nodes" : "local-mode")));
        v.put("home", Value.text(installation.home().toString()));
        v.put("jar", Value.text(installation.jar().toString()));
        v.put("lib", Value.text(installation.lib().toString()));
        v.put("stop_before", Value.token(Long.toString(stopBeforeSeconds)));
        if (setup != null) {
            v.put("setup", Value.text(setup.toString()));
        }
        v.put("runner", Value.token(scheduler.runner(jobNodes)));
        List<String> args = new ArrayList<>(List.of(campaign.toString(), "--out", out));
        if (noCache) {
            args.add("--no-cache");
        } else if (cache != null) {
            args.add("--cache");
            args.add(cache);
        }
        for (String c : conf) {
            args.add("--conf");
            args.add(c);
        }
        v.put("run_args", Value.words(args));
        return ScriptTemplate.resource(scheduler.template()).render(v);
    }
}
