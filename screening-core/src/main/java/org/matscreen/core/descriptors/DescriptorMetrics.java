package org.matscreen.core.descriptors;

import java.util.List;
import org.matscreen.core.screening.Metric;
import org.matscreen.core.screening.MetricSource;

/** Makes every composition descriptor a screening metric (criteria, objectives, tables, repository columns). */
public final class DescriptorMetrics implements MetricSource {
    @Override
    public List<Metric> metrics() {
        return DescriptorRegistry.all().stream()
                .map(d -> new Metric(d.key(), d.unit(), d.label() + " (" + d.source() + ")"))
                .toList();
    }
}
