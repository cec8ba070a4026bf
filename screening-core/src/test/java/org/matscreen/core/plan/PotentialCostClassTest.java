package org.matscreen.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.matscreen.core.campaign.CampaignLoader;
import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.structure.Prototype;

class PotentialCostClassTest {
    static final CampaignSpec SPEC = CampaignLoader.parse("""
            name: cost
            space: {elements: [Co, Ni], orders: [2], step: 0.25}
            structure: {prototypes: [fcc], supercell: [3, 3, 3]}
            method: {potential: kim:MEAM_X__MO_1}
            """, "cost.yaml");

    @Test
    void thePriorScalesWithThePotentialsKind() {
        double eam = CostModel.prior(SPEC).seconds(Prototype.FCC);
        assertEquals(eam, CostModel.prior(SPEC, PotentialCostClass.EAM).seconds(Prototype.FCC), 1e-12);
        assertEquals(9.4 * eam, CostModel.prior(SPEC, PotentialCostClass.MEAM).seconds(Prototype.FCC), 1e-9);
        assertTrue(PotentialCostClass.SNAP.relativeCost() > PotentialCostClass.MEAM.relativeCost()
                && PotentialCostClass.MEAM.relativeCost() > PotentialCostClass.KIM_EAM.relativeCost()
                && PotentialCostClass.KIM_EAM.relativeCost() > PotentialCostClass.EAM.relativeCost());
    }

    @Test
    void measuredCostsStillCorrectThePrior() {
        // 108 atoms × (130 + 400 + 19·40) evaluations (relaxation mode both: shape-fixed relaxation and the free
        // probe; a 7-point E(V) scan and 12 strained cells): a measured 13.932 s per candidate implies 1e-4 s per
        // atom-evaluation.
        CostModel m = CostModel.prior(SPEC, PotentialCostClass.SNAP).calibrated(Prototype.FCC, 13.932);
        assertEquals(1e-4, m.secondsPerAtomEvaluation(), 1e-12);
    }

    @Test
    void kimKindsMapToClasses() {
        assertEquals(PotentialCostClass.MEAM, PotentialCostClass.ofKimKind("meam"));
        assertEquals(PotentialCostClass.SNAP, PotentialCostClass.ofKimKind("SNAP"));
        assertEquals(PotentialCostClass.KIM_EAM, PotentialCostClass.ofKimKind("eam"));
        assertEquals(PotentialCostClass.OTHER, PotentialCostClass.ofKimKind("tersoff"));
        assertEquals("meam x9.4", PotentialCostClass.MEAM.label());
        assertEquals("snap x60", PotentialCostClass.SNAP.label());
    }
}
