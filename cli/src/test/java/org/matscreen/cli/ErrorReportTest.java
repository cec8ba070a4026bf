package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.matscreen.core.error.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Issue 17, item 14: how failures reach the user. A full disk, or an input error that Spark wrapped on its way from
 * an executor, printed "internal error" and tens of stack-trace lines with exit 1; each is now one line with its
 * documented code, and the trace only with --debug.
 */
class ErrorReportTest {
    /** A command that fails the way a run can fail deep inside Spark. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        final RuntimeException failure;

        Boom(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() {
            throw failure;
        }
    }

    record Result(int code, String err) {}

    static Result run(RuntimeException failure) {
        StringWriter err = new StringWriter();
        PrintWriter errWriter = new PrintWriter(err, true);
        CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter(), true), errWriter);
        cl.addSubcommand("boom", new Boom(failure));
        // settings reach only the subcommands present when they are made
        cl.getSubcommands().get("boom").setErr(errWriter)
                .setExecutionExceptionHandler(cl.getExecutionExceptionHandler());
        int code = cl.execute("boom");
        return new Result(code, err.toString());
    }

    @AfterEach
    void noDebug() {
        Main.debug = false;
    }

    static void assertOneLine(Result r) {
        assertEquals(1, r.err().lines().filter(l -> !l.isBlank()).count(), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void aFullDiskIsOneLineNamingWhatCouldNotBeWritten() {
        Result r = run(new UncheckedIOException("cannot commit records of Cu-Ni to /data/x/chunk-0-3.parquet",
                new IOException("No space left on device")));
        assertEquals(ExitCodes.ERROR, r.code());
        assertOneLine(r);
        assertTrue(r.err().startsWith("error: cannot commit records of Cu-Ni") && r.err().contains("No space left")
                && r.err().contains("rerun"), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
    }

    @Test
    void anInputErrorWrappedBySparkKeepsItsCode() {
        InvalidInputException cause = new InvalidInputException("c.yaml", "method.potential", "no such file");
        Result r = run(new RuntimeException("Job aborted due to stage failure: Task 1 failed",
                new RuntimeException("wrapper", cause)));
        assertEquals(ExitCodes.INVALID_INPUT, r.code());
        assertOneLine(r);
        assertTrue(r.err().contains("c.yaml: field 'method.potential': no such file"), r.err());
    }

    @Test
    void aBugIsAnInternalErrorInOneLineWithTheTraceOnlyWithDebug() {
        Result quiet = run(new IllegalStateException("unexpected"));
        assertEquals(ExitCodes.ERROR, quiet.code());
        assertOneLine(quiet);
        assertTrue(quiet.err().contains("internal error") && quiet.err().contains("--debug"), quiet.err());
        Main.debug = true;
        Result loud = run(new IllegalStateException("unexpected"));
        assertTrue(loud.err().contains("\tat "), loud.err());
    }
}
