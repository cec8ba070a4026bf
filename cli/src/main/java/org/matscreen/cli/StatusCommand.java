package org.matscreen.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code matscreen status}: the state of submitted jobs and, with {@code --out}, how far the campaign has come. */
@Command(name = "status", header = "Show submitted jobs and a campaign's progress.", mixinStandardHelpOptions = true,
        description = "For each job id: state, exit code, run time and limit, and what that means for the campaign"
                + " (exit code 5 or a time-limit kill: submit the script again to resume). With --out, the"
                + " candidates committed to the repository so far.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "JOBID", arity = "0..*", description = "job ids printed by matscreen submit")
    List<String> ids = List.of();

    @Option(names = "--scheduler", paramLabel = "slurm|pjm", defaultValue = "slurm",
            converter = SubmitCommand.SchedulerConverter.class, description = "batch system (default: ${DEFAULT-VALUE})")
    Scheduler scheduler;

    @Option(names = "--out", paramLabel = "DIR|URI", description = "the campaign's repository: count its records")
    String out;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        int code = ExitCodes.OK;
        for (String raw : ids) {
            String id = scheduler.checkJobId(raw);
            SchedulerProcess.Result r = SchedulerProcess.run(scheduler.statusCommand(id), 60);
            if (scheduler == Scheduler.PJM) {
                o.print(r.out());
                if (r.exitCode() != 0) {
                    o.println(id + ": pjstat failed: " + r.err().strip());
                    code = ExitCodes.CHECK_FAILED;
                }
                continue;
            }
            if (r.exitCode() != 0) {
                o.println(id + ": not known to the controller (it ended more than MinJobAge ago, or never existed):"
                        + " " + r.err().strip());
                code = ExitCodes.CHECK_FAILED;
                continue;
            }
            for (String line : r.out().split("\n")) {
                if (!line.isBlank()) {
                    print(o, SlurmJobState.parse(line));
                }
            }
        }
        if (out != null) {
            repository(o, out);
        }
        return code;
    }

    static void print(PrintWriter o, SlurmJobState j) {
        String meaning = j.meaning();
        o.printf(Locale.ROOT, "%-14s %-10s exit %-4s %s of %s  %s%s%n", j.id(), j.state(), j.exitCode(),
                j.get("RunTime"), j.get("TimeLimit"), j.get("JobName"), meaning.isEmpty() ? "" : " — " + meaning);
    }

    /** Records committed so far (footers only: cheap even for large repositories), against the campaign's size. */
    static void repository(PrintWriter o, String uri) {
        RepositoryLayout layout = new RepositoryLayout(uri, new Configuration());
        ResultReader reader = new ResultReader(layout);
        long committed = 0;
        List<RepositoryLayout.Chunk> chunks = layout.chunks();
        for (RepositoryLayout.Chunk c : chunks) {
            committed += reader.rowCount(c.path());
        }
        var manifest = org.matscreen.repository.Repository.open(layout).manifest();
        if (manifest.isPresent()) {
            long total = manifest.get().candidates();
            o.printf(Locale.ROOT, "%s: %d of %d candidates committed (%.1f %%) in %d chunks%n", layout.root(),
                    committed, total, total > 0 ? 100.0 * committed / total : 0, chunks.size());
            if (manifest.get().adaptive() != null) {
                // the campaign as it was run, for its orderings per composition (a manifest without its campaign
                // text, as written before it was recorded, counts one ordering per composition)
                String yaml = manifest.get().campaignYaml();
                int samples = yaml == null || yaml.isBlank() ? 1 : org.matscreen.core.campaign.CampaignLoader
                        .parse(yaml, layout.manifest() + " (campaignYaml)").structure().samples();
                o.println(AdaptiveRunOutput.status(manifest.get().adaptive(), committed, samples));
            }
        } else {
            o.printf(Locale.ROOT, "%s: %d candidates committed in %d chunks (no manifest yet)%n",
                    layout.root(), committed, chunks.size());
        }
    }
}
