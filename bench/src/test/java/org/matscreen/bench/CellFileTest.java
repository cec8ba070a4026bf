package org.matscreen.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.sim.RelaxMode;
import org.matscreen.core.sim.RelaxProtocol;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.structure.Supercell;
import org.matscreen.core.structure.SupercellBuilder;

class CellFileTest {
    static Cell cell() {
        var s = SupercellBuilder.build(Composition.parse("Cu0.3Ni0.7"),
                StructureRecipe.random(Prototype.FCC, new Supercell(3, 2, 2), 0.02), 3.5791234567, 42).structure();
        return Cell.of(7, "Cu0.3Ni0.7", "abc123", s);
    }

    @Test
    void roundTripIsBitExact(@TempDir Path dir) {
        Cell c = cell();
        for (Protocol p : List.of(
                Protocol.of("eam/alloy", "/usr/share/lammps/potentials/CuNi.eam.alloy",
                        new RelaxSettings(1e-11, 1e-7, 4000, 40000, 5.0, 2e-3, 3, RelaxMode.FREE), 5.4),
                Protocol.of("kim", "/usr/lib/kim-api/MEAM_X__MO_1", RelaxSettings.DEFAULT.withMode(
                        RelaxMode.SHAPE_FIXED), Double.POSITIVE_INFINITY))) {
            CellFile.write(dir.resolve("cells.txt"), p, List.of(c, c));
            assertEquals(p, CellFile.read(dir.resolve("cells.txt")).protocol());
        }
        CellFile.Contents back = CellFile.read(dir.resolve("cells.txt"));
        // what LammpsCalculator runs: the campaign's energy tolerance 0 is written as the recipe's
        assertEquals(RelaxProtocol.RECIPE_ENERGY_TOLERANCE, back.protocol().settings().energyTolerance());
        assertEquals(RelaxProtocol.RECIPE_MIN_RESTART_GAIN, back.protocol().relax().minRestartGainEvPerAtom());
        assertEquals(List.of("cg", "cg", "sd"), back.protocol().relax().minStyles());
        assertEquals("iso", back.protocol().box());
        assertEquals(2, back.cells().size());
        Cell b = back.cells().get(1);
        assertEquals(c.index(), b.index());
        assertEquals(c.id(), b.id());
        assertEquals(c.species(), b.species());
        assertArrayEquals(c.massesAmu(), b.massesAmu(), 0.0);
        assertArrayEquals(c.box(), b.box(), 0.0);
        assertArrayEquals(c.types(), b.types());
        assertArrayEquals(c.positions(), b.positions(), 0.0);
    }

    @Test
    void cellsAreWhatLammpsCalculatorHandsLammps() {
        Cell c = cell();
        assertEquals(48, c.atoms());
        assertEquals(List.of("Cu", "Ni"), c.species());
        // Box at the origin in restricted triclinic form; types 1-based.
        assertEquals(3 * 3.5791234567, c.box()[0], 1e-12);
        assertEquals(1, java.util.Arrays.stream(c.types()).min().orElseThrow());
        assertEquals(2, java.util.Arrays.stream(c.types()).max().orElseThrow());
    }
}
