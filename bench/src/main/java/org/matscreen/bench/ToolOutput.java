package org.matscreen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** The standard output of a benchmark script the harness ran, as the report shows it. */
final class ToolOutput {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

    private ToolOutput() {}

    /** The lines of {@code WORK/logs/<name>.out} without terminal colour codes (Maven's quiet mode still writes them). */
    static List<String> lines(BenchWork w, String name) {
        Path out = w.path("logs/" + name + ".out");
        try {
            return Files.readAllLines(out).stream().map(l -> ANSI.matcher(l).replaceAll("")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + out, e);
        }
    }

    static boolean present(BenchWork w, String name) {
        return Files.exists(w.path("logs/" + name + ".out"));
    }

    /** " — it failed (…)" when the script exited non-zero, else empty: a partial output must not pass for a result. */
    static String failureNote(BenchWork w, String name) {
        return w.runs().number(name + ".exit").orElse(0) != 0
                ? " — **it failed** (exit " + w.runs().get(name + ".exit") + ", see `WORK/logs/" + name + ".err`)"
                : "";
    }
}
