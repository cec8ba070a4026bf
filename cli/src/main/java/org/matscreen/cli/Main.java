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
        description = {"Runs screening campaigns (YAML) through Spark and LAMMPS into a versioned results repository.",
            "Exit codes: 0 ok, 1 internal or environment error, 2 invalid input, 3 native component missing,"
                + " 4 a check failed, 5 stopped at --deadline or a cap with work left (rerun to resume), 6 every"
                + " candidate failed. --debug anywhere on the line shows stack traces."},
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

    /** Set by {@code --debug} (anywhere on the command line) or {@code MATSCREEN_DEBUG=1}: stack traces are shown. */
    static volatile boolean debug = "1".equals(System.getenv("MATSCREEN_DEBUG"));

    /** A command line wired with matscreen's exception-to-exit-code mapping and the given output streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(ex, commandLine.getErr()));
        return cl;
    }

    /**
     * Maps a failure to one line and its exit code. Expected failures (a matscreen exception anywhere in the cause
     * chain, as Spark wraps what a task threw; an I/O error of the environment) print their message; anything else is
     * an internal error. Stack traces only with {@code --debug}.
     */
    static int report(Throwable ex, PrintWriter e) {
        if (SignalNotice.stopping()) {
            // the signal notice has said what happened; the failure is the shutdown's consequence
            if (debug) {
                ex.printStackTrace(e);
            }
            return ExitCodes.ERROR;
        }
        MatscreenException known = find(ex, MatscreenException.class);
        int code;
        if (known instanceof InvalidInputException iie) {
            e.println("error: " + iie.getMessage());
            code = ExitCodes.INVALID_INPUT;
        } else if (known instanceof NativeUnavailableException nue) {
            e.println("error: " + nue.getMessage());
            code = ExitCodes.NATIVE;
        } else if (known != null) {
            e.println("error: " + oneLine(known.getMessage()));
            code = ExitCodes.ERROR;
        } else if (find(ex, java.io.IOException.class) != null) {
            java.io.IOException io = find(ex, java.io.IOException.class);
            String where = ex instanceof java.io.UncheckedIOException u && u.getMessage() != null ? u.getMessage()
                    + ": " : "";
            e.println("error: " + oneLine(where + io.getMessage()) + " (what was committed is kept; rerun the same"
                    + " command to resume once the cause is fixed)");
            code = ExitCodes.ERROR;
        } else {
            e.println("internal error: " + oneLine(String.valueOf(ex)) + (debug ? "" : " (rerun with --debug for"
                    + " the stack trace)"));
            code = ExitCodes.ERROR;
        }
        if (debug) {
            ex.printStackTrace(e);
        }
        return code;
    }

    /** The first throwable of {@code type} in the cause chain (cycles and depth bounded). */
    static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (int i = 0; t != null && i < 32; t = t.getCause(), i++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String first = s.strip().lines().findFirst().orElse("");
        return first.length() > 2000 ? first.substring(0, 2000) + "…" : first;
    }

    public static void main(String[] args) {
        java.util.List<String> rest = new java.util.ArrayList<>();
        for (String a : args) {
            if (a.equals("--debug")) {
                debug = true;
            } else {
                rest.add(a);
            }
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = commandLine(out, err).execute(rest.toArray(String[]::new));
        out.flush();
        err.flush();
        System.exit(code);
    }
}
