package org.matscreen.core.screening;

/**
 * A named number of a screened candidate that criteria, objectives, tables and queries can refer to.
 *
 * @param key snake_case name with its unit, e.g. {@code bulk_modulus_gpa}
 * @param unit unit text for tables and schema documentation ("" for dimensionless)
 * @param description one line for documentation
 */
public record Metric(String key, String unit, String description) {}
