package org.matscreen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Measured values passed from one step of bench/run.sh to the report: a {@code key=value} file, one per line, in the
 * order written (run.sh appends to these files with plain {@code echo}, the Java steps through this class).
 */
final class Facts {
    private final Map<String, String> values = new LinkedHashMap<>();

    Facts put(String key, String value) {
        if (key.contains("=") || key.contains("\n") || value.contains("\n")) {
            throw new IllegalArgumentException("a fact is one line 'key=value': " + key);
        }
        values.put(key, value);
        return this;
    }

    Facts put(String key, double value) {
        return put(key, String.format(Locale.ROOT, "%.9g", value));
    }

    Facts put(String key, long value) {
        return put(key, Long.toString(value));
    }

    String get(String key) {
        return values.get(key);
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    OptionalDouble number(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(v.strip()));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    double require(String key) {
        return number(key).orElseThrow(() -> new IllegalStateException("missing measurement '" + key + "'"));
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    void write(Path file) {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        try {
            Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The facts of a file, empty if it does not exist (a step that was skipped). Later lines win. */
    static Facts read(Path file) {
        Facts f = new Facts();
        if (!Files.exists(file)) {
            return f;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    f.values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return f;
    }
}
