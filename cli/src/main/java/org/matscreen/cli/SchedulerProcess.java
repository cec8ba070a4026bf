package org.matscreen.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.matscreen.core.error.MatscreenException;

/** Runs a batch-system command (an argument list, no shell) and returns what it printed. */
final class SchedulerProcess {
    /** Exit code and output of a finished command. */
    record Result(int exitCode, String out, String err) {}

    private SchedulerProcess() {}

    /** Runs {@code cmd} for at most {@code timeoutSeconds}; a missing tool is reported with the fix. */
    static Result run(List<String> cmd, double timeoutSeconds) {
        if (!onPath(cmd.get(0))) {
            throw new MatscreenException(cmd.get(0) + " was not found on PATH: run this on a login node of the batch"
                    + " system (or use --dry-run to see the script)");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (!p.waitFor((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new MatscreenException(String.join(" ", cmd) + " did not answer within " + timeoutSeconds
                        + " s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new MatscreenException("cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MatscreenException("interrupted while running " + cmd.get(0), e);
        }
    }

    /** Like {@link #run}, but a non-zero exit is an error carrying the tool's own message. */
    static String check(List<String> cmd, double timeoutSeconds) {
        Result r = run(cmd, timeoutSeconds);
        if (r.exitCode() != 0) {
            throw new MatscreenException(String.join(" ", cmd) + " failed (exit " + r.exitCode() + "): "
                    + (r.err().isBlank() ? r.out() : r.err()).strip());
        }
        return r.out();
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
