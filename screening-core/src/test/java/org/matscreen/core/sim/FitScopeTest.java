package org.matscreen.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FitScopeTest {
    // Pun, Yamakov, Mishin 2015 fitted Ni-Al, Ni-Co and Al-Co; a Ni-Al-only potential (Mishin 2004) covers one pair.
    static final FitScope NI_AL = FitScope.of("Ni-Al");

    @Test
    void pairsAreCanonicalAndCounted() {
        assertEquals(Set.of("Al-Ni"), NI_AL.fittedPairs());
        assertEquals(List.of("Al-Co", "Al-Ni", "Co-Ni"), FitScope.pairs(List.of("Ni", "Co", "Al")));
        assertEquals(10, FitScope.pairs(List.of("Co", "Cr", "Fe", "Mn", "Ni")).size());
    }

    @Test
    void fitOfACompositionFollowsItsPairs() {
        assertEquals(FitScope.Fit.FITTED, NI_AL.fitOf(List.of("Al", "Ni")));
        assertEquals(FitScope.Fit.FITTED, NI_AL.fitOf(List.of("Ni")));
        assertEquals(FitScope.Fit.PARTIAL, NI_AL.fitOf(List.of("Al", "Co", "Ni")));
        assertEquals(List.of("Al-Ni"), NI_AL.fittedPairsOf(List.of("Al", "Co", "Ni")));
        assertEquals(FitScope.Fit.MIXING_RULE, NI_AL.fitOf(List.of("Co", "Ni")));
        assertEquals(FitScope.Fit.MIXING_RULE, FitScope.MIXING_RULE.fitOf(List.of("Cu", "Ta")));
        assertEquals(FitScope.Fit.UNKNOWN, FitScope.UNKNOWN.fitOf(List.of("Cu", "Ta")));
        assertEquals(FitScope.Fit.FITTED, FitScope.wholeSystem(List.of("Co", "Cr", "Fe", "Mn", "Ni"))
                .fitOf(List.of("Cr", "Mn")));
    }

    @Test
    void keyRoundTrips() {
        for (FitScope s : List.of(NI_AL, FitScope.UNKNOWN, FitScope.MIXING_RULE, FitScope.of("Co-Ni", "Al-Co"))) {
            assertEquals(s, FitScope.parse(s.key()));
        }
        assertEquals("fitted:Al-Co,Co-Ni", FitScope.of("Ni-Co", "Co-Al").key());
    }

    @Test
    void energyRankingWithAMixingRuleIsWarnedAbout() {
        var w = FitScope.MIXING_RULE.energyRankingWarning(List.of("dh_form_ev_per_atom", "price_usd_per_kg"),
                List.of("Co", "Cr", "Fe", "Ni"), "zhou2004");
        assertTrue(w.isPresent());
        assertTrue(w.get().contains("none of the 6 unlike pairs"), w.get());
        assertTrue(NI_AL.energyRankingWarning(List.of("dh_mix_ev_per_atom"), List.of("Al", "Co", "Ni"), "p").get()
                .contains("1 of the 3"));
        assertTrue(NI_AL.energyRankingWarning(List.of("dh_mix_ev_per_atom"), List.of("Al", "Ni"), "p").isEmpty());
        assertTrue(FitScope.MIXING_RULE.energyRankingWarning(List.of("bulk_modulus_gpa"), List.of("Cu", "Ta"), "p")
                .isEmpty());
    }
}
