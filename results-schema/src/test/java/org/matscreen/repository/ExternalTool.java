package org.matscreen.repository;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A command-line tool an integration test checks against ({@code h5dump}, {@code chromium}). Missing, it skips the
 * test on a developer machine and fails it when {@code CI=true}, where everything is installed and a skip would hide
 * a missing install step (style practice 15).
 */
public final class ExternalTool {
    private final String executable;

    private ExternalTool(String executable) {
        this.executable = executable;
    }

    /** What a run printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {}

    /**
     * The first of {@code names} found on PATH (or the path in {@code $overrideVariable}, if set).
     *
     * @param debianPackage the package that provides it, named in the message
     */
    public static ExternalTool require(String overrideVariable, String debianPackage, String... names) {
        String configured = System.getenv(overrideVariable);
        if (configured != null && !configured.isBlank()) {
            return new ExternalTool(configured);
        }
        for (String name : names) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return new ExternalTool(p.toString());
                }
            }
        }
        String message = String.join(" or ", names) + " is not on PATH; install Debian's " + debianPackage
                + " (apt-get install -y " + debianPackage + ", or scripts/setup.sh --test) or set " + overrideVariable;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + ". CI=true: a skipped third-party check counts as a failure.");
        }
        return Assumptions.abort(message);
    }

    /** Runs the tool with {@code args}, waiting at most {@code timeoutSeconds}. */
    public Result run(long timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).start();
            p.getOutputStream().close();
            // Both pipes drained concurrently: a child blocked on a full pipe would never exit.
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(executable + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + executable, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + executable, e);
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
