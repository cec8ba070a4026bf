package org.matscreen.core.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.error.InvalidInputException;

/**
 * The YAML layer of campaign files under hostile input (issue 17, items 9, 10 and 14; issue 18, item 9): size caps
 * checked before parsing, duplicate keys naming both lines, aliases read as their anchor's value, and a syntax error
 * in one line that points at the right place.
 */
class CampaignYamlTest {
    static final String GOOD = CampaignLoaderTest.GOOD;

    static InvalidInputException bad(String yaml) {
        return assertThrows(InvalidInputException.class, () -> CampaignLoader.parse(yaml, "bad.yaml"));
    }

    /** Item 9: a campaign file of megabytes is refused before it is parsed (it also went whole into the manifest). */
    @Test
    void aHugeCampaignFileIsRefusedBeforeParsing(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("huge.yaml");
        Files.writeString(f, GOOD + "# " + "x".repeat(2 << 20) + "\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CampaignLoader.load(f));
        assertEquals(f.toString(), e.source());
        assertTrue(e.reason().contains("larger than"), e.getMessage());
        InvalidInputException text = bad(GOOD + "# " + "x".repeat(2 << 20) + "\n");
        assertTrue(text.reason().contains("larger than"), text.getMessage());
    }

    /** Item 9: one value of 100 kB is refused by its field, not carried into the manifest. */
    @Test
    void aHugeValueIsRefusedByItsField() {
        InvalidInputException e = bad(GOOD + "description: " + "y".repeat(100_000) + "\n");
        assertEquals("description", e.field());
        assertTrue(e.reason().contains("characters"), e.getMessage());
        InvalidInputException filter = bad(GOOD.replace("\"dh_mix_ev_per_atom < 0\"", "\"" + "z".repeat(50_000)
                + "\""));
        assertEquals("screening.filters[0]", filter.field());
        assertTrue(filter.reason().contains("characters"), filter.getMessage());
    }

    /** Item 10: a repeated key was silently last-one-wins; now an error naming both lines. */
    @Test
    void duplicateKeysNameBothLines() {
        InvalidInputException e = bad(GOOD + "name: other\n");
        assertTrue(e.reason().contains("'name'") && e.reason().contains("line 1") && e.reason().contains("line 6"),
                e.getMessage());
        InvalidInputException nested = bad("""
                name: cuni
                space:
                  elements: [Cu, Ni]
                  step: 0.05
                  elements: [Cu, Al]
                structure: {prototypes: [fcc], supercell: [5, 3, 3]}
                method: {potential: CuNi.eam.alloy}
                """);
        assertEquals("space.elements", nested.field());
        assertTrue(nested.reason().contains("line 3") && nested.reason().contains("line 5"), nested.getMessage());
    }

    /** Item 14: an alias was read as its anchor's name ("s" instead of 0.05). */
    @Test
    void aliasesAreReadAsTheirAnchorsValue() {
        CampaignSpec s = CampaignLoader.parse(GOOD.replace("step: 0.05}", "step: &s 0.05, min_fraction: {Cu: *s}}"),
                "a.yaml");
        assertEquals(0.05, s.space().minFraction().get("Cu"), 1e-15);
        CampaignSpec list = CampaignLoader.parse(GOOD.replace("elements: [Cu, Ni]", "elements: &els [Cu, Ni]")
                .replace("orders: [1, 2]", "orders: [1, 2], base: *els"), "a.yaml");
        assertEquals(java.util.List.of("Cu", "Ni"), list.space().base());
    }

    /** Item 14: a billion-laughs document is refused, not expanded. */
    @Test
    void aliasBombsAreRefused() {
        StringBuilder y = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            y.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            y.append("]\n");
        }
        InvalidInputException e = bad(y.toString());
        assertTrue(e.reason().contains("alias"), e.getMessage());
    }

    /** Issue 18, item 9: an indentation error is one line with the file, line and column of the problem. */
    @Test
    void aSyntaxErrorIsOneLineWithTheRightLineAndColumn() {
        InvalidInputException e = bad("""
                name: cuni
                space:
                  elements: [Cu, Ni]
                 orders: [1, 2]
                structure: {prototypes: [fcc], supercell: [5, 3, 3]}
                """);
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.reason().startsWith("not valid YAML at line 4, column 2"), e.getMessage());
        InvalidInputException tab = bad("name: cuni\nspace:\n\telements: [Cu, Ni]\n");
        assertFalse(tab.getMessage().contains("\n"), tab.getMessage());
        assertTrue(tab.reason().contains("line 3") && tab.reason().contains("tab"), tab.getMessage());
        InvalidInputException unclosed = bad("name: cuni\nspace: {elements: [Cu, Ni}\n");
        assertFalse(unclosed.getMessage().contains("\n"), unclosed.getMessage());
        assertTrue(unclosed.reason().contains("line 2"), unclosed.getMessage());
    }
}
