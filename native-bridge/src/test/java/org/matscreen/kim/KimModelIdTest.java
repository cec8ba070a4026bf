package org.matscreen.kim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.lammps.deck.Commands;

/** Hostile or malformed KIM model ids are refused by their text alone, before the KIM API or LAMMPS sees them. */
class KimModelIdTest {

    @Test
    void anOpenKimIdIsAccepted() {
        assertEquals("EAM_Dynamo_Mishin_2004_NiAl__MO_101214310689_005",
                KimModelId.parse("kim:EAM_Dynamo_Mishin_2004_NiAl__MO_101214310689_005", "c.yaml", "method.potential"));
    }

    @Test
    void hostileIdsAreRefusedWithFieldAndReason() {
        String[][] cases = {
            {"kim:", "missing"},
            {"kim:../../etc/passwd", "never by a path"},
            {"kim:/usr/lib/x86_64-linux-gnu/kim-api/portable-models/X", "never by a path"},
            {"kim:MO_1 \nshell rm -rf /", "line break"},
            {"kim:EAM_Dynamo_Mishin_2004_NiAl__MO_101214310689_005\nkim query a_lattice", "line break"},
            {"kim:EAM_X query", "whitespace"},
            {"kim:EAM$x", "letters, digits and '_'"},
            {"kim:EAM;x", "letters, digits and '_'"},
            {"kim:9abc", "start with a letter"},
            {"kim:shell", "command word"},
        };
        for (String[] c : cases) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> KimModelId.parse(c[0], "c.yaml", "method.potential"), c[0]);
            assertEquals("method.potential", e.field());
            assertEquals("c.yaml", e.source());
            assertTrue(e.reason().contains(c[1]), c[0] + " -> " + e.reason());
        }
    }

    @Test
    void theDeckSendsOnlyKimInitAndKimInteractions() {
        assertEquals("kim interactions Co Cr", Commands.kimInteractions(java.util.List.of("Co", "Cr")));
        assertTrue(Commands.kimSetup("EAM_X__MO_1", new double[] {3, 3, 3, 0, 0, 0}, 1)
                .contains("kim init EAM_X__MO_1 metal"));
        assertThrows(IllegalArgumentException.class, () -> Commands.kimSetup("a b", new double[] {3, 3, 3, 0, 0, 0}, 1));
        for (String c : new String[] {"kim query a_lattice", "kim param get x", "kim property create 1 x",
            "kim_query a_lattice", "kim"}) {
            assertThrows(IllegalStateException.class, () -> Commands.check(c), c);
        }
        assertEquals("kim init M metal", Commands.check("kim init M metal"));
    }
}
