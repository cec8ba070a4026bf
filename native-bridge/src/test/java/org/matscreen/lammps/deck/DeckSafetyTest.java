package org.matscreen.lammps.deck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeckSafetyTest {

    @ParameterizedTest
    @ValueSource(strings = {"CuNi.eam.alloy\nshell rm -rf /", "x & y", "pot#comment", "${HOME}.eam", "a\"b", "a'b",
        "shell.eam.alloy", "include.eam", "python", "print", "write_data.eam", "Cu; shell ls", "a\u0007b", "a\rb"})
    void hostileCampaignTextIsRejected(String text) {
        assertNotNull(CampaignText.unsafeReason(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CuNi.eam.alloy", "Fe_mm.eam.fs", "/usr/share/lammps/potentials/CuTa.eam.alloy",
        "zhou2004", "NiAlH_jea.eam.alloy"})
    void ordinaryNamesPass(String text) {
        assertNull(CampaignText.unsafeReason(text), text);
    }

    @Test
    void numbersMustBeFiniteAndInRange() {
        assertEquals("1.0000000000000000", DeckValues.number(1.0, 0, 2, "x"));
        assertThrows(IllegalArgumentException.class, () -> DeckValues.number(Double.NaN, 0, 2, "x"));
        assertThrows(IllegalArgumentException.class, () -> DeckValues.number(Double.POSITIVE_INFINITY, 0, 1e300, "x"));
        assertThrows(IllegalArgumentException.class, () -> DeckValues.number(3, 0, 2, "x"));
    }

    @Test
    void onlyElementSymbolsAndKnownStylesGetThrough() {
        assertEquals("Cu", DeckValues.element("Cu"));
        assertThrows(IllegalArgumentException.class, () -> DeckValues.element("Cu shell"));
        assertThrows(IllegalArgumentException.class, () -> DeckValues.element("cu"));
        assertThrows(IllegalArgumentException.class, () -> DeckValues.pairStyle("eam/alloy\nshell ls"));
        assertThrows(IllegalArgumentException.class, () -> DeckValues.minStyle("fire; shell"));
    }

    @Test
    void pathsMustExistAndBePlain(@TempDir Path dir) throws IOException {
        Path ok = Files.writeString(dir.resolve("Cu.eam.alloy"), "x");
        Path spaced = Files.writeString(dir.resolve("Cu 2.eam.alloy"), "x");
        Path dollar = Files.writeString(dir.resolve("Cu$x.eam.alloy"), "x");
        assertTrue(DeckValues.existingFile(ok).endsWith("Cu.eam.alloy"));
        assertThrows(IllegalArgumentException.class, () -> DeckValues.existingFile(spaced));
        assertThrows(IllegalArgumentException.class, () -> DeckValues.existingFile(dollar));
        assertThrows(IllegalArgumentException.class, () -> DeckValues.existingFile(dir.resolve("missing.eam")));
    }

    @Test
    void commandsAreBuiltOnlyFromValidatedPieces(@TempDir Path dir) throws IOException {
        Path pot = Files.writeString(dir.resolve("CuNi.eam.alloy"), "x");
        List<String> pair = Commands.pair("eam/alloy", pot, List.of("Cu", "Ni"));
        assertEquals("pair_style eam/alloy", pair.get(0));
        assertEquals("pair_coeff * * " + pot.toAbsolutePath() + " Cu Ni", pair.get(1));
        assertThrows(IllegalArgumentException.class, () -> Commands.pair("eam/alloy", pot, List.of("Cu", "shell")));
        assertThrows(IllegalArgumentException.class,
                () -> Commands.setup(new double[] {Double.NaN, 1, 1, 0, 0, 0}, 1));
        for (String c : Commands.setup(new double[] {3, 4, 5, 0.1, 0, 0}, 2)) {
            assertNull(CampaignText.unsafeReason(c.replace("clear", "c")), c); // nothing hostile in what we emit
        }
    }

    @Test
    void relaxationAndAnalysisCommandsOfIssue13() {
        assertEquals("fix matscreen_relax all box/relax iso 0.0000000000000000 vmax 0.0010000000000000000 nreset 1",
                Commands.check(Commands.boxRelaxShapeFixed(false, 0, 0.001)));
        assertTrue(Commands.check(Commands.boxRelaxShapeFixed(true, -1500, 0.001))
                .startsWith("fix matscreen_relax all box/relax x -1500.0000000000000 y -1500.0000000000000 z"
                        + " -1500.0000000000000 couple xy vmax"));
        assertTrue(Commands.check(Commands.boxRelaxFree(250, 0.001)).startsWith("fix matscreen_relax all box/relax"
                + " tri 250.00000000000000 vmax"));
        assertThrows(IllegalArgumentException.class, () -> Commands.boxRelaxFree(Double.NaN, 0.001));
        assertThrows(IllegalArgumentException.class, () -> Commands.boxRelaxShapeFixed(true, 1e7, 0.001));
        assertEquals("compute matscreen_cna all cna/atom 3.2500000000000000",
                Commands.check(Commands.cna("matscreen_cna", 3.25)));
        assertEquals("uncompute matscreen_cna", Commands.check(Commands.uncompute("matscreen_cna")));
        assertThrows(IllegalArgumentException.class, () -> Commands.cna("x all cna/atom 3 ; shell", 3));
        assertThrows(IllegalArgumentException.class, () -> Commands.cna("matscreen_cna", 0.1));
    }
}
