package org.matscreen.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code matscreen cancel}: stops a submitted campaign. The id {@code submit} prints is enough: with Slurm, the jobs
 * that wait for it (the merge job after an array, whose dependency is {@code afterany} and would otherwise start and
 * compute the rest of the campaign) are cancelled with it, first, so none starts in between. What was committed
 * stays in the repository, and submitting the campaign again resumes it.
 */
@Command(name = "cancel", header = "Cancel a submitted campaign (its jobs, shards and merge job).",
        mixinStandardHelpOptions = true,
        description = {"Cancels the jobs (scancel or pjdel) and, with Slurm, every job that depends on them: the merge"
                + " job of an array is cancelled with the array. Records already committed stay in the repository;"
                + " submitting the campaign again resumes it.",
            "Prints one line: what was cancelled, in which states."})
final class CancelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "JOBID", arity = "1..*", description = "job ids printed by matscreen submit")
    List<String> ids;

    @Option(names = "--scheduler", paramLabel = "slurm|pjm", defaultValue = "slurm",
            converter = SubmitCommand.SchedulerConverter.class, description = "batch system (default: ${DEFAULT-VALUE})")
    Scheduler scheduler;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        List<String> checked = ids.stream().map(scheduler::checkJobId).toList();
        if (scheduler != Scheduler.SLURM) {
            SchedulerProcess.check(scheduler.cancelCommand(checked), 60);
            o.println("cancel requested for " + String.join(" ", checked) + "; committed records stay, and submitting"
                    + " the campaign again resumes it");
            return ExitCodes.OK;
        }
        List<String> parts = new ArrayList<>();
        Set<String> toCancel = new LinkedHashSet<>();
        int queued = 0;
        for (String id : checked) {
            Map<String, Integer> own = states(id);
            queued += own.values().stream().mapToInt(Integer::intValue).sum();
            List<String> dependents = dependents(id);
            String self = describe(id, own);
            List<String> merges = new ArrayList<>();
            for (String d : dependents) {
                Map<String, Integer> s = states(d);
                queued += s.values().stream().mapToInt(Integer::intValue).sum();
                merges.add("job " + d + " waiting for it (" + summary(s) + ")");
            }
            // dependents first: once the array is gone, an afterany dependency is satisfied and the merge starts
            toCancel.addAll(dependents);
            toCancel.add(id);
            parts.add(self + (merges.isEmpty() ? "" : " and " + String.join(", ", merges)));
        }
        if (queued == 0) {
            o.println("nothing to cancel: " + String.join(", ", parts) + " (finished, or not known to Slurm any more);"
                    + " matscreen status tells how it ended");
            return ExitCodes.CHECK_FAILED;
        }
        List<String> dependentsFirst = new ArrayList<>(toCancel);
        dependentsFirst.removeAll(checked);
        dependentsFirst.addAll(checked);
        SchedulerProcess.check(scheduler.cancelCommand(dependentsFirst), 60);
        o.println("cancelled " + String.join("; ", parts) + "; committed records stay, and submitting the campaign"
                + " again resumes it");
        return ExitCodes.OK;
    }

    /** One line about a job or array and the states of its tasks. */
    private static String describe(String id, Map<String, Integer> states) {
        int tasks = states.values().stream().mapToInt(Integer::intValue).sum();
        if (tasks == 0) {
            return "job " + id + " (not queued)";
        }
        return (tasks > 1 ? "array job " + id + " (" + tasks + " tasks: " : "job " + id + " (") + summary(states)
                + ")";
    }

    private static String summary(Map<String, Integer> states) {
        if (states.isEmpty()) {
            return "not queued";
        }
        List<String> s = new ArrayList<>();
        states.forEach((state, n) -> s.add(n + " " + state.toLowerCase(Locale.ROOT)));
        return String.join(", ", s);
    }

    /** Queued or running tasks of a job (one per array task), by state; empty when Slurm no longer lists it. */
    private static Map<String, Integer> states(String id) {
        SchedulerProcess.Result r = SchedulerProcess.run(List.of("squeue", "-h", "-r", "-j", id, "-o", "%T"), 60);
        Map<String, Integer> out = new TreeMap<>();
        if (r.exitCode() != 0) {
            return out; // "Invalid job id specified": it has left the queue
        }
        r.out().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> out.merge(l, 1, Integer::sum));
        return out;
    }

    /** Jobs of this user whose dependency names {@code id} (the merge job of an array, or anything chained to it). */
    static List<String> dependents(String id) {
        SchedulerProcess.Result r = SchedulerProcess.run(List.of("squeue", "-h", "-u",
                System.getProperty("user.name"), "-o", "%i|%E"), 60);
        return r.exitCode() != 0 ? List.of() : dependentsIn(r.out(), id);
    }

    /**
     * The job ids in {@code squeue -o '%i|%E'} output whose dependency refers to {@code id} or one of its array tasks
     * ({@code afterany:123_*(unfulfilled)}, {@code afterok:123(unfulfilled)}, several joined by , or ?).
     */
    static List<String> dependentsIn(String squeue, String id) {
        Pattern ref = Pattern.compile("(^|[,?:])" + Pattern.quote(id) + "(_(\\*|\\d+))?(\\(|[,?:]|$)");
        List<String> out = new ArrayList<>();
        for (String line : squeue.split("\n")) {
            int bar = line.indexOf('|');
            if (bar < 0) {
                continue;
            }
            String job = line.substring(0, bar).strip();
            String dependency = line.substring(bar + 1).strip();
            if (!job.isEmpty() && !job.equals(id) && ref.matcher(dependency).find() && !out.contains(job)) {
                out.add(job);
            }
        }
        return out;
    }
}
