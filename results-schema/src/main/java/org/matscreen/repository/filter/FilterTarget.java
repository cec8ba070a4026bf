package org.matscreen.repository.filter;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry a compiled filter is evaluated against, seen only through its property values. Implementations return, for
 * the dotted property name the {@link PropertyCatalogue} declares:
 * <ul>
 *   <li>{@link String} for strings; a timestamp as an RFC 3339 {@code String}, or an {@link java.time.Instant},
 *       {@link java.time.OffsetDateTime} or {@link java.time.ZonedDateTime};</li>
 *   <li>a {@link Number} for integers and floats ({@code Long}/{@code Double} preferred; a NaN counts as unknown);</li>
 *   <li>{@link Boolean} for booleans;</li>
 *   <li>a {@link java.util.List} for lists, with {@code null} items standing for unknown items;</li>
 *   <li>{@link Optional#empty()} when the value is unknown ({@code null} in OPTIMADE terms).</li>
 * </ul>
 * A value of another class than its declared type is a bug in the implementation, not in the filter, and makes
 * evaluation throw {@link org.matscreen.core.error.MatscreenException}.
 */
@FunctionalInterface
public interface FilterTarget {
    /** The value of {@code property}, or empty if it is unknown. */
    Optional<?> value(String property);

    /** A target over a map from property names to values; a missing key and a {@code null} value are both unknown. */
    static FilterTarget of(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        return property -> Optional.ofNullable(values.get(property));
    }
}
