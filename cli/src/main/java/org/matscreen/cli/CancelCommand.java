package org.matscreen.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code matscreen cancel}: cancels submitted jobs; what they committed stays, and a later submit resumes. */
@Command(name = "cancel", header = "Cancel submitted jobs.", mixinStandardHelpOptions = true,
        description = "Cancels the jobs (scancel or pjdel). Records already committed stay in the repository;"
                + " submitting the campaign again resumes it.")
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
        SchedulerProcess.check(scheduler.cancelCommand(checked), 60);
        o.println("cancel requested for " + String.join(" ", checked));
        return ExitCodes.OK;
    }
}
