package org.matscreen.core.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.matscreen.core.properties.RecordFlag;
import org.matscreen.core.screening.Objective;
import org.matscreen.core.sim.RelaxMode;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.structure.Prototype;

class CampaignLoaderTest {
    static final String GOOD = """
            name: cuni
            space: {elements: [Cu, Ni], orders: [1, 2], step: 0.05}
            structure: {prototypes: [fcc], supercell: [5, 3, 3]}
            method: {potential: CuNi.eam.alloy}
            screening: {filters: ["dh_mix_ev_per_atom < 0"], objectives: ["min dh_mix_ev_per_atom"], top: 5}
            """;

    @Test
    void readsAValidCampaign() {
        CampaignSpec s = CampaignLoader.parse(GOOD, "good.yaml");
        assertEquals("cuni", s.name());
        assertEquals(20, s.space().gridDenominator());
        assertEquals(180, s.structure().supercells().get(Prototype.FCC).sites(Prototype.FCC));
        assertEquals("lammps", s.method().code());
        assertEquals(1, s.screening().filters().size());
    }

    static InvalidInputException bad(String yaml) {
        return assertThrows(InvalidInputException.class, () -> CampaignLoader.parse(yaml, "bad.yaml"));
    }

    static void assertError(InvalidInputException e, String field, String reasonPart) {
        assertEquals("bad.yaml", e.source());
        assertEquals(field, e.field());
        assertTrue(e.reason().contains(reasonPart), e.getMessage());
    }

    @Test
    void unknownElementIsNamedWithItsField() {
        assertError(bad(GOOD.replace("[Cu, Ni]", "[Cu, Xx]")), "space.elements[1]", "unknown element 'Xx'");
        assertError(bad(GOOD.replace("[Cu, Ni]", "[Cu, NI]")), "space.elements[1]", "did you mean 'Ni'");
    }

    @Test
    void impossibleGridsAreRejected() {
        assertError(bad(GOOD.replace("step: 0.05", "step: 0.3")), "space.step", "must be 1/n");
        assertError(bad(GOOD.replace("step: 0.05", "step: 0")), "space.step", "must be in (0, 1]");
        assertError(bad(GOOD.replace("orders: [1, 2]", "orders: [3]")), "space.orders[0]", "between 1 and 2");
        assertError(bad(GOOD.replace("orders: [1, 2], step: 0.05", "orders: [2], step: 1")), "space.step",
                "cannot hold 2 elements");
        assertError(bad(GOOD.replace("step: 0.05}", "step: 0.05, min_fraction: {Cu: 0.8}, max_fraction: {Cu: 0.5}}")),
                "space.min_fraction.Cu", "exceeds the maximum");
    }

    @Test
    void unknownPrototypeAndTyposAreRejected() {
        assertError(bad(GOOD.replace("[fcc]", "[fcc, diamond]")), "structure.prototypes[1]", "unknown prototype");
        assertError(bad(GOOD.replace("supercell:", "supercel:")), "structure.supercel", "unknown key");
    }

    @Test
    void cellThatCannotHoldTheGridIsRejectedBeforeAnyWork() {
        InvalidInputException e = bad(GOOD.replace("[5, 3, 3]", "[3, 3, 3]"));
        assertError(e, "structure.supercell", "cannot hold");
        assertTrue(e.reason().contains("multiple of 20"), e.reason());
        // with a tolerance the same cell is accepted
        CampaignLoader.parse(GOOD.replace("supercell: [5, 3, 3]", "supercell: [3, 3, 3], composition_tolerance: 0.01"),
                "ok.yaml");
    }

    @Test
    void automaticSupercellIsExactForTheGrid() {
        CampaignSpec s = CampaignLoader.parse(GOOD.replace("supercell: [5, 3, 3]", "max_atoms: 200"), "a.yaml");
        assertEquals(0, s.structure().supercells().get(Prototype.FCC).sites(Prototype.FCC) % 20);
    }

    @Test
    void unknownMetricAndBadYamlAreReported() {
        assertError(bad(GOOD.replace("dh_mix_ev_per_atom < 0", "dh_mixx < 0")), "screening.filters[0]",
                "unknown metric 'dh_mixx'");
        InvalidInputException e = bad("name: x\nspace: [unclosed\n");
        assertTrue(e.reason().contains("not valid YAML at line"), e.getMessage());
        assertError(bad(GOOD.replace("name: cuni", "name: ../etc")), "name", "letters, digits");
    }

    @Test
    void explicitCompositionsAndEmbargo() {
        CampaignSpec s = CampaignLoader.parse("""
                name: hea
                space: {compositions: [CoCrFeNi, Al0.5CoCrFeNi]}
                structure: {prototypes: [fcc], max_atoms: 300}
                method: {potential: x.eam.alloy}
                visibility: {level: embargoed, embargo_until: 2027-12-31, owner: groupA}
                """, "e.yaml");
        assertEquals(2, s.space().explicit().size());
        // Al0.5CoCrFeNi reduces to 9 atoms and CoCrFeNi to 4: the cell must have a multiple of 36 sites.
        assertEquals(0, s.structure().supercells().get(Prototype.FCC).sites(Prototype.FCC) % 36);
        assertEquals(Visibility.Level.EMBARGOED, s.visibility().level());
        assertError(bad("""
                name: hea
                space: {compositions: [CoCrFeNi]}
                structure: {prototypes: [fcc], max_atoms: 300}
                method: {potential: x.eam.alloy}
                visibility: {level: embargoed}
                """), "visibility.embargo_until", "is required");
    }

    @Test
    void samplesRelaxationModeAndAdmittedFlagsAreRead() {
        CampaignSpec d = CampaignLoader.parse(GOOD, "good.yaml");
        assertEquals(1, d.structure().samples());
        assertEquals(RelaxMode.BOTH, d.method().relax().mode(), "the documented default");
        assertTrue(d.screening().admitted().isEmpty());
        CampaignSpec s = CampaignLoader.parse(GOOD
                .replace("supercell: [5, 3, 3]}", "supercell: [5, 3, 3], samples: 8}")
                .replace("{potential: CuNi.eam.alloy}", "{potential: CuNi.eam.alloy, relax: {mode: shape-fixed}}")
                .replace("top: 5}", "top: 5, admit: [transformed, unstable-reference]}"), "good.yaml");
        assertEquals(8, s.structure().samples());
        assertEquals(RelaxMode.SHAPE_FIXED, s.method().relax().mode());
        assertEquals(EnumSet.of(RecordFlag.TRANSFORMED, RecordFlag.UNSTABLE_REFERENCE), s.screening().admitted());
    }

    @Test
    void badSamplesModesAndFlagsNameTheirField() {
        assertError(bad(GOOD.replace("supercell: [5, 3, 3]}", "supercell: [5, 3, 3], samples: 0}")),
                "structure.samples", "");
        assertError(bad(GOOD.replace("{potential: CuNi.eam.alloy}",
                "{potential: CuNi.eam.alloy, relax: {mode: tri}}")), "method.relax.mode", "unknown relaxation mode");
        assertError(bad(GOOD.replace("top: 5}", "top: 5, admit: [wobbly]}")), "screening.admit[0]",
                "unknown flag 'wobbly'");
    }

    @Test
    void theFlagGateAppliesOnlyToRankingsOfComputedProperties() {
        ScreeningSpec properties = CampaignLoader.parse(GOOD, "good.yaml").screening();
        assertTrue(properties.excludes(Set.of(RecordFlag.TRANSFORMED)));
        assertTrue(properties.excludes(Set.of(RecordFlag.UNCONVERGED, RecordFlag.UNSTABLE_REFERENCE)));
        assertFalse(properties.excludes(Set.of(RecordFlag.UNSTABLE_REFERENCE)), "informational only");
        assertFalse(properties.excludes(Set.of()));
        ScreeningSpec admitting = new ScreeningSpec(properties.filters(), properties.objectives(), 5,
                EnumSet.of(RecordFlag.TRANSFORMED));
        assertFalse(admitting.excludes(Set.of(RecordFlag.TRANSFORMED)));
        assertTrue(admitting.excludes(Set.of(RecordFlag.TRANSFORMED, RecordFlag.MECHANICALLY_UNSTABLE)));
        ScreeningSpec descriptorsOnly = new ScreeningSpec(List.of(), List.of(new Objective("price_usd_per_kg", false)),
                5);
        assertFalse(descriptorsOnly.excludes(Set.of(RecordFlag.TRANSFORMED, RecordFlag.UNCONVERGED)),
                "a ranking by price does not depend on what the relaxation did");
    }
}
