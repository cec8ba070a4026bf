package org.matscreen.repository.filter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.matscreen.core.error.MatscreenException;

/**
 * Checks and normalises the values a {@link FilterTarget} returns against the declared {@link PropertyType}, and
 * compares numbers exactly across integer and floating-point representations.
 */
final class EntryValues {
    private static final double TWO_TO_63 = 0x1p63;

    private EntryValues() {
    }

    /**
     * {@code raw} as the compiled nodes expect it: numbers as {@link Long}/{@link Double} (NaN as unknown, i.e.
     * {@code null}), timestamps as {@link Instant}, everything else unchanged.
     *
     * @throws MatscreenException if the value's class does not fit the declared type (a bug in the target)
     */
    static Object normalise(Object raw, PropertyType type, String property) {
        switch (type) {
            case STRING:
                if (raw instanceof String) {
                    return raw;
                }
                break;
            case INTEGER:
            case FLOAT:
                if (raw instanceof Number) {
                    return number((Number) raw);
                }
                break;
            case BOOLEAN:
                if (raw instanceof Boolean) {
                    return raw;
                }
                break;
            case TIMESTAMP:
                return timestamp(raw, property);
            default:
                if (raw instanceof List) {
                    return raw;
                }
                break;
        }
        throw mismatch(raw, type, property);
    }

    /** A list item normalised like a scalar of {@code elementType}; a {@code null} item is unknown. */
    static Object element(Object raw, PropertyType elementType, String property) {
        return raw == null ? null : normalise(raw, elementType, property);
    }

    /**
     * Three-way comparison of two numbers, exact between a long and a double (a long beyond 2^53 is not rounded), and
     * with {@code -0.0 == 0.0} so that "equality to zero", which the spec requires, holds for either zero. Neither
     * argument is NaN: {@link #normalise} turns NaN into unknown.
     */
    static int compareNumbers(Number a, Number b) {
        boolean aIntegral = a instanceof Long;
        boolean bIntegral = b instanceof Long;
        if (aIntegral && bIntegral) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if (aIntegral) {
            return compareLongToDouble(a.longValue(), b.doubleValue());
        }
        if (bIntegral) {
            return -compareLongToDouble(b.longValue(), a.doubleValue());
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        return x < y ? -1 : (x > y ? 1 : 0);
    }

    private static int compareLongToDouble(long l, double d) {
        if (d >= TWO_TO_63) {
            return -1;
        }
        if (d < -TWO_TO_63) {
            return 1;
        }
        // Rounding a long to double is monotonic, so a strict difference after rounding is a strict difference before.
        double rounded = l;
        if (rounded < d) {
            return -1;
        }
        if (rounded > d) {
            return 1;
        }
        // Equal after rounding: d is then integral and within long range, so the comparison can be made exactly.
        return Long.compare(l, (long) d);
    }

    private static Object number(Number n) {
        if (n instanceof Long) {
            return n;
        }
        if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        if (n instanceof BigInteger && ((BigInteger) n).bitLength() < 64) {
            return n.longValue();
        }
        if (n instanceof BigDecimal) {
            BigDecimal exact = ((BigDecimal) n).stripTrailingZeros();
            if (exact.scale() <= 0 && exact.precision() - exact.scale() < 19) {
                return exact.longValueExact();
            }
        }
        double d = n.doubleValue();
        return Double.isNaN(d) ? null : d;
    }

    private static Instant timestamp(Object raw, String property) {
        if (raw instanceof Instant) {
            return (Instant) raw;
        }
        if (raw instanceof OffsetDateTime) {
            return ((OffsetDateTime) raw).toInstant();
        }
        if (raw instanceof ZonedDateTime) {
            return ((ZonedDateTime) raw).toInstant();
        }
        if (raw instanceof String) {
            return Rfc3339.parse((String) raw).orElseThrow(() -> new MatscreenException("entry value of timestamp"
                    + " property '" + property + "' is not an RFC 3339 date-time: '" + raw + "'"));
        }
        throw mismatch(raw, PropertyType.TIMESTAMP, property);
    }

    private static MatscreenException mismatch(Object raw, PropertyType type, String property) {
        return new MatscreenException("filter target returned a " + raw.getClass().getName() + " for property '"
                + property + "', which the catalogue declares as " + type.description());
    }
}
