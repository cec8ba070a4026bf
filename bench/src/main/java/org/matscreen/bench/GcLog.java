package org.matscreen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap figures from a unified JVM GC log ({@code -Xlog:gc}): each collection line reads
 * {@code before->after(committed)}, e.g. {@code Pause Young (Normal) (G1 Evacuation Pause) 516M->47M(523M) 22.6ms}.
 * The largest "before" is the peak heap used (garbage included, so it grows to what the collector allows); the
 * largest "after" bounds the live data.
 *
 * @param peakUsedMib largest heap occupancy before a collection, MiB
 * @param maxLiveMib largest occupancy after a collection, MiB
 * @param maxCommittedMib largest committed heap, MiB
 */
record GcLog(int collections, double peakUsedMib, double maxLiveMib, double maxCommittedMib) {
    private static final Pattern PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    static GcLog parse(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static GcLog parse(String text) {
        int n = 0;
        double before = 0;
        double after = 0;
        double committed = 0;
        Matcher m = PAUSE.matcher(text);
        while (m.find()) {
            n++;
            before = Math.max(before, mib(m.group(1), m.group(2)));
            after = Math.max(after, mib(m.group(3), m.group(4)));
            committed = Math.max(committed, mib(m.group(5), m.group(6)));
        }
        return new GcLog(n, before, after, committed);
    }

    private static double mib(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            default -> v;
        };
    }
}
