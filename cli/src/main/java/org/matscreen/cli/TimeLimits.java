package org.matscreen.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.matscreen.core.error.InvalidInputException;

/**
 * Times as batch systems and matscreen's options write them: a job's wall-clock limit ({@code HH:MM:SS} or
 * {@code D-HH:MM:SS}, as Slurm's {@code --time} and PJM's {@code elapse}), a margin ({@code 90s}, {@code 5m},
 * {@code 1h}, or {@code HH:MM:SS}) and a deadline (an instant). Bad text is an input error naming the option.
 */
final class TimeLimits {
    private static final Pattern WALL = Pattern.compile("(?:(\\d{1,3})-)?(\\d{1,3}):(\\d{2}):(\\d{2})");
    private static final Pattern SHORT = Pattern.compile("(\\d{1,7})([smh]?)");

    private TimeLimits() {}

    /** A wall-clock limit {@code [D-]HH:MM:SS} (minutes and seconds below 60), at least one minute. */
    static Duration parseWallTime(String text, String option) {
        Matcher m = WALL.matcher(text == null ? "" : text.strip());
        if (m.matches()) {
            long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            long h = Long.parseLong(m.group(2));
            long min = Long.parseLong(m.group(3));
            long sec = Long.parseLong(m.group(4));
            if (min < 60 && sec < 60) {
                Duration d = Duration.ofDays(days).plusHours(h).plusMinutes(min).plusSeconds(sec);
                if (d.compareTo(Duration.ofMinutes(1)) >= 0) {
                    return d;
                }
                throw new InvalidInputException(option, text, "must be at least 00:01:00 (batch systems count"
                        + " whole minutes)");
            }
        }
        throw new InvalidInputException(option, String.valueOf(text), "expected HH:MM:SS or D-HH:MM:SS"
                + " (e.g. 02:00:00)");
    }

    /** A margin: {@code 90}, {@code 90s}, {@code 5m}, {@code 1h} or {@code HH:MM:SS}. */
    static Duration parseMargin(String text, String option) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(s);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        }
        Matcher w = WALL.matcher(s);
        if (w.matches() && w.group(1) == null && Integer.parseInt(w.group(3)) < 60
                && Integer.parseInt(w.group(4)) < 60) {
            return Duration.ofHours(Long.parseLong(w.group(2))).plusMinutes(Long.parseLong(w.group(3)))
                    .plusSeconds(Long.parseLong(w.group(4)));
        }
        throw new InvalidInputException(option, String.valueOf(text), "expected seconds, 90s, 5m, 1h or HH:MM:SS");
    }

    /** A deadline: an ISO-8601 instant or date-time with offset, or whole seconds since the epoch. */
    static Instant parseDeadline(String text, String option) {
        String s = text == null ? "" : text.strip();
        if (s.matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(s));
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(option, text, "expected an ISO-8601 time with its offset"
                    + " (2030-01-31T18:00:00Z, 2030-01-31T18:00:00+09:00) or seconds since the epoch");
        }
    }

    /** {@code HH:MM:SS} (hours may exceed 24), the form both Slurm and PJM accept. */
    static String format(Duration d) {
        long s = d.getSeconds();
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
    }
}
