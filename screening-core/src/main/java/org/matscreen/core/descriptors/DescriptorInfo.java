package org.matscreen.core.descriptors;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a composition descriptor is, for screening criteria and reports that refer to it by key.
 *
 * @param key stable snake_case key with its unit, e.g. {@code price_usd_per_kg}; used in campaign files and columns
 * @param label short human-readable name
 * @param unit unit of the value ({@code 1} for dimensionless)
 * @param direction default direction of "better"
 * @param source where the formula and the element data come from
 */
public record DescriptorInfo(String key, String label, String unit, Direction direction, String source)
        implements Serializable {
    public DescriptorInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(source, "source");
    }
}
