package org.matscreen.core.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Readable metric names for axes and captions (issue 18, item 11). */
class MetricLabelsTest {
    @Test
    void knownMetricsHaveNamesAndUnits() {
        assertEquals("Mixing enthalpy ΔH_mix (eV/atom)", MetricLabels.withUnit("dh_mix_ev_per_atom"));
        assertEquals("Pugh ratio B/G", MetricLabels.withUnit("pugh_ratio"), "dimensionless: no empty brackets");
        assertEquals("Ω parameter", MetricLabels.withUnit("omega"), "unit 1 is not printed");
        assertEquals("CO₂ footprint (kg CO2-eq/kg)", MetricLabels.withUnit("co2_kg_per_kg"));
    }

    @Test
    void everyMetricGetsANameThatIsNotItsKey() {
        for (String key : Metrics.all().keySet()) {
            String name = MetricLabels.name(key);
            assertFalse(name.contains("_") && name.equals(key), key + " -> " + name);
            assertFalse(name.isBlank(), key);
        }
        assertEquals("Free cell shape strain", MetricLabels.name("free_cell_shape_strain"), "derived from the key");
        assertEquals("Eos rms residual", MetricLabels.name("eos_rms_residual_ev_per_atom"), "unit suffix removed");
    }
}
