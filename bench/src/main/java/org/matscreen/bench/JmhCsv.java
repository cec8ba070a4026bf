package org.matscreen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JMH's CSV result file ({@code -rf csv}): score and 99.9 % error per benchmark method. */
final class JmhCsv {
    record Score(double value, double error, String unit) {}

    private JmhCsv() {}

    /** Scores by method name (the part after the last dot), in file order; empty if the file does not exist. */
    static Map<String, Score> read(Path file) {
        Map<String, Score> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                if (f.length < 7) {
                    continue;
                }
                String name = unquote(f[0]);
                out.put(name.substring(name.lastIndexOf('.') + 1), new Score(number(f[4]), number(f[5]),
                        unquote(f[6])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    private static String unquote(String s) {
        String t = s.strip();
        return t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(unquote(s));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
