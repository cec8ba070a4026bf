package org.matscreen.optimade.index;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instant of a filter's timestamp string, for comparing it with a millisecond column. The filter compiler has
 * already accepted the string as an RFC 3339 date-time (or answered 400); this reads it the same way (lower-case
 * {@code t}/{@code z} and the space separator allowed, fractions beyond nanoseconds cut), since the compiler's own
 * reader is not public.
 */
final class Rfc3339 {
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:\\d{2}:\\d{2})(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");

    private Rfc3339() {}

    static Instant parse(String text) {
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an RFC 3339 date-time: " + text);
        }
        String fraction = m.group(3) == null ? "" : m.group(3).substring(0, Math.min(m.group(3).length(), 10));
        String offset = m.group(4).equalsIgnoreCase("z") ? "Z" : m.group(4);
        return OffsetDateTime.parse(m.group(1) + "T" + m.group(2) + fraction + offset).toInstant();
    }
}
