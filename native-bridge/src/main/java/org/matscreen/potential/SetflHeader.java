package org.matscreen.potential;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.matscreen.core.element.PeriodicTable;
import org.matscreen.core.error.InvalidInputException;

/**
 * The header of a DYNAMO setfl file ({@code eam/alloy}, {@code eam/fs}): three comment lines, then the element line
 * {@code N El1 … ElN}, then {@code Nrho drho Nr dr cutoff}. Reading only the header is enough to know which elements
 * a file covers and to refuse a file that is not a setfl file before LAMMPS sees it.
 *
 * @param comments the three comment lines
 * @param elements element symbols in file order
 * @param cutoffAngstrom cut-off radius, Å
 */
public record SetflHeader(List<String> comments, List<String> elements, int nrho, double drho, int nr, double dr,
        double cutoffAngstrom) {

    public static SetflHeader read(Path file, String source, String field) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            List<String> comments = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String line = in.readLine();
                if (line == null) {
                    throw bad(file, source, field, "ends before the element line");
                }
                comments.add(line.strip());
            }
            String[] el = words(in.readLine());
            if (el.length < 2) {
                throw bad(file, source, field, "line 4 must be 'N El1 ... ElN'");
            }
            int n = parseInt(el[0], file, source, field);
            if (n < 1 || el.length != n + 1) {
                throw bad(file, source, field, "line 4 announces " + el[0] + " elements but lists " + (el.length - 1));
            }
            List<String> elements = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                if (!PeriodicTable.isElementSymbol(el[i])) {
                    throw bad(file, source, field, "line 4 names '" + el[i] + "', which is not an element symbol");
                }
                elements.add(el[i]);
            }
            String[] g = words(in.readLine());
            if (g.length != 5) {
                throw bad(file, source, field, "line 5 must be 'Nrho drho Nr dr cutoff'");
            }
            SetflHeader h = new SetflHeader(comments, elements, parseInt(g[0], file, source, field),
                    parseDouble(g[1], file, source, field), parseInt(g[2], file, source, field),
                    parseDouble(g[3], file, source, field), parseDouble(g[4], file, source, field));
            if (h.nrho < 2 || h.nr < 2 || !(h.drho > 0) || !(h.dr > 0) || !(h.cutoffAngstrom > 0)) {
                throw bad(file, source, field, "line 5 has non-positive grid values");
            }
            return h;
        } catch (IOException e) {
            throw new InvalidInputException(source, field, "cannot read potential file " + file + ": " + e.getMessage());
        }
    }

    /**
     * The per-element lines {@code Z mass a lattice} of a setfl file (one per element, each followed by its F(ρ) and
     * ρ(r) tables), in file order. Used for starting lattice parameters; reads the whole file.
     */
    public static List<ElementLine> elementLines(Path file, SetflHeader h) {
        List<ElementLine> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            for (int i = 0; i < 5; i++) {
                in.readLine();
            }
            for (int e = 0; e < h.elements().size(); e++) {
                String[] w = words(in.readLine());
                if (w.length < 3) {
                    throw new IOException("element line " + (e + 1) + " is malformed");
                }
                out.add(new ElementLine(h.elements().get(e), Integer.parseInt(w[0]), Double.parseDouble(w[1]),
                        Double.parseDouble(w[2]), w.length > 3 ? w[3].toLowerCase(java.util.Locale.ROOT) : ""));
                long skip = (long) h.nrho() + h.nr();
                while (skip > 0) {
                    String line = in.readLine();
                    if (line == null) {
                        throw new IOException("file ends inside the tables of " + h.elements().get(e));
                    }
                    String t = line.strip();
                    if (!t.isEmpty()) {
                        skip -= t.split("\\s+").length;
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new InvalidInputException(file.toString(), "", "potential file is not a valid setfl file: "
                    + e.getMessage());
        }
        return out;
    }

    /**
     * One element's line of a setfl file.
     *
     * @param latticeAngstrom lattice constant the file states, Å
     * @param lattice lattice type the file states (fcc, bcc, hcp, …), lower case
     */
    public record ElementLine(String element, int atomicNumber, double massAmu, double latticeAngstrom,
            String lattice) {}

    /** The citation the file states ("CITATION:" on line 1 as in LAMMPS' files), else its comment lines. */
    public String citation() {
        String first = comments.get(0);
        int i = first.indexOf("CITATION:");
        if (i >= 0) {
            return first.substring(i + "CITATION:".length()).strip();
        }
        return String.join(" ", comments).strip();
    }

    private static String[] words(String line) {
        return line == null ? new String[0] : line.strip().split("\\s+");
    }

    private static int parseInt(String s, Path file, String source, String field) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw bad(file, source, field, "'" + s + "' is not a whole number");
        }
    }

    private static double parseDouble(String s, Path file, String source, String field) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw bad(file, source, field, "'" + s + "' is not a number");
        }
    }

    private static InvalidInputException bad(Path file, String source, String field, String why) {
        return new InvalidInputException(source, field, "potential file " + file + " is not a valid setfl (eam/alloy,"
                + " eam/fs) file: " + why);
    }
}
