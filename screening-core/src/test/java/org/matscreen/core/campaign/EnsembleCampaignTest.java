package org.matscreen.core.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.matscreen.core.error.InvalidInputException;

/** {@code method.potential} as a list of potentials (an ensemble) and {@code screening.ensemble}. */
class EnsembleCampaignTest {
    static final String ENSEMBLE = """
            name: fenicr-ensemble
            space: {elements: [Fe, Ni, Cr], orders: [3], step: 0.1}
            structure: {prototypes: [fcc], max_atoms: 40, samples: 2}
            method: {potential: [kim:A_Model__MO_000000000001_000, kim:B_Model__MO_000000000002_000, zhou2004]}
            screening: {objectives: ["min dh_mix_ev_per_atom"], ensemble: worst}
            """;

    private static InvalidInputException bad(String yaml) {
        return assertThrows(InvalidInputException.class, () -> CampaignLoader.parse(yaml, "bad.yaml"));
    }

    @Test
    void aListOfPotentialsIsAnEnsembleInCampaignOrder() {
        CampaignSpec s = CampaignLoader.parse(ENSEMBLE, "e.yaml");
        assertTrue(s.method().isEnsemble());
        assertEquals(List.of("kim:A_Model__MO_000000000001_000", "kim:B_Model__MO_000000000002_000", "zhou2004"),
                s.method().ensemble());
        assertEquals(3, s.method().members());
        assertEquals("", s.method().potential());
        assertEquals(EnsembleRanking.WORST, s.screening().ensembleRanking());
        // 36 ternary compositions at a 10 % step, 2 orderings each, 3 potentials each
        assertEquals(36L * 2 * 3, s.candidateSpace().size());
        MethodSpec member = s.method().member("zhou2004");
        assertEquals("zhou2004", member.potential());
        assertFalse(member.isEnsemble());
        assertEquals(s.method().relax(), member.relax());
        assertEquals(s.method().properties(), member.properties());
    }

    @Test
    void aSingleValueAndAOneElementListStayOnePotential() {
        CampaignSpec single = CampaignLoader.parse(ENSEMBLE.replace("[kim:A_Model__MO_000000000001_000,"
                + " kim:B_Model__MO_000000000002_000, zhou2004]", "zhou2004").replace(", ensemble: worst", ""),
                "s.yaml");
        assertFalse(single.method().isEnsemble());
        assertEquals("zhou2004", single.method().potential());
        assertEquals(EnsembleRanking.MEAN, single.screening().ensembleRanking());
        assertEquals(36L * 2, single.candidateSpace().size());
        CampaignSpec oneElement = CampaignLoader.parse(ENSEMBLE.replace("[kim:A_Model__MO_000000000001_000,"
                + " kim:B_Model__MO_000000000002_000, zhou2004]", "[zhou2004]").replace(", ensemble: worst", ""),
                "s.yaml");
        assertFalse(oneElement.method().isEnsemble());
        assertEquals("zhou2004", oneElement.method().potential());
        assertEquals(EnsembleRanking.MEAN, CampaignLoader.parse(ENSEMBLE.replace(", ensemble: worst", ""), "e.yaml")
                .screening().ensembleRanking(), "mean by default");
    }

    @Test
    void membersMustBeDistinctAndEachOnePotential() {
        InvalidInputException twice = bad(ENSEMBLE.replace("zhou2004]", "kim:A_Model__MO_000000000001_000]"));
        assertEquals("method.potential[2]", twice.field());
        assertTrue(twice.reason().contains("already member [0]"), twice.getMessage());
        InvalidInputException map = bad(ENSEMBLE.replace("zhou2004]", "{Fe-Ni: CuNi.eam.alloy}]"));
        assertEquals("method.potential[2]", map.field());
        assertTrue(map.reason().contains("per-system map cannot be a member"), map.getMessage());
        assertEquals("method.potential", bad(ENSEMBLE.replace("[kim:A_Model__MO_000000000001_000,"
                + " kim:B_Model__MO_000000000002_000, zhou2004]", "[]")).field());
    }

    @Test
    void theEnsembleRankingNeedsAnEnsembleAndAKnownMode() {
        InvalidInputException mode = bad(ENSEMBLE.replace("ensemble: worst", "ensemble: median"));
        assertEquals("screening.ensemble", mode.field());
        assertTrue(mode.reason().contains("mean or worst"), mode.getMessage());
        InvalidInputException single = bad(ENSEMBLE.replace("[kim:A_Model__MO_000000000001_000,"
                + " kim:B_Model__MO_000000000002_000, zhou2004]", "zhou2004"));
        assertEquals("screening.ensemble", single.field());
        assertTrue(single.reason().contains("names one"), single.getMessage());
    }

    @Test
    void anAdaptiveCampaignCannotBeAnEnsemble() {
        InvalidInputException e = bad(ENSEMBLE.replace("ensemble: worst}", "ensemble: worst, strategy: adaptive,"
                + " adaptive: {budget: 20, batch: 5, initial: 10}}"));
        assertEquals("screening.strategy", e.field());
        assertTrue(e.reason().contains("screened exhaustively"), e.getMessage());
    }
}
