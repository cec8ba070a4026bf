package org.matscreen.core.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.matscreen.core.error.InvalidInputException;

/** {@code tiers:} and {@code method.dft} as a campaign file gives them, and the errors naming file and field. */
public class TierCampaignYamlTest {
    public static final String TWO_TIERS = """
            name: nial
            space: {elements: [Al, Ni], orders: [1, 2], step: 0.25}
            structure: {prototypes: [fcc, bcc], supercell: {fcc: [2, 2, 2], bcc: [2, 2, 2]}}
            method: {potential: zhou2004}
            screening: {objectives: ["min dh_form_ev_per_atom"], top: 5}
            tiers:
              - name: dft
                top: 3
                method:
                  code: gpaw
                  dft: {preset: test, cutoff_ev: 450, smearing: fermi-dirac, spin: true, initial_magmoms: {Al: 0.1},
                        convergence: {energy: 1.0e-5}}
                  relax: {mode: shape-fixed}
                  properties: {eos: true}
                  timeout_seconds: 3600
                structure: {min_atoms: 4, max_atoms: 8}
            """;

    private static InvalidInputException bad(String yaml) {
        return CampaignLoaderTest.bad(yaml);
    }

    private static void assertError(InvalidInputException e, String field, String reasonPart) {
        CampaignLoaderTest.assertError(e, field, reasonPart);
    }

    @Test
    void readsATierWithDftSettings() {
        CampaignSpec s = CampaignLoader.parse(TWO_TIERS, "t.yaml");
        assertNull(s.method().dft());
        assertEquals(1, s.tiers().size());
        TierSpec t = s.tiers().get(0);
        assertEquals("dft", t.name());
        assertEquals(3, t.top());
        assertEquals(8, t.maxAtoms());
        assertEquals(4, t.minAtoms());
        assertEquals(TierSpec.DEFAULT_MIN_ATOMS, CampaignLoader.parse(TWO_TIERS.replace("min_atoms: 4, ", ""), "t")
                .tiers().get(0).minAtoms());
        assertEquals("gpaw", t.method().code());
        assertTrue(t.method().isDft());
        DftSettings d = t.method().dft();
        assertEquals("test", d.preset());
        assertEquals(450.0, d.cutoffEv());
        assertEquals("fermi-dirac", d.smearing());
        assertTrue(Double.isNaN(d.kpointDensityPerInvAngstrom()));
        // only what the campaign sets overrides the preset, in the worker's vocabulary
        assertEquals(java.util.Map.of("ecut_ev", 450.0, "smearing", java.util.Map.of("name", "fermi-dirac"),
                "spin", true, "initial_magmoms", java.util.Map.of("Al", 0.1), "convergence",
                java.util.Map.of("energy", 1.0e-5)), d.overrides());
        assertTrue(t.method().properties().equationOfState());
        assertEquals(3600.0, t.method().timeoutSeconds());
    }

    @Test
    void badTiersNameTheirField() {
        assertError(bad(TWO_TIERS.replace("preset: test", "preset: fast")), "tiers[0].method.dft.preset",
                "unknown preset 'fast'");
        assertError(bad(TWO_TIERS.replace("smearing: fermi-dirac", "smearing: gauss")),
                "tiers[0].method.dft.smearing", "unknown smearing");
        assertError(bad(TWO_TIERS.replace("cutoff_ev: 450", "cutoff_ev: 50")), "tiers[0].method.dft.cutoff_ev",
                "");
        assertError(bad(TWO_TIERS.replace("max_atoms: 8", "max_atoms: 64")), "tiers[0].structure.max_atoms", "");
        assertError(bad(TWO_TIERS.replace("{Al: 0.1}", "{Xx: 0.1}")), "tiers[0].method.dft.initial_magmoms.Xx",
                "unknown element");
        assertError(bad(TWO_TIERS.replace("{energy: 1.0e-5}", "{forces: 0.01}")),
                "tiers[0].method.dft.convergence.forces", "");
        assertError(bad(TWO_TIERS.replace("min_atoms: 4", "min_atoms: 9")), "tiers[0].structure.min_atoms", "");
        assertError(bad(TWO_TIERS.replace("top: 3", "top: 0")), "tiers[0].top", "");
        assertError(bad(TWO_TIERS.replace("name: dft", "name: ../x")), "tiers[0].name", "letters");
        assertError(bad(TWO_TIERS.replace("code: gpaw", "code: 'rm -rf'")), "tiers[0].method.code",
                "not a simulation code name");
        assertError(bad(TWO_TIERS.replace("dft: {preset", "potential: x.eam.alloy\n      dft: {preset")),
                "tiers[0].method.potential", "one or the other");
        String method = TWO_TIERS.substring(TWO_TIERS.indexOf("    method:\n      code: gpaw"),
                TWO_TIERS.indexOf("    structure: {min_atoms"));
        assertError(bad(TWO_TIERS.replace(method, "    method: {potential: zhou2004}\n")),
                "tiers[0].method", "repeats the first tier's method");
        assertError(bad(TWO_TIERS.replace("top: 3", "top: 3\n    tops: 4")), "tiers[0].tops", "");
    }

    @Test
    void aMethodNeedsAPotentialOrDftSettings() {
        assertError(bad(TWO_TIERS.replace("method: {potential: zhou2004}", "method: {code: lammps}")),
                "method.potential", "or give 'dft'");
    }
}
