package org.matscreen.core.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.matscreen.core.error.InvalidInputException;

/** A filter or objective on a metric the campaign's method does not compute is refused with file, field and reason. */
class MetricCoverageTest {
    static final String CAMPAIGN = """
            name: cuni
            space: {elements: [Cu, Ni], orders: [1, 2], step: 0.05}
            structure: {prototypes: [fcc], supercell: [5, 3, 3]}
            method: {potential: CuNi.eam.alloy, properties: {eos: true, elastic: true}}
            screening: {filters: ["dh_mix_ev_per_atom < 0.05", "pugh_ratio > 1.75"], objectives: ["max bulk_modulus_gpa"]}
            """;

    private static InvalidInputException refused(String yaml) {
        return assertThrows(InvalidInputException.class, () -> CampaignLoader.parse(yaml, "cuni.yaml"));
    }

    @Test
    void aPughFilterWithoutElasticConstantsIsRefused() {
        InvalidInputException e = refused(CAMPAIGN.replace("elastic: true", "elastic: false"));
        assertEquals("cuni.yaml", e.source());
        assertEquals("screening.filters[1]", e.field());
        assertTrue(e.reason().contains("pugh_ratio comes from the elastic constants")
                && e.reason().contains("method.properties.elastic is false"), e.reason());
    }

    @Test
    void aBulkModulusObjectiveWithoutTheEquationOfStateIsRefused() {
        InvalidInputException e = refused(CAMPAIGN.replace("eos: true", "eos: false"));
        assertEquals("screening.objectives[0]", e.field());
        assertTrue(e.reason().contains("bulk_modulus_gpa comes from the equation-of-state scan"), e.reason());
    }

    @Test
    void hexagonalConstantsNeedAnHcpPrototype() {
        // Since issue 13 the elastic tensor is computed for hcp cells too (C11, C12, C13, C33, C44, C66, Born
        // criteria, Pugh ratio): an hcp-only campaign may filter on the Pugh ratio, but C33 needs an hcp cell.
        CampaignLoader.parse(CAMPAIGN.replace("[fcc], supercell: [5, 3, 3]", "[hcp], supercell: [5, 2, 2]")
                .replace("step: 0.05", "step: 0.1"), "hcp.yaml");
        InvalidInputException e = refused(CAMPAIGN.replace("\"pugh_ratio > 1.75\"", "\"c33_gpa > 100\""));
        assertEquals("screening.filters[1]", e.field());
        assertTrue(e.reason().contains("c33_gpa is computed for hcp cells only"), e.reason());
        CampaignLoader.parse(CAMPAIGN.replace("[fcc], supercell: [5, 3, 3]", "[fcc, hcp], max_atoms: 200")
                .replace("\"pugh_ratio > 1.75\"", "\"c33_gpa > 100\""), "mixed.yaml");
    }

    @Test
    void probeMetricsNeedRelaxationModeBoth() {
        InvalidInputException e = refused(CAMPAIGN.replace("elastic: true}", "elastic: true}, relax: {mode: free}")
                .replace("\"pugh_ratio > 1.75\"", "\"free_energy_gain_ev_per_atom < 0.01\""));
        assertTrue(e.reason().contains("free_energy_gain_ev_per_atom comes from the free relaxation of the"
                + " instability probe") && e.reason().contains("method.relax.mode is not both"), e.reason());
    }

    @Test
    void whatTheMethodComputesIsAccepted() {
        CampaignLoader.parse(CAMPAIGN, "cuni.yaml");
        // descriptors and relaxation results need no property switch
        CampaignLoader.parse(CAMPAIGN.replace("eos: true, elastic: true", "eos: false, elastic: false")
                .replace("\"pugh_ratio > 1.75\"", "\"delta_pct < 6.6\"").replace("max bulk_modulus_gpa",
                        "min price_usd_per_kg"), "descriptors.yaml");
    }
}
