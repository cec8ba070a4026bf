package org.matscreen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.matscreen.core.sim.RelaxProtocol;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.structure.LocalStructure;
import org.matscreen.lammps.deck.Commands;

/**
 * The input files of one {@code lmp} run, as a file-based workflow engine (AiiDA, FireWorks, atomate2) writes them
 * for each calculation: a data file with the cell and an input script that relaxes it with the same commands, attempts,
 * acceptance test and restart rule as {@code LammpsCalculator} (written with LAMMPS' own loop, {@code if} and
 * {@code jump}), prints the result to {@code result.txt}, writes the relaxed cell to {@code relaxed.data} and runs
 * the same common-neighbour analysis.
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

    /**
     * The input script: matscreen's command text where it exists, {@code read_data} where matscreen creates atoms, and
     * {@code LammpsCalculator}'s attempts, acceptance test and restart rule in LAMMPS' own input language, then the
     * same two common-neighbour passes over the relaxed cell.
     */
    static List<String> input(Cell c, Protocol p) {
        RelaxProtocol protocol = p.relax();
        RelaxSettings rs = protocol.settings();
        List<String> in = new ArrayList<>();
        in.add("# matscreen bench: candidate " + c.index() + " (" + c.formula() + "), relaxation as LammpsCalculator");
        // Commands.setup minus its clear/region/create_box, which read_data replaces.
        List<String> setup = p.kim() ? Commands.kimSetup(p.kimModel(), c.box(), c.species().size())
                : Commands.setup(c.box(), c.species().size());
        for (String cmd : setup) {
            if (!cmd.equals("clear") && !cmd.startsWith("region") && !cmd.startsWith("create_box")) {
                in.add(cmd);
            }
        }
        in.add("read_data " + DATA);
        if (p.kim()) {
            // as LammpsCalculator: masses after kim interactions, whatever the KIM package sets up there
            in.add(Commands.kimInteractions(c.species()));
            for (int t = 0; t < c.species().size(); t++) {
                in.add(Commands.mass(t + 1, c.massesAmu()[t]));
            }
        } else {
            in.addAll(Commands.pair(p.pairStyle(), Path.of(p.potentialPath()), c.species()));
        }
        in.addAll(Commands.neighbour(Protocol.NEIGHBOUR_SKIN));
        in.addAll(Commands.thermo());
        // two index variables stepped together ('next' refuses to step a loop and an index variable at once)
        StringBuilder styles = new StringBuilder("variable style index");
        StringBuilder attempts = new StringBuilder("variable attempt index");
        for (int k = 0; k <= rs.maxRestarts(); k++) {
            styles.append(' ').append(protocol.minStyle(k));
            attempts.append(' ').append(k + 1);
        }
        in.add(attempts.toString());
        in.add(styles.toString());
        in.add("variable eprev string 0");
        in.add("label relax");
        in.add("variable minimisations string ${attempt}");
        in.add("min_style ${style}");
        in.add(p.boxRelax());
        in.add(Commands.minimize(rs.energyTolerance(), rs.forceToleranceEvPerA(), rs.maxIterations(),
                rs.maxEvaluations()));
        in.add(Commands.unfixBoxRelax());
        in.add(Commands.runZero());
        // Values are expanded with 17 digits, so each comparison is the one LammpsCalculator makes in doubles. LAMMPS'
        // max() reduces over computes and is no max(x, y), so the pressure test is written per component.
        StringBuilder accepted = new StringBuilder("$(fmax:%.17g) <= ")
                .append(CellFile.num(rs.maxForceToleranceEvPerA()));
        for (String k : p.acceptedPressures()) {
            accepted.append(" && $(abs(").append(k).append("):%.17g) <= ")
                    .append(CellFile.num(rs.pressureToleranceBar()));
        }
        in.add("variable enow string $(pe/atoms:%.17g)");
        in.add("if \"" + accepted + "\" then \"jump SELF done\"");
        // the restart rule: a restart that gained less than the minimum ends the attempts, unaccepted
        in.add("variable gain equal abs((${enow})-(${eprev}))");
        in.add("if \"${attempt} > 1 && $(v_gain:%.17g) < " + CellFile.num(protocol.minRestartGainEvPerAtom())
                + "\" then \"jump SELF done\"");
        in.add("variable eprev string ${enow}");
        in.add("next attempt style");
        in.add("jump SELF relax");
        in.add("label done");
        in.add("variable accepted string 0");
        in.add("if \"" + accepted + "\" then \"variable accepted string 1\"");
        in.add("print \"${minimisations} $(pe:%.17g) $(atoms) ${accepted}\" file " + RESULT);
        in.add("write_data relaxed.data");
        // the common-neighbour analysis of LammpsCalculator: fcc and bcc cut-offs of the cell's own density, capped
        in.add("variable cna_root equal $((vol/atoms)^(1.0/3.0):%.17g)");
        String[] pass = {"fcc", "bcc"};
        double[] factor = {LocalStructure.FCC_CUTOFF_PER_VOLUME_ROOT, LocalStructure.BCC_CUTOFF_PER_VOLUME_ROOT};
        for (int k = 0; k < 2; k++) {
            String v = "cna_" + pass[k];
            in.add("variable " + v + " equal $(" + CellFile.num(factor[k]) + "*v_cna_root:%.17g)");
            if (Double.isFinite(p.cnaCapAngstrom())) {
                in.add("if \"${" + v + "} > " + CellFile.num(p.cnaCapAngstrom()) + "\" then \"variable " + v
                        + " equal " + CellFile.num(p.cnaCapAngstrom()) + "\"");
            }
            in.add("compute " + Protocol.CNA_ID + " all cna/atom ${" + v + "}");
            in.add(Commands.runZero());
            in.add(Commands.uncompute(Protocol.CNA_ID));
        }
        return in;
    }
}
