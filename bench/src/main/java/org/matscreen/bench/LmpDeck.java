package org.matscreen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.lammps.deck.Commands;

/**
 * The input files of one {@code lmp} run, as a file-based workflow engine (AiiDA, FireWorks, atomate2) writes them
 * for each calculation: a data file with the cell and an input script that relaxes it with the same commands and
 * restart rule as {@code LammpsCalculator} (the rule is written with LAMMPS' own loop, {@code if} and {@code jump}),
 * then prints the result to {@code result.txt} and writes the relaxed cell to {@code relaxed.data}.
 */
final class LmpDeck {
    static final String DATA = "data.lmp";
    static final String INPUT = "in.relax";
    static final String RESULT = "result.txt";

    private LmpDeck() {}

    static void write(Path dir, Cell c, Protocol p) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(DATA), data(c));
            Files.writeString(dir.resolve(INPUT), String.join("\n", input(c, p)) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the lmp inputs in " + dir, e);
        }
    }

    /** A LAMMPS data file (atom style atomic), triclinic box at the origin as {@code Commands.setup} makes it. */
    static String data(Cell c) {
        double[] b = c.box();
        StringBuilder s = new StringBuilder("matscreen bench cell " + c.index() + " " + c.id() + "\n\n");
        s.append(c.atoms()).append(" atoms\n").append(c.species().size()).append(" atom types\n\n");
        s.append("0 ").append(CellFile.num(b[0])).append(" xlo xhi\n");
        s.append("0 ").append(CellFile.num(b[1])).append(" ylo yhi\n");
        s.append("0 ").append(CellFile.num(b[2])).append(" zlo zhi\n");
        s.append(CellFile.num(b[3])).append(' ').append(CellFile.num(b[4])).append(' ').append(CellFile.num(b[5]))
                .append(" xy xz yz\n\nMasses\n\n");
        for (int t = 0; t < c.species().size(); t++) {
            s.append(t + 1).append(' ').append(CellFile.num(c.massesAmu()[t])).append('\n');
        }
        s.append("\nAtoms # atomic\n\n");
        double[] x = c.positions();
        for (int i = 0; i < c.atoms(); i++) {
            s.append(i + 1).append(' ').append(c.types()[i]).append(' ').append(CellFile.num(x[3 * i])).append(' ')
                    .append(CellFile.num(x[3 * i + 1])).append(' ').append(CellFile.num(x[3 * i + 2])).append('\n');
        }
        return s.toString();
    }

    /** The input script: matscreen's command text where it exists, {@code read_data} where matscreen creates atoms. */
    static List<String> input(Cell c, Protocol p) {
        RelaxSettings rs = p.relax();
        List<String> in = new ArrayList<>();
        in.add("# matscreen bench: candidate " + c.index() + " (" + c.formula() + "), relaxation as LammpsCalculator");
        // Commands.setup minus its clear/region/create_box, which read_data replaces.
        for (String cmd : Commands.setup(c.box(), c.species().size())) {
            if (!cmd.equals("clear") && !cmd.startsWith("region") && !cmd.startsWith("create_box")) {
                in.add(cmd);
            }
        }
        in.add("read_data " + DATA);
        in.addAll(Commands.pair(p.pairStyle(), Path.of(p.potentialPath()), c.species()));
        in.addAll(Commands.neighbour(Protocol.NEIGHBOUR_SKIN));
        in.addAll(Commands.thermo());
        StringBuilder styles = new StringBuilder("variable style index");
        for (int k = 0; k <= rs.maxRestarts(); k++) {
            styles.append(' ').append(Protocol.minStyle(k));
        }
        in.add("variable attempt loop " + (rs.maxRestarts() + 1));
        in.add(styles.toString());
        in.add("label relax");
        in.add("variable minimisations string ${attempt}");
        in.add("min_style ${style}");
        in.add(Commands.boxRelax(Protocol.VMAX));
        in.add(Commands.minimize(rs.energyTolerance(), rs.forceToleranceEvPerA(), rs.maxIterations(),
                rs.maxEvaluations()));
        in.add(Commands.unfixBoxRelax());
        in.add(Commands.runZero());
        // LAMMPS' max() reduces over computes and is no max(x, y), so the pressure test is written per component;
        // values are expanded with 17 digits so the comparison is the one LammpsCalculator makes in doubles.
        StringBuilder converged = new StringBuilder("if \"$(fmax:%.17g) <= ")
                .append(CellFile.num(rs.maxForceToleranceEvPerA()));
        for (String p6 : new String[] {"pxx", "pyy", "pzz", "pyz", "pxz", "pxy"}) {
            converged.append(" && $(abs(").append(p6).append("):%.17g) <= ")
                    .append(CellFile.num(rs.pressureToleranceBar()));
        }
        in.add(converged.append("\" then \"jump SELF done\"").toString());
        in.add("next attempt style");
        in.add("jump SELF relax");
        in.add("label done");
        in.add("print \"${minimisations} $(pe:%.17g) $(atoms)\" file " + RESULT);
        in.add("write_data relaxed.data");
        return in;
    }
}
