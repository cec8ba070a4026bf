package org.matscreen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.sim.RelaxMode;
import org.matscreen.core.sim.RelaxProtocol;
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
        return Protocol.of("eam/alloy", pot.toString(), SHAPE_FIXED, 4.95);
    }

    static final RelaxSettings SHAPE_FIXED = RelaxSettings.DEFAULT.withMode(RelaxMode.SHAPE_FIXED);

    @Test
    void inputUsesMatscreensCommandTextAndRestartRule() throws IOException {
        Cell c = CellFileTest.cell();
        List<String> in = LmpDeck.input(c, protocol());
        RelaxSettings r = RelaxSettings.DEFAULT;
        // shape-fixed cubic: box/relax iso at 0 bar, the recipe's energy tolerance where the campaign has 0
        assertTrue(in.contains(Commands.boxRelaxShapeFixed(false, 0.0, RelaxProtocol.DEFAULT_MAX_VOLUME_CHANGE)));
        assertTrue(in.contains(Commands.minimize(RelaxProtocol.RECIPE_ENERGY_TOLERANCE, r.forceToleranceEvPerA(),
                r.maxIterations(), r.maxEvaluations())));
        assertTrue(in.containsAll(Commands.thermo()));
        assertTrue(in.containsAll(Commands.neighbour(Protocol.NEIGHBOUR_SKIN)));
        assertTrue(in.contains("atom_modify map array sort 0 0.0"));
        assertTrue(in.contains("read_data " + LmpDeck.DATA));
        assertTrue(in.contains("variable attempt index 1 2 3 4 5"));
        assertTrue(in.contains("variable style index cg cg sd sd sd"));
        assertTrue(in.stream().noneMatch(l -> l.startsWith("region") || l.startsWith("create_box")));
        // acceptance on the hydrostatic pressure only (the deviatoric stress of a shape-fixed cell stays)
        String test = in.stream().filter(l -> l.startsWith("if ")).findFirst().orElseThrow();
        assertTrue(test.contains("$(abs(press):%.17g) <= " + CellFile.num(r.pressureToleranceBar())), test);
        assertTrue(test.contains("$(fmax:%.17g) <= " + CellFile.num(r.maxForceToleranceEvPerA())), test);
        for (String p : List.of("pxx", "pyy", "pzz", "pyz", "pxz", "pxy")) {
            assertTrue(!test.contains(p), p);
        }
        // the restart rule: from the second attempt on, a gain below 1e-9 eV/atom ends the attempts
        assertTrue(in.contains("if \"${attempt} > 1 && $(v_gain:%.17g) < "
                + CellFile.num(RelaxProtocol.RECIPE_MIN_RESTART_GAIN) + "\" then \"jump SELF done\""));
        // the analysis: two CNA passes, the cut-off capped at the potential's
        assertEquals(2, in.stream().filter(l -> l.startsWith("compute matscreen_cna all cna/atom")).count());
        assertEquals(2, in.stream().filter(l -> l.startsWith("if \"${cna_") && l.contains("> 4.95")).count());
    }

    @Test
    void freeRelaxationIsAcceptedOnAllSixComponents() throws IOException {
        Protocol free = Protocol.of("eam/alloy", protocol().potentialPath(),
                RelaxSettings.DEFAULT.withMode(RelaxMode.FREE), Double.POSITIVE_INFINITY);
        List<String> in = LmpDeck.input(CellFileTest.cell(), free);
        assertTrue(in.contains(Commands.boxRelaxFree(0.0, RelaxProtocol.DEFAULT_MAX_VOLUME_CHANGE)));
        String test = in.stream().filter(l -> l.startsWith("if ")).findFirst().orElseThrow();
        for (String p : List.of("pxx", "pyy", "pzz", "pyz", "pxz", "pxy")) {
            assertTrue(test.contains("abs(" + p + ")"), p);
        }
        // no cap without a stated cut-off
        assertTrue(in.stream().noneMatch(l -> l.startsWith("if \"${cna_")));
    }

    @Test
    void bothModesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Protocol.of("eam/alloy", "/x",
                RelaxSettings.DEFAULT.withMode(RelaxMode.BOTH), 5));
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
    void minStylesFollowLammpsCalculator() throws IOException {
        List<String> in = LmpDeck.input(CellFileTest.cell(), protocol());
        assertTrue(in.contains("variable style index cg cg sd sd sd"));
    }

    @Test
    void potentialPathIsTheProtocolsOwn() throws IOException {
        Protocol p = protocol();
        String pair = LmpDeck.input(CellFileTest.cell(), p).stream().filter(l -> l.startsWith("pair_coeff"))
                .findFirst().orElseThrow();
        assertEquals("pair_coeff * * " + p.potentialPath() + " Cu Ni", pair);
    }
}
