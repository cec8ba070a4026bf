package org.matscreen.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.matscreen.core.sim.RelaxProtocol;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.structure.LocalStructure;

/**
 * The plain-text file through which the Java and Python baselines receive the protocol and the cells: one keyword per
 * line, numbers printed with 17 significant digits so that Java, Python and LAMMPS all parse back the very same
 * doubles. The protocol is the one {@code LammpsCalculator} runs ({@link Protocol}): the tolerances as the recipe
 * applies them (an energy tolerance of 0 in the campaign is written as the recipe's), the box mode, the minimiser of
 * each attempt, the restart gain below which the attempts end, and the CNA cut-off rule. Layout (see
 * {@code bench/python/relax_pool.py}, which reads it too):
 *
 * <pre>
 * matscreen-bench-cells 2
 * pair_style eam/alloy
 * potential /usr/share/lammps/potentials/CuNi.eam.alloy
 * relax etol ftol max_iterations max_evaluations pressure_tolerance_bar max_force_ev_per_angstrom max_restarts
 * box iso                               (iso: shape-fixed cubic, |P| accepted; tri: free, all six components)
 * vmax 0.001
 * styles cg cg sd                       (minimiser of attempt 0, 1, ...; the last one repeats)
 * restart_gain 1e-9                     (eV/atom: a restart gaining less ends the attempts)
 * skin 1.0
 * cna fcc_factor bcc_factor cap         (cut-off = min(cap, factor × (V/atom)^(1/3)), Å; cap may be Infinity)
 * cell index id formula atoms          (then, per cell:)
 * species Cu 63.546 Ni 58.6934
 * box lx ly lz xy xz yz
 * types t1 … tn
 * positions x1 y1 z1 … zn
 * </pre>
 */
final class CellFile {
    static final String MAGIC = "matscreen-bench-cells 2";

    /** Everything a baseline needs. */
    record Contents(Protocol protocol, List<Cell> cells) {}

    private CellFile() {}

    static String num(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }

    static void write(Path file, Protocol p, List<Cell> cells) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            RelaxSettings r = p.settings();
            w.write(MAGIC + "\n");
            w.write("pair_style " + p.pairStyle() + "\n");
            w.write("potential " + p.potentialPath() + "\n");
            w.write("relax " + num(r.energyTolerance()) + " " + num(r.forceToleranceEvPerA()) + " " + r.maxIterations()
                    + " " + r.maxEvaluations() + " " + num(r.pressureToleranceBar()) + " "
                    + num(r.maxForceToleranceEvPerA()) + " " + r.maxRestarts() + "\n");
            w.write("box " + p.box() + "\n");
            w.write("vmax " + num(p.relax().maxVolumeChangePerStep()) + "\n");
            w.write("styles " + String.join(" ", p.relax().minStyles()) + "\n");
            w.write("restart_gain " + num(p.relax().minRestartGainEvPerAtom()) + "\n");
            w.write("skin " + num(Protocol.NEIGHBOUR_SKIN) + "\n");
            w.write("cna " + num(LocalStructure.FCC_CUTOFF_PER_VOLUME_ROOT) + " "
                    + num(LocalStructure.BCC_CUTOFF_PER_VOLUME_ROOT) + " " + num(p.cnaCapAngstrom()) + "\n");
            for (Cell c : cells) {
                w.write("cell " + c.index() + " " + c.id() + " " + c.formula() + " " + c.atoms() + "\n");
                StringBuilder b = new StringBuilder("species");
                for (int t = 0; t < c.species().size(); t++) {
                    b.append(' ').append(c.species().get(t)).append(' ').append(num(c.massesAmu()[t]));
                }
                w.write(b.append('\n').toString());
                w.write(numbers("box", c.box()));
                b = new StringBuilder("types");
                for (int t : c.types()) {
                    b.append(' ').append(t);
                }
                w.write(b.append('\n').toString());
                w.write(numbers("positions", c.positions()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String numbers(String key, double[] v) {
        StringBuilder b = new StringBuilder(key);
        for (double d : v) {
            b.append(' ').append(num(d));
        }
        return b.append('\n').toString();
    }

    static Contents read(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (!MAGIC.equals(r.readLine())) {
                throw new IllegalArgumentException(file + " is not a matscreen bench cell file");
            }
            String style = field(r, "pair_style")[1];
            String potential = field(r, "potential")[1];
            String[] x = field(r, "relax");
            String boxMode = field(r, "box")[1];
            RelaxSettings settings = new RelaxSettings(Double.parseDouble(x[1]), Double.parseDouble(x[2]),
                    Integer.parseInt(x[3]), Integer.parseInt(x[4]), Double.parseDouble(x[5]),
                    Double.parseDouble(x[6]), Integer.parseInt(x[7]), Protocol.mode(boxMode));
            double vmax = Double.parseDouble(field(r, "vmax")[1]);
            String[] st = field(r, "styles");
            List<String> styles = Arrays.asList(st).subList(1, st.length);
            double gain = Double.parseDouble(field(r, "restart_gain")[1]);
            field(r, "skin");
            double cap = Double.parseDouble(field(r, "cna")[3]);
            RelaxProtocol relax = new RelaxProtocol(boxMode.equals("iso") ? RelaxProtocol.CellFreedom.VOLUME
                    : RelaxProtocol.CellFreedom.FULL, vmax, styles, settings, gain);
            List<Cell> cells = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                String[] h = line.split(" ");
                if (!h[0].equals("cell")) {
                    throw new IllegalArgumentException(file + ": expected 'cell', got '" + h[0] + "'");
                }
                String[] sp = field(r, "species");
                List<String> species = new ArrayList<>();
                double[] masses = new double[(sp.length - 1) / 2];
                for (int i = 1; i < sp.length; i += 2) {
                    species.add(sp[i]);
                    masses[(i - 1) / 2] = Double.parseDouble(sp[i + 1]);
                }
                double[] box = doubles(field(r, "box"));
                int[] types = Arrays.stream(field(r, "types")).skip(1).mapToInt(Integer::parseInt).toArray();
                double[] positions = doubles(field(r, "positions"));
                cells.add(new Cell(Long.parseLong(h[1]), h[2], h[3], species, masses, box, types, positions));
            }
            return new Contents(new Protocol(style, potential, relax, cap), cells);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String[] field(BufferedReader r, String key) throws IOException {
        String line = r.readLine();
        String[] parts = line == null ? new String[] {""} : line.split(" ");
        if (!parts[0].equals(key)) {
            throw new IllegalArgumentException("expected '" + key + "', got '" + parts[0] + "'");
        }
        return parts;
    }

    private static double[] doubles(String[] parts) {
        return Arrays.stream(parts).skip(1).mapToDouble(Double::parseDouble).toArray();
    }
}
