package org.matscreen.potential;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.structure.Prototype;

/**
 * The Zhou–Johnson–Wadley parameter table shipped with matscreen ({@value #RESOURCE}), loaded once. The table's
 * leading {@code #} lines name its sources; the first other line is the header, whose column names are those of the
 * LAMMPS {@code EAM_code} file. Columns are looked up by name, so their order in the file does not matter.
 */
public final class ZhouDatabase {
    /** Classpath location of the parameter table. */
    public static final String RESOURCE = "/org/matscreen/potential/zhou2004.csv";
    /** Reference of the 16 metals of the 2004 paper. */
    public static final String CITATION_2004 = "X. W. Zhou, R. A. Johnson, H. N. G. Wadley, Phys. Rev. B 69, 144113 "
            + "(2004), doi:10.1103/PhysRevB.69.144113";
    /** Reference of the Cr parameters. */
    public static final String CITATION_CR = "Z. Lin, R. A. Johnson, L. V. Zhigilei, Phys. Rev. B 77, 214108 (2008), "
            + "doi:10.1103/PhysRevB.77.214108";

    private static final List<String> COLUMNS = List.of("element", "re", "fe", "rhoe", "rhos", "alpha", "beta", "A",
            "B", "cai", "ramda", "Fi0", "Fi1", "Fi2", "Fi3", "Fm0", "Fm1", "Fm2", "Fm3", "fnn", "Fn", "ielement",
            "amass", "Fm4", "beta1", "ramda1", "rhol", "rhoh", "ground_state");

    private static final class Holder {
        static final ZhouDatabase STANDARD = load();
    }

    private final Map<String, ZhouParameters> bySymbol;

    private ZhouDatabase(Map<String, ZhouParameters> bySymbol) {
        this.bySymbol = Collections.unmodifiableMap(new LinkedHashMap<>(bySymbol));
    }

    /** The table shipped on the classpath (parsed on first use, then shared). */
    public static ZhouDatabase standard() {
        return Holder.STANDARD;
    }

    /** The supported element symbols, in table order (Cu Ag Au Ni Pd Pt Al Pb Fe Mo Ta W Mg Co Ti Zr Cr). */
    public List<String> elements() {
        return List.copyOf(bySymbol.keySet());
    }

    public boolean supports(String symbol) {
        return bySymbol.containsKey(symbol);
    }

    /**
     * Parameters of one metal.
     *
     * @throws InvalidInputException naming the supported elements if {@code symbol} is not one of them
     */
    public ZhouParameters parameters(String symbol) {
        return parameters(symbol, "elements");
    }

    /**
     * Parameters of several metals, in the given order.
     *
     * @throws InvalidInputException for the first unsupported symbol, with its index as the field
     */
    public List<ZhouParameters> parameters(Collection<String> symbols) {
        List<ZhouParameters> out = new ArrayList<>(symbols.size());
        int i = 0;
        for (String s : symbols) {
            out.add(parameters(s, "elements[" + i++ + "]"));
        }
        return out;
    }

    private ZhouParameters parameters(String symbol, String field) {
        ZhouParameters p = symbol == null ? null : bySymbol.get(symbol);
        if (p == null) {
            throw new InvalidInputException("Zhou 2004 EAM generator", field, "no Zhou-Johnson-Wadley parameters for '"
                    + symbol + "'; supported elements: " + String.join(" ", bySymbol.keySet()));
        }
        return p;
    }

    /** The references of the given metals' parameters: the 2004 paper, plus Lin et al. 2008 if Cr is among them. */
    public static String citation(Collection<String> symbols) {
        boolean cr = symbols.contains("Cr");
        boolean others = symbols.stream().anyMatch(s -> !s.equals("Cr"));
        if (cr && !others) {
            return CITATION_CR;
        }
        return cr ? CITATION_2004 + "; Cr: " + CITATION_CR : CITATION_2004;
    }

    private static ZhouDatabase load() {
        InputStream s = ZhouDatabase.class.getResourceAsStream(RESOURCE);
        if (s == null) {
            throw new IllegalStateException("missing data file on the classpath: " + RESOURCE);
        }
        Map<String, ZhouParameters> map = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(s, StandardCharsets.UTF_8))) {
            Map<String, Integer> index = null;
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] cells = t.split(",", -1);
                if (index == null) {
                    index = headerIndex(cells);
                    continue;
                }
                ZhouParameters p = row(cells, index, lineNo);
                if (map.put(p.element(), p) != null) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNo + ": " + p.element()
                            + " appears twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data file " + RESOURCE, e);
        }
        if (map.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " holds no parameter rows");
        }
        return new ZhouDatabase(map);
    }

    private static Map<String, Integer> headerIndex(String[] header) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            index.put(header[i].strip(), i);
        }
        for (String c : COLUMNS) {
            if (!index.containsKey(c)) {
                throw new IllegalStateException(RESOURCE + ": header lacks column '" + c + "'");
            }
        }
        return index;
    }

    private static ZhouParameters row(String[] cells, Map<String, Integer> index, int lineNo) {
        if (cells.length < index.size()) {
            throw new IllegalStateException(RESOURCE + " line " + lineNo + ": " + cells.length + " cells, header has "
                    + index.size());
        }
        Cells c = new Cells(cells, index, lineNo);
        return new ZhouParameters(c.text("element"), c.num("re"), c.num("fe"), c.num("rhoe"), c.num("rhos"),
                c.num("alpha"), c.num("beta"), c.num("A"), c.num("B"), c.num("cai"), c.num("ramda"), c.num("Fi0"),
                c.num("Fi1"), c.num("Fi2"), c.num("Fi3"), c.num("Fm0"), c.num("Fm1"), c.num("Fm2"), c.num("Fm3"),
                c.num("fnn"), c.num("Fn"), (int) c.num("ielement"), c.num("amass"), c.num("Fm4"), c.num("beta1"),
                c.num("ramda1"), c.num("rhol"), c.num("rhoh"),
                Prototype.parse(c.text("ground_state"), RESOURCE, "ground_state"));
    }

    /** One data row, addressed by column name. */
    private record Cells(String[] cells, Map<String, Integer> index, int lineNo) {
        String text(String column) {
            return cells[index.get(column)].strip();
        }

        double num(String column) {
            String t = text(column);
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(RESOURCE + " line " + lineNo + ", column " + column
                        + ": not a number: '" + t + "'", e);
            }
        }
    }
}
