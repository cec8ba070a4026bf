package org.matscreen.core.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.matscreen.core.error.InvalidInputException;

/** {@code screening.strategy} and {@code screening.adaptive}: defaults, values, and errors naming field and reason. */
class StrategySettingsTest {
    // Cu–Ni binaries and pure metals at 5 %: 21 candidates
    static final String BASE = """
            name: cuni
            space: {elements: [Cu, Ni], orders: [1, 2], step: 0.05}
            structure: {prototypes: [fcc], supercell: [5, 3, 3]}
            method: {potential: CuNi.eam.alloy}
            screening:
              filters: ["bulk_modulus_gpa > 100"]
              objectives: ["min dh_mix_ev_per_atom", "max bulk_modulus_gpa"]
            """;

    static CampaignSpec parse(String screeningExtra) {
        return CampaignLoader.parse(BASE + screeningExtra, "a.yaml");
    }

    static InvalidInputException bad(String screeningExtra) {
        return assertThrows(InvalidInputException.class, () -> parse(screeningExtra));
    }

    static void assertError(InvalidInputException e, String field, String reasonPart) {
        assertEquals("a.yaml", e.source());
        assertEquals(field, e.field());
        assertTrue(e.reason().contains(reasonPart), e.getMessage());
    }

    @Test
    void exhaustiveIsTheDefault() {
        assertInstanceOf(StrategySpec.Exhaustive.class, parse("").screening().strategy());
        assertInstanceOf(StrategySpec.Exhaustive.class, parse("  strategy: exhaustive\n").screening().strategy());
        assertEquals("exhaustive", parse("").screening().strategy().key());
    }

    @Test
    void readsAnAdaptiveCampaignWithDefaults() {
        StrategySpec.Adaptive a = assertInstanceOf(StrategySpec.Adaptive.class,
                parse("  strategy: adaptive\n  adaptive: {budget: 12}\n").screening().strategy());
        assertEquals(12, a.budget());
        assertEquals(10, a.batch());
        assertEquals(3, a.initial()); // 5 per element (10) capped at a quarter of the budget, at least 3
        assertEquals(0, a.seed());
        assertEquals(StrategySpec.BatchRule.KRIGING_BELIEVER, a.batchRule());
        assertEquals(200, a.shortlist());
        assertEquals(Map.of(), a.referencePoint());
        assertEquals(5, a.fitRestarts());
        assertEquals(400, a.maxFitPoints());
    }

    @Test
    void readsEveryAdaptiveSetting() {
        StrategySpec.Adaptive a = assertInstanceOf(StrategySpec.Adaptive.class, parse("""
                  strategy: adaptive
                  adaptive:
                    budget: 15
                    batch: 4
                    initial: 6
                    seed: 42
                    batch_rule: constant_liar
                    shortlist: 50
                    reference_point: {dh_mix_ev_per_atom: 0.05, bulk_modulus_gpa: 120}
                    fit_restarts: 2
                    max_fit_points: 100
                """).screening().strategy());
        assertEquals(new StrategySpec.Adaptive(15, 4, 6, 42, StrategySpec.BatchRule.CONSTANT_LIAR, 50,
                Map.of("dh_mix_ev_per_atom", 0.05, "bulk_modulus_gpa", 120.0), 2, 100), a);
    }

    @Test
    void badSettingsNameTheirField() {
        assertError(bad("  strategy: greedy\n"), "screening.strategy", "must be exhaustive or adaptive");
        assertError(bad("  strategy: adaptive\n"), "screening.adaptive", "is required");
        assertError(bad("  strategy: adaptive\n  adaptive: {batch: 3}\n"), "screening.adaptive.budget", "is required");
        assertError(bad("  adaptive: {budget: 10}\n"), "screening.adaptive", "only with 'strategy: adaptive'");
        assertError(bad("  strategy: adaptive\n  adaptive: {budget: 10, bach: 3}\n"), "screening.adaptive.bach",
                "unknown key");
        assertError(bad("  strategy: adaptive\n  adaptive: {budget: 10, batch: 11}\n"),
                "screening.adaptive.batch", "between 1 and 10");
        assertError(bad("  strategy: adaptive\n  adaptive: {budget: 10, initial: 2}\n"),
                "screening.adaptive.initial", "between 3 and 10");
        assertError(bad("  strategy: adaptive\n  adaptive: {budget: 10, batch_rule: liar}\n"),
                "screening.adaptive.batch_rule", "kriging_believer or constant_liar");
        assertError(bad("  strategy: adaptive\n  adaptive: {budget: 10, batch: 5, shortlist: 4}\n"),
                "screening.adaptive.shortlist", "at least the batch size 5");
        assertError(bad("  strategy: adaptive\n  adaptive: {budget: 10, reference_point: {density_g_per_cm3: 1}}\n"),
                "screening.adaptive.reference_point.density_g_per_cm3", "not an objective");
        assertError(bad("  strategy: adaptive\n  adaptive: {budget: 10, reference_point: {bulk_modulus_gpa: 1}}\n"),
                "screening.adaptive.reference_point", "no value for objective 'dh_mix_ev_per_atom'");
        assertError(bad("  strategy: adaptive\n  adaptive: {budget: 10, seed: -1}\n"), "screening.adaptive.seed",
                "between 0");
    }

    @Test
    void aBudgetThatCoversTheSpaceIsRefused() {
        assertError(bad("  strategy: adaptive\n  adaptive: {budget: 21}\n"), "screening.adaptive.budget",
                "the space holds 21 candidates");
        parse("  strategy: adaptive\n  adaptive: {budget: 20}\n");
    }

    @Test
    void anEqualityFilterOnASimulatedQuantityCannotBeEstimated() {
        String yaml = BASE.replace("bulk_modulus_gpa > 100", "bulk_modulus_gpa == 100")
                + "  strategy: adaptive\n  adaptive: {budget: 10}\n";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CampaignLoader.parse(yaml,
                "a.yaml"));
        assertError(e, "screening.filters[0]", "exactly 100.0");
    }

    @Test
    void atMostFourObjectives() {
        String yaml = BASE.replace("objectives: [\"min dh_mix_ev_per_atom\", \"max bulk_modulus_gpa\"]",
                "objectives: [min dh_mix_ev_per_atom, max bulk_modulus_gpa, min density_g_per_cm3, max c44_gpa,"
                        + " min price_usd_per_kg]")
                + "  strategy: adaptive\n  adaptive: {budget: 10}\n";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CampaignLoader.parse(yaml,
                "a.yaml"));
        assertError(e, "screening.objectives", "at most 4 objectives");
    }
}
