package org.matscreen.potential;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.matscreen.core.error.InvalidInputException;

/**
 * Reads DYNAMO setfl ({@code eam/alloy}) files the way LAMMPS does: three comment lines, the element line, the grid
 * line, then line-oriented blocks of numbers in free format (any count per line, Fortran {@code E} or {@code D}
 * exponents). Stricter than LAMMPS where strictness catches a wrong file early: the element line's count must match
 * its names, no line may run past the end of a table, every value must be finite, and nothing but blank lines may
 * follow the last table. Problems are reported as {@link InvalidInputException} naming the file, the line and the
 * table.
 */
public final class SetflReader {
    private SetflReader() {}

    /** Reads a setfl file (UTF-8; undecodable bytes in comment lines become U+FFFD instead of failing). */
    public static SetflFile read(Path file) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the potential file " + file, e);
        }
    }

    /** Parses setfl text; {@code source} names it in error messages. */
    public static SetflFile parse(String text, String source) {
        try {
            return read(new StringReader(text), source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    private static SetflFile read(Reader reader, String source) throws IOException {
        Lines in = new Lines(reader instanceof BufferedReader b ? b : new BufferedReader(reader), source);
        List<String> comments = new ArrayList<>();
        for (int i = 0; i < SetflFile.COMMENT_LINES; i++) {
            comments.add(in.requireLine("comment line " + (i + 1)));
        }
        String[] elementLine = in.requireTokens("element line");
        int n = in.integer(elementLine[0], "element line", "number of elements");
        if (n < 1 || elementLine.length != n + 1) {
            throw in.error("element line", "declares " + elementLine[0] + " elements but names "
                    + (elementLine.length - 1));
        }
        String[] g = in.requireTokens("grid line");
        if (g.length < 5) {
            throw in.error("grid line", "expected 'nrho drho nr dr cutoff', got " + g.length + " values");
        }
        SetflGrid grid;
        try {
            grid = new SetflGrid(in.integer(g[0], "grid line", "nrho"), in.number(g[1], "grid line"),
                    in.integer(g[2], "grid line", "nr"), in.number(g[3], "grid line"), in.number(g[4], "grid line"));
        } catch (IllegalArgumentException e) {
            throw in.error("grid line", e.getMessage());
        }
        List<SetflElement> elements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String symbol = elementLine[i + 1];
            String[] h = in.requireTokens(symbol + " header");
            if (h.length < 2) {
                throw in.error(symbol + " header", "expected 'Z mass [a lattice]'");
            }
            int z = in.integer(h[0], symbol + " header", "atomic number");
            double mass = in.number(h[1], symbol + " header");
            double lattice = h.length > 2 ? in.number(h[2], symbol + " header") : Double.NaN;
            String type = h.length > 3 ? h[3] : "";
            double[] embedding = in.table(grid.nRho(), symbol + " F(rho) table");
            double[] density = in.table(grid.nR(), symbol + " rho(r) table");
            elements.add(new SetflElement(symbol, z, mass, lattice, type, embedding, density));
        }
        List<double[]> pairs = new ArrayList<>(n * (n + 1) / 2);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                pairs.add(in.table(grid.nR(), elementLine[i + 1] + "-" + elementLine[j + 1] + " r*phi(r) table"));
            }
        }
        in.requireEnd();
        return new SetflFile(comments, grid, elements, pairs);
    }

    /** Line source that remembers where it is, for error messages. */
    private static final class Lines {
        private final BufferedReader in;
        private final String source;
        private int lineNo;

        Lines(BufferedReader in, String source) {
            this.in = in;
            this.source = source;
        }

        String requireLine(String what) throws IOException {
            String line = in.readLine();
            if (line == null) {
                throw error(what, "file ends early");
            }
            lineNo++;
            return line;
        }

        /** The next non-blank line split into tokens. */
        String[] requireTokens(String what) throws IOException {
            while (true) {
                String t = requireLine(what).strip();
                if (!t.isEmpty()) {
                    return t.split("\\s+");
                }
            }
        }

        double[] table(int count, String what) throws IOException {
            double[] values = new double[count];
            int filled = 0;
            while (filled < count) {
                String t = requireLine(what + " (" + filled + " of " + count + " values read)").strip();
                if (t.isEmpty()) {
                    continue;
                }
                String[] tokens = t.split("\\s+");
                if (filled + tokens.length > count) {
                    throw error(what, "line holds " + tokens.length + " values but only " + (count - filled)
                            + " remain in the table");
                }
                for (String token : tokens) {
                    values[filled++] = number(token, what);
                }
            }
            return values;
        }

        void requireEnd() throws IOException {
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (!line.isBlank()) {
                    throw error("end of file", "unexpected content after the last pair table: '" + abbreviate(line)
                            + "'");
                }
            }
        }

        int integer(String token, String what, String name) {
            try {
                return Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw error(what, name + " is not an integer: '" + abbreviate(token) + "'");
            }
        }

        double number(String token, String what) {
            double v;
            try {
                // Fortran writers may use D exponents (1.0D+00).
                v = Double.parseDouble(token.replace('D', 'E').replace('d', 'e'));
            } catch (NumberFormatException e) {
                throw error(what, "not a number: '" + abbreviate(token) + "'");
            }
            if (!Double.isFinite(v)) {
                throw error(what, "value is not finite: '" + abbreviate(token) + "'");
            }
            return v;
        }

        InvalidInputException error(String what, String reason) {
            return new InvalidInputException(source, "line " + lineNo + " (" + what + ")", reason);
        }

        private static String abbreviate(String s) {
            return s.length() <= 60 ? s : s.substring(0, 57) + "...";
        }
    }
}
