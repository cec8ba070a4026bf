package org.matscreen.spark.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.matscreen.core.adaptive.Observation;

/** What the strategy observes is what the ranking reads: flagged records unknown, sampled orderings averaged. */
class ObservationsTest {
    static final List<String> Q = List.of("dh_mix_ev_per_atom", "bulk_modulus_gpa");

    static Observed ok(long index, double dh, double b) {
        return new Observed(index, "id" + index, "ok", false, new double[] {dh, b});
    }

    @Test
    void oneOrderingPerCompositionEachRecordIsAnObservationAndFlaggedOnesAreUnknown() {
        List<Observation> o = Observations.of(List.of(ok(0, 0.1, 150), new Observed(1, "id1", "ok", true,
                new double[] {-0.2, 300}), new Observed(2, "id2", "crashed", false, new double[] {Double.NaN,
                        Double.NaN}), ok(5, 0.3, 170)), Q, 1);
        assertEquals(List.of(0L, 1L, 2L, 5L), o.stream().map(Observation::index).toList(), "all count");
        assertEquals(0.1, o.get(0).value("dh_mix_ev_per_atom"));
        assertEquals(150, o.get(0).value("bulk_modulus_gpa"));
        assertTrue(Double.isNaN(o.get(1).value("dh_mix_ev_per_atom")), "left out of the ranking: not observed");
        assertTrue(Double.isNaN(o.get(2).value("bulk_modulus_gpa")));
    }

    @Test
    void sampledOrderingsAreAveragedPerCompositionAsTheAggregatesAre() {
        // two orderings per composition: candidates 2g and 2g + 1 are composition g
        List<Observation> o = Observations.of(List.of(ok(0, 0.10, 150), ok(1, 0.14, 154),
                new Observed(2, "id2", "ok", true, new double[] {0.2, 160}), ok(3, 0.22, 162),
                new Observed(4, "id4", "timeout", false, new double[] {Double.NaN, Double.NaN}), ok(5, 0.3, 170)),
                Q, 2);
        assertEquals(List.of(0L, 1L, 2L), o.stream().map(Observation::index).toList());
        assertEquals(0.12, o.get(0).value("dh_mix_ev_per_atom"), 1e-15);
        assertEquals(152, o.get(0).value("bulk_modulus_gpa"), 1e-12);
        assertTrue(Double.isNaN(o.get(1).value("bulk_modulus_gpa")), "one ordering is flagged: no robust solution");
        assertEquals(0.3, o.get(2).value("dh_mix_ev_per_atom"), "the mean over the OK orderings");
    }
}
