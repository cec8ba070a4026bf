package org.matscreen.potential;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.matscreen.core.error.InvalidInputException;

/**
 * Checks the whole of a setfl file after its header: every element line, and every table holding exactly the number of
 * values the grid line announces, each a finite number. LAMMPS reads the tables only when a calculation starts, and a
 * truncated file or a NaN then aborts every candidate; checked here, such a file is refused before Spark starts, with
 * the line at fault. Streams the file (tens of MB for fine grids) without keeping the tables. Each table starts on a
 * new line, as LAMMPS reads them.
 *
 * <p>{@code eam/alloy}: per element {@code Nrho} values of F(ρ) and {@code Nr} of ρ(r); {@code eam/fs}: per element
 * F(ρ) and one ρ(r) table per element of the file; then, for both, {@code N(N+1)/2} tables of r·φ(r).
 */
final class SetflTables {
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(?i:nan|inf|infinity)");

    private final Path file;
    private final String source;
    private final String field;
    private BufferedReader in;
    private int lineNo;
    private String[] tokens = new String[0];
    private int next;

    private SetflTables(Path file, String source, String field) {
        this.file = file;
        this.source = source;
        this.field = field;
    }

    /** Throws an {@link InvalidInputException} naming {@code source}/{@code field}, the file and the line. */
    static void check(Path file, SetflHeader h, boolean finnisSinclair, String source, String field) {
        new SetflTables(file, source, field).run(h, finnisSinclair);
    }

    private void run(SetflHeader h, boolean fs) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            in = r;
            for (int i = 0; i < 5; i++) {
                line();
            }
            int n = h.elements().size();
            for (String el : h.elements()) {
                String[] header = nonBlankLine(el + " element line");
                if (header.length < 2) {
                    throw bad("line " + lineNo + " must be the element line of " + el + " ('Z mass a lattice')");
                }
                for (int k = 0; k < 2; k++) {
                    number(header[k], el + " element line");
                }
                values(h.nrho(), el + " F(rho) table");
                if (fs) {
                    for (String other : h.elements()) {
                        values(h.nr(), el + " rho(r) table for " + other);
                    }
                } else {
                    values(h.nr(), el + " rho(r) table");
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    values(h.nr(), h.elements().get(i) + "-" + h.elements().get(j) + " r*phi(r) table");
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException(source, field, "cannot read potential file " + file + ": "
                    + e.getMessage());
        }
    }

    private String line() throws IOException {
        String l = in.readLine();
        if (l != null) {
            lineNo++;
        }
        return l;
    }

    private String[] nonBlankLine(String what) throws IOException {
        for (String l; (l = line()) != null; ) {
            if (!l.isBlank()) {
                tokens = new String[0];
                next = 0;
                return l.strip().split("\\s+");
            }
        }
        throw bad("ends at line " + lineNo + " before the " + what);
    }

    /**
     * Reads {@code count} values across lines, as LAMMPS does: a table starts on a new line, and values past its end
     * on its last line would be dropped by LAMMPS without a word, so they are refused here.
     */
    private void values(long count, String what) throws IOException {
        tokens = new String[0];
        next = 0;
        for (long read = 0; read < count; read++) {
            while (next >= tokens.length) {
                String l = line();
                if (l == null) {
                    throw bad("ends at line " + lineNo + " inside the " + what + " (" + read + " of " + count
                            + " values); the file is truncated or its grid line is wrong");
                }
                tokens = l.isBlank() ? new String[0] : l.strip().split("\\s+");
                next = 0;
                if (tokens.length > count - read) {
                    throw bad("line " + lineNo + " (" + what + ") holds " + tokens.length + " values but only "
                            + (count - read) + " remain in the table; LAMMPS would drop the rest");
                }
            }
            number(tokens[next++], what);
        }
    }

    private void number(String token, String what) {
        if (NON_FINITE.matcher(token).matches()) {
            throw bad("line " + lineNo + " (" + what + "): value is not finite: '" + token + "'");
        }
        double v;
        try {
            v = Double.parseDouble(token.replace('D', 'E').replace('d', 'e'));
        } catch (NumberFormatException e) {
            throw bad("line " + lineNo + " (" + what + "): not a number: '" + abbreviate(token) + "'");
        }
        if (!Double.isFinite(v)) {
            throw bad("line " + lineNo + " (" + what + "): value is not finite: '" + abbreviate(token) + "'");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private InvalidInputException bad(String why) {
        return new InvalidInputException(source, field, "potential file " + file + " is not a valid setfl file: "
                + why);
    }
}
