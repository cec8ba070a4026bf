package org.matscreen.bench;

import java.util.List;
import org.matscreen.core.element.PeriodicTable;
import org.matscreen.core.structure.Structure;
import org.matscreen.lammps.LammpsCell;

/**
 * A starting cell in the form LAMMPS receives it: box {lx, ly, lz, xy, xz, yz} (Å, restricted triclinic, origin at 0),
 * 1-based atom types and Cartesian positions (Å), from {@link LammpsCell} like {@code LammpsCalculator}'s, so a tool
 * that reads these numbers hands LAMMPS bit-identical input.
 *
 * @param species element per atom type (type t is species[t − 1])
 * @param massesAmu atomic mass per type, g/mol
 */
record Cell(long index, String id, String formula, List<String> species, double[] massesAmu, double[] box,
        int[] types, double[] positions) {

    int atoms() {
        return types.length;
    }

    static Cell of(long index, String formula, String id, Structure s) {
        LammpsCell lmp = LammpsCell.of(s);
        List<String> species = s.speciesSymbols();
        double[] masses = species.stream().mapToDouble(e -> PeriodicTable.of(e).atomicMassGPerMol()).toArray();
        return new Cell(index, id, formula, species, masses, lmp.box(), lmp.types(), lmp.positionsAngstrom());
    }
}
