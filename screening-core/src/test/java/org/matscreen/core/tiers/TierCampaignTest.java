package org.matscreen.core.tiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.matscreen.core.campaign.CampaignLoader;
import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.space.Candidate;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.SiteOrdering;
import org.matscreen.core.structure.Supercell;

class TierCampaignTest {
    private static final String YAML = org.matscreen.core.campaign.TierCampaignYamlTest.TWO_TIERS;
    private static final CampaignSpec CAMPAIGN = CampaignLoader.parse(YAML, "t.yaml");

    private static TierPick pick(int rank, String formula, Prototype p) {
        return new TierPick(rank, "id" + rank, Composition.parse(formula), p);
    }

    @Test
    void smallestExactCellsGiveTheOrderedStructures() {
        // both compositions in both prototypes: x = 1/4 needs 4 sites (hand count: x n whole), so the conventional
        // fcc cell (4 sites, where Ni3Al can only be L1_2) and two bcc cells (4 sites)
        TierCampaign t = TierCampaign.derive(CAMPAIGN, YAML, 0, List.of(pick(1, "Al0.25Ni0.75", Prototype.FCC),
                pick(2, "Al0.5Ni0.5", Prototype.BCC)));
        assertEquals("nial-dft", t.spec().name());
        assertEquals(4, t.spec().structure().supercells().get(Prototype.FCC).sites(Prototype.FCC));
        assertEquals(4, t.spec().structure().supercells().get(Prototype.BCC).sites(Prototype.BCC));
        assertEquals(4, t.spec().candidateSpace().size());
        // the tier's file is a campaign of its own: the tier's method as written, the campaign's criteria
        assertEquals(t.spec().method(), CampaignLoader.parse(t.yaml(), "again").method());
        assertTrue(t.yaml().contains("cutoff_ev: 450"), t.yaml());
        assertEquals(CAMPAIGN.screening().objectives(), t.spec().screening().objectives());
        assertTrue(t.spec().tiers().isEmpty());
        assertEquals(SiteOrdering.SQS, t.spec().structure().ordering());
        assertEquals(0.0, t.spec().structure().compositionTolerance());
        assertEquals("gpaw", t.spec().method().code());
        assertEquals(2, t.spec().screening().top());
        assertTrue(t.skipped().isEmpty());
        // every candidate of the tier's space is exact in its cell
        var space = t.spec().candidateSpace();
        for (long i = 0; i < space.size(); i++) {
            Candidate c = space.candidate(i);
            int sites = t.spec().structure().supercells().get(c.prototype()).sites(c.prototype());
            for (double x : c.composition().fractions()) {
                assertEquals(Math.rint(x * sites), x * sites, 1e-9, c.composition().formula());
            }
        }
    }

    @Test
    void picksThatNeedMoreAtomsThanTheTierAffordsAreSkippedWithTheReason() {
        // max_atoms 8: x = 1/4 and 1/2 on bcc share a 4-site cell; Al0.2Ni0.8 needs 5 sites, 20 together with them
        TierCampaign t = TierCampaign.derive(CAMPAIGN, YAML, 0, List.of(pick(1, "Al0.25Ni0.75", Prototype.BCC),
                pick(2, "Al0.2Ni0.8", Prototype.BCC), pick(3, "Al0.5Ni0.5", Prototype.BCC)));
        assertEquals(List.of(1, 3), t.picks().stream().map(TierPick::rank).toList());
        assertEquals(4, t.spec().structure().supercells().get(Prototype.BCC).sites(Prototype.BCC));
        assertEquals(1, t.skipped().size());
        assertTrue(t.skipped().get(0).contains("rank 2") && t.skipped().get(0).contains("4 to 8 atoms"),
                t.skipped().get(0));
        assertThrows(IllegalArgumentException.class, () -> TierCampaign.derive(CAMPAIGN, YAML, 0, List.of()));
        // only the tier's top 3 are considered, however many the previous tier ranked
        TierCampaign four = TierCampaign.derive(CAMPAIGN, YAML, 0, List.of(pick(1, "Al0.25Ni0.75", Prototype.FCC),
                pick(2, "Al0.5Ni0.5", Prototype.FCC), pick(3, "Al0.75Ni0.25", Prototype.FCC),
                pick(4, "Ni", Prototype.FCC)));
        assertEquals(3, four.picks().size());
    }

    @Test
    void solidSolutionsGetEightSitesByDefault() {
        // without min_atoms, x = 1/4 on fcc gets 8 sites (2 Al), not the 4 where it can only be L1_2
        CampaignSpec c = CampaignLoader.parse(YAML.replace("min_atoms: 4, ", ""), "t.yaml");
        TierCampaign t = TierCampaign.derive(c, YAML.replace("min_atoms: 4, ", ""), 0,
                List.of(pick(1, "Al0.25Ni0.75", Prototype.FCC)));
        assertEquals(8, t.spec().structure().supercells().get(Prototype.FCC).sites(Prototype.FCC));
        assertEquals("fcc 2x1x1 (8 sites)", t.cells().replace("1x2x1", "2x1x1").replace("1x1x2", "2x1x1")
                .replace(", sqs", ""));
    }

    @Test
    void smallestPrefersFewerSitesToACubicCell() {
        // mostCompact picks the cubic 2x2x2 bcc (16 sites) for a multiple of 4; an expensive tier wants 2x1x1
        assertEquals(new Supercell(2, 2, 2), Supercell.mostCompact(Prototype.BCC, 4, 16));
        assertEquals(4, Supercell.smallest(Prototype.BCC, 4, 16).sites(Prototype.BCC));
        assertEquals(new Supercell(1, 1, 1), Supercell.smallest(Prototype.FCC, 1, 16));
        assertEquals(null, Supercell.smallest(Prototype.FCC, 5, 16));
    }

    @Test
    void theShippedMultiFidelityCampaignDerivesItsDftTier() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of("..", "configs", "nial-multifidelity.yaml");
        String yaml = java.nio.file.Files.readString(file);
        CampaignSpec c = CampaignLoader.load(file);
        assertEquals("gpaw", c.tiers().get(0).method().code());
        // the best four of a 1/8 grid: x = 3/8 and 1/2 need 8 sites, as do 1/4 and 5/8; fcc 2x1x1, bcc 2x2x1
        TierCampaign t = TierCampaign.derive(c, yaml, 0, List.of(pick(1, "Al0.375Ni0.625", Prototype.BCC),
                pick(2, "Al0.5Ni0.5", Prototype.BCC), pick(3, "Al0.25Ni0.75", Prototype.FCC),
                pick(4, "Al0.625Ni0.375", Prototype.BCC), pick(5, "Al0.125Ni0.875", Prototype.FCC)));
        assertEquals(4, t.picks().size());
        assertEquals(8, t.spec().structure().supercells().get(Prototype.FCC).sites(Prototype.FCC));
        assertEquals(8, t.spec().structure().supercells().get(Prototype.BCC).sites(Prototype.BCC));
        assertEquals(8, t.spec().candidateSpace().size(), "4 compositions x 2 prototypes");
        assertEquals("nial-multifidelity-dft", t.spec().name());
    }
}
