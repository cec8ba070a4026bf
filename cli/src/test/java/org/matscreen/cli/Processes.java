package org.matscreen.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs external commands for integration tests: given environment additions, output captured to a file. */
final class Processes {
    /** Exit code and combined output of a finished command. */
    record Result(int code, String output) {}

    private Processes() {}

    /** Runs {@code cmd} with {@code env} added, in {@code dir}; a command still running after the timeout is killed. */
    static Result run(List<String> cmd, Map<String, String> env, Path dir, long timeoutSeconds) {
        try {
            Path log = Files.createTempFile(dir, "proc-", ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(env);
            Process p = pb.start();
            boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            return new Result(done ? p.exitValue() : -1, done ? out : out + "\n[killed after " + timeoutSeconds
                    + " s: " + String.join(" ", cmd) + "]");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
