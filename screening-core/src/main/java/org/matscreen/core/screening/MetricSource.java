package org.matscreen.core.screening;

import java.util.List;

/**
 * A provider of further metrics (e.g. composition descriptors), found with {@link java.util.ServiceLoader} so the
 * catalogue grows without {@link Metrics} knowing every provider.
 */
public interface MetricSource {
    List<Metric> metrics();
}
