package org.matscreen.cli;

import java.io.PrintWriter;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.core.util.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code matscreen} command. */
@Command(name = "matscreen", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "High-throughput materials screening with LAMMPS on Spark.",
        description = "Runs screening campaigns (YAML) through Spark and LAMMPS into a versioned results repository.",
        subcommands = {RunCommand.class, PlanCommand.class, SubmitCommand.class, StatusCommand.class,
            CancelCommand.class, QueryCommand.class, ExportCommand.class, ReportCommand.class, ServeCommand.class,
            PullCommand.class, PotentialsCommand.class, DoctorCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"matscreen " + BuildInfo.version() + " (commit " + BuildInfo.commit() + ")"};
        }
    }

    /** A command line wired with matscreen's exception-to-exit-code mapping and the given output streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            Throwable cause = ex;
            if (cause instanceof InvalidInputException iie) {
                e.println("error: " + iie.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
            if (cause instanceof NativeUnavailableException nue) {
                e.println("error: " + nue.getMessage());
                return ExitCodes.NATIVE;
            }
            if (cause instanceof MatscreenException me) {
                e.println("error: " + me.getMessage());
                return ExitCodes.ERROR;
            }
            e.println("internal error: " + cause);
            cause.printStackTrace(e);
            return ExitCodes.ERROR;
        });
        return cl;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
