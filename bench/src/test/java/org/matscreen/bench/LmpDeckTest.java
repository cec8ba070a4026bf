package org.matscreen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.lammps.deck.Commands;

class LmpDeckTest {
    /** The deck builders check that the potential file exists; any file will do for the text. */
    @TempDir
    static Path dir;

    static Protocol protocol() throws IOException {
        Path pot = dir.resolve("CuNi.eam.alloy");
        if (!Files.exists(pot)) {
            Files.writeString(pot, "not read by these tests\n");
        }
        return new Protocol("eam/alloy", pot.toString(), RelaxSettings.DEFAULT);
    }

    @Test
    void inputUsesMatscreensCommandTextAndRestartRule() throws IOException {
        Cell c = CellFileTest.cell();
        List<String> in = LmpDeck.input(c, protocol());
        RelaxSettings r = RelaxSettings.DEFAULT;
        assertTrue(in.contains(Commands.boxRelax(Protocol.VMAX)));
        assertTrue(in.contains(Commands.minimize(r.energyTolerance(), r.forceToleranceEvPerA(), r.maxIterations(),
                r.maxEvaluations())));
        assertTrue(in.containsAll(Commands.thermo()));
        assertTrue(in.containsAll(Commands.neighbour(Protocol.NEIGHBOUR_SKIN)));
        assertTrue(in.contains("atom_modify map array sort 0 0.0"));
        assertTrue(in.contains("read_data " + LmpDeck.DATA));
        assertTrue(in.contains("variable attempt loop " + (r.maxRestarts() + 1)));
        assertTrue(in.contains("variable style index cg cg sd sd sd"));
        assertTrue(in.stream().noneMatch(l -> l.startsWith("region") || l.startsWith("create_box")));
        String test = in.stream().filter(l -> l.startsWith("if ")).findFirst().orElseThrow();
        for (String p : List.of("pxx", "pyy", "pzz", "pyz", "pxz", "pxy")) {
            assertTrue(test.contains("abs(" + p + ")"), p);
        }
    }

    @Test
    void dataFileHoldsTheCellWithSeventeenDigits() {
        Cell c = CellFileTest.cell();
        String data = LmpDeck.data(c);
        assertTrue(data.contains("\n48 atoms\n2 atom types\n"));
        assertTrue(data.contains("0 " + CellFile.num(c.box()[0]) + " xlo xhi\n"));
        assertTrue(data.contains("\nAtoms # atomic\n\n1 " + c.types()[0] + " " + CellFile.num(c.positions()[0])));
        long atomLines = data.lines().dropWhile(l -> !l.startsWith("Atoms")).skip(2).filter(l -> !l.isBlank()).count();
        assertEquals(48, atomLines);
    }

    @Test
    void minStylesFollowLammpsCalculator() {
        assertEquals("cg", Protocol.minStyle(0));
        assertEquals("cg", Protocol.minStyle(1));
        assertEquals("sd", Protocol.minStyle(2));
        assertEquals("sd", Protocol.minStyle(9));
    }

    @Test
    void potentialPathIsTheProtocolsOwn() throws IOException {
        Protocol p = protocol();
        String pair = LmpDeck.input(CellFileTest.cell(), p).stream().filter(l -> l.startsWith("pair_coeff"))
                .findFirst().orElseThrow();
        assertEquals("pair_coeff * * " + p.potentialPath() + " Cu Ni", pair);
    }
}
