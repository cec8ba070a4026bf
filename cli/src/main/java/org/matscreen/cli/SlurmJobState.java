package org.matscreen.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One job (or array task) as {@code scontrol show job -o} describes it: a line of {@code Key=Value} fields. Without
 * slurmdbd there is no {@code sacct}, so this is how a finished job's state and exit code are read (for
 * {@code MinJobAge} seconds after it ends).
 */
record SlurmJobState(Map<String, String> fields) {
    /** {@code matscreen run}'s exit code for "stopped at --deadline with candidates left" (ExitCodes.INCOMPLETE). */
    static final int INCOMPLETE = 5;
    private static final Pattern FIELD = Pattern.compile("(?:^|\\s)([A-Za-z][A-Za-z/:]*)=(\\S*)");

    SlurmJobState {
        fields = Map.copyOf(fields);
    }

    /** Parses one line of {@code scontrol show job -o}. */
    static SlurmJobState parse(String line) {
        Map<String, String> f = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(line);
        while (m.find()) {
            f.putIfAbsent(m.group(1), m.group(2));
        }
        return new SlurmJobState(f);
    }

    String get(String key) {
        return fields.getOrDefault(key, "");
    }

    /** {@code 1234} or, for an array task, {@code 1234_7}. */
    String id() {
        String task = get("ArrayTaskId");
        return task.isEmpty() ? get("JobId") : get("ArrayJobId") + "_" + task;
    }

    String state() {
        return get("JobState");
    }

    /** The exit code of the batch script ({@code ExitCode=5:0} is 5). */
    int exitCode() {
        String e = get("ExitCode");
        int colon = e.indexOf(':');
        try {
            return Integer.parseInt(colon < 0 ? e : e.substring(0, colon));
        } catch (NumberFormatException ex) {
            return -1;
        }
    }

    /** Whether the job has ended (any state but pending, configuring, running, suspended, completing). */
    boolean finished() {
        return switch (state()) {
            case "PENDING", "CONFIGURING", "RUNNING", "SUSPENDED", "COMPLETING", "REQUEUED", "RESIZING" -> false;
            default -> !state().isEmpty();
        };
    }

    /** What the state means for a matscreen campaign, or empty. */
    String meaning() {
        if (state().equals("TIMEOUT")) {
            return "killed at its time limit; submitting the script again resumes (committed candidates are kept)";
        }
        if (finished() && exitCode() == INCOMPLETE) {
            return "stopped before its time limit with candidates left; submit the script again to resume";
        }
        if (state().equals("FAILED") || state().equals("NODE_FAIL") || state().equals("OUT_OF_MEMORY")) {
            return "failed; its output: " + get("StdOut");
        }
        if (state().equals("PENDING")) {
            return "waiting: " + get("Reason");
        }
        return "";
    }
}
