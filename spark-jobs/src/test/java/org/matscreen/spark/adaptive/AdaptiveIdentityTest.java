package org.matscreen.spark.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.matscreen.core.campaign.CampaignLoader;
import org.matscreen.core.campaign.CampaignSpec;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.repository.AdaptiveManifest;
import org.matscreen.repository.Manifest;

/** Which campaigns may continue which repository: the strategy's settings are part of the campaign's identity. */
class AdaptiveIdentityTest {
    static final String BASE = """
            name: id-test
            space: {elements: [Cu, Ni], orders: [1, 2], step: 0.025}
            structure: {prototypes: [fcc], supercell: [5, 2, 2]}
            method: {potential: CuNi.eam.alloy}
            screening:
              objectives: ["min dh_mix_ev_per_atom", "max bulk_modulus_gpa"]
            """;
    static final String ADAPTIVE = BASE + """
              strategy: adaptive
              adaptive: {budget: 16, initial: 6, batch: 4, seed: 3}
            """;

    static CampaignSpec spec(String yaml) {
        return CampaignLoader.parse(yaml, "c.yaml");
    }

    static Manifest manifest(AdaptiveManifest a, long records) {
        return new Manifest(1, "id-test", "", "", "t", "t", "f", 41, records == 0 ? Map.of() : Map.of("ok", records),
                "v", "c", "", new Manifest.Potential("p", "eam/alloy", "k", "", List.of()), List.of(), a);
    }

    @Test
    void theSameSettingsContinueAndARaisedBudgetIsRecorded() {
        CampaignSpec s = spec(ADAPTIVE);
        Manifest m = manifest(AdaptiveIdentity.initial(s), 6);
        assertSame(m, AdaptiveIdentity.check(m, s, "repo", () -> 6));
        Manifest raised = AdaptiveIdentity.check(m, spec(ADAPTIVE.replace("budget: 16", "budget: 30")), "repo",
                () -> 6);
        assertEquals(30, raised.adaptive().budget());
        assertEquals(m.adaptive().settings(), raised.adaptive().settings());
    }

    @Test
    void aChangedSettingIsRefusedNamingIt() {
        Manifest m = manifest(AdaptiveIdentity.initial(spec(ADAPTIVE)), 6);
        InvalidInputException seed = assertThrows(InvalidInputException.class, () -> AdaptiveIdentity.check(m,
                spec(ADAPTIVE.replace("seed: 3", "seed: 4")), "repo", () -> 6));
        assertEquals("screening.adaptive.seed", seed.field());
        assertTrue(seed.reason().contains("was 3") && seed.reason().contains("is 4 now"), seed.reason());
        InvalidInputException initial = assertThrows(InvalidInputException.class, () -> AdaptiveIdentity.check(m,
                spec(ADAPTIVE.replace("initial: 6", "initial: 8")), "repo", () -> 6));
        assertEquals("screening.adaptive.initial", initial.field());
        InvalidInputException objectives = assertThrows(InvalidInputException.class, () -> AdaptiveIdentity.check(m,
                spec(ADAPTIVE.replace("max bulk_modulus_gpa", "max lattice_parameter_angstrom")), "repo", () -> 6));
        assertEquals("screening.objectives", objectives.field());
    }

    @Test
    void aRepositoryIsNotSwitchedBetweenExhaustiveAndAdaptive() {
        // adaptive campaign, repository screened exhaustively (records a killed run left, not yet in the manifest)
        InvalidInputException toAdaptive = assertThrows(InvalidInputException.class, () -> AdaptiveIdentity.check(
                manifest(null, 0), spec(ADAPTIVE), "repo", () -> 12));
        assertEquals("screening.strategy", toAdaptive.field());
        assertTrue(toAdaptive.reason().contains("exhaustively") && toAdaptive.reason().contains("--fresh"));
        // an empty repository (identity written, nothing computed) is adopted
        assertEquals(16, AdaptiveIdentity.check(manifest(null, 0), spec(ADAPTIVE), "repo", () -> 0).adaptive()
                .budget());
        InvalidInputException toExhaustive = assertThrows(InvalidInputException.class, () -> AdaptiveIdentity.check(
                manifest(AdaptiveIdentity.initial(spec(ADAPTIVE)), 6), spec(BASE), "repo", () -> 6));
        assertEquals("screening.strategy", toExhaustive.field());
        assertNull(AdaptiveIdentity.initial(spec(BASE)));
    }
}
