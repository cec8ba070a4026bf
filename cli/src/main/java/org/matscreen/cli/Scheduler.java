package org.matscreen.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.error.MatscreenException;

/**
 * The batch systems matscreen submits to, with the commands and conventions that differ between them. Commands are
 * argument lists run without a shell.
 */
enum Scheduler {
    /** Slurm: {@code sbatch}, {@code scontrol}, {@code scancel}; arrays with a dependent merge job. */
    SLURM("slurm.sbatch", ".sbatch", "matscreen-local.sbatch", "matscreen-spark.sbatch"),
    /** Fujitsu PJM (Fugaku): {@code pjsub}, {@code pjstat}, {@code pjdel}; bulk jobs. */
    PJM("pjm.sh", ".pjm.sh", "pjm-local.sh", "pjm-spark.sh");

    private static final Pattern SLURM_ID = Pattern.compile("\\d+(_\\d+)?");
    private static final Pattern PJM_ID = Pattern.compile("\\d+(\\[\\d+])?");
    private static final Pattern PJSUB_OUT = Pattern.compile("Job (\\d+) submitted");

    private final String template;
    private final String suffix;
    private final String localRunner;
    private final String sparkRunner;

    Scheduler(String template, String suffix, String localRunner, String sparkRunner) {
        this.template = template;
        this.suffix = suffix;
        this.localRunner = localRunner;
        this.sparkRunner = sparkRunner;
    }

    /** Picocli's converter: {@code slurm} or {@code pjm}. */
    static Scheduler parse(String s) {
        for (Scheduler v : values()) {
            if (v.name().equalsIgnoreCase(s.strip())) {
                return v;
            }
        }
        throw new InvalidInputException("--scheduler", s, "expected slurm or pjm");
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    String template() {
        return template;
    }

    String suffix() {
        return suffix;
    }

    /** The script in {@code slurm/} that does the work: local mode on one node, a Spark cluster on several. */
    String runner(int nodes) {
        return nodes > 1 ? sparkRunner : localRunner;
    }

    /** Submits a script; {@code shards > 1} makes a PJM bulk job; {@code after} is a Slurm job to wait for. */
    List<String> submitCommand(Path script, int shards, String after) {
        List<String> cmd = new ArrayList<>();
        if (this == SLURM) {
            cmd.add("sbatch");
            cmd.add("--parsable");
            if (after != null) {
                // afterany: the merge also runs when a shard failed or hit its limit, and computes what it missed.
                cmd.add("--dependency=afterany:" + after);
            }
        } else {
            cmd.add("pjsub");
            if (shards > 1) {
                cmd.add("--bulk");
                cmd.add("--sparam");
                cmd.add("0-" + (shards - 1));
            }
        }
        cmd.add(script.toString());
        return cmd;
    }

    /** The job id in what the submit command printed. */
    String parseJobId(String stdout) {
        String s = stdout.strip();
        if (this == SLURM) {
            // --parsable prints "id" or "id;cluster".
            String id = s.contains(";") ? s.substring(0, s.indexOf(';')) : s;
            if (id.matches("\\d+")) {
                return id;
            }
        } else {
            Matcher m = PJSUB_OUT.matcher(s);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new MatscreenException("could not find a job id in the output of " + submitTool() + ": " + s);
    }

    String submitTool() {
        return this == SLURM ? "sbatch" : "pjsub";
    }

    /** A job id as the user typed it; anything else is an input error (the ids go to a command, not a shell). */
    String checkJobId(String id) {
        Pattern p = this == SLURM ? SLURM_ID : PJM_ID;
        if (id == null || !p.matcher(id).matches()) {
            throw new InvalidInputException("JOBID", String.valueOf(id), this == SLURM
                    ? "expected a Slurm job id such as 1234 or 1234_7" : "expected a PJM job id such as 1234");
        }
        return id;
    }

    List<String> statusCommand(String id) {
        return this == SLURM ? List.of("scontrol", "show", "job", "-o", id) : List.of("pjstat", "-v", id);
    }

    List<String> cancelCommand(List<String> ids) {
        List<String> cmd = new ArrayList<>(List.of(this == SLURM ? "scancel" : "pjdel"));
        cmd.addAll(ids);
        return cmd;
    }
}
