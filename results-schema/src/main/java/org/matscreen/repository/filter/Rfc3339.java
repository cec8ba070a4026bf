package org.matscreen.repository.filter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 3339 date-times (section 5.6), the form OPTIMADE gives timestamps in filters. Checked with a pattern first
 * because {@link OffsetDateTime#parse} is more lenient (it accepts a missing seconds field, which RFC 3339 does not)
 * and stricter in places RFC 3339 is not (lower-case {@code t}/{@code z}, the space separator of its section 5.6 note,
 * fractions beyond nanoseconds).
 */
final class Rfc3339 {
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:\\d{2}:\\d{2})(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");

    private Rfc3339() {
    }

    /** The instant {@code text} denotes, or empty if it is not an RFC 3339 date-time. */
    static Optional<Instant> parse(String text) {
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String fraction = m.group(3) == null ? "" : m.group(3).substring(0, Math.min(m.group(3).length(), 10));
        String offset = m.group(4).equalsIgnoreCase("z") ? "Z" : m.group(4);
        try {
            return Optional.of(OffsetDateTime.parse(m.group(1) + "T" + m.group(2) + fraction + offset).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty(); // e.g. month 13, or a leap second, which java.time cannot represent
        }
    }
}
