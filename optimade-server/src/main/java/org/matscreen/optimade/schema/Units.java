package org.matscreen.optimade.schema;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Translates the unit texts of the record schema and the metric catalogue ({@code "eV/atom"}, {@code "g/cm³"}) into
 * OPTIMADE unit expressions ({@code "eV"}, {@code "cm^-3*g"}: symbols in alphabetical order, joined by {@code *}, with
 * integer powers) and describes every symbol used as an OPTIMADE Physical Unit Definition.
 *
 * <p>Per-atom normalisation ("eV/atom", "Å³/atom") is not a unit in OPTIMADE's sense (an atom count is
 * dimensionless); the property descriptions say "per atom". A unit text this table does not know is a programming
 * error found by the unit test that maps every column, not something to guess at run time.
 */
public final class Units {
    public static final String DIMENSIONLESS = "dimensionless";
    public static final String INAPPLICABLE = "inapplicable";
    static final String UNIT_SCHEMA = "https://schemas.optimade.org/meta/v1.2/optimade/physical_unit_definition.json";

    /** matscreen unit text → OPTIMADE unit expression. */
    private static final Map<String, String> EXPRESSIONS = Map.ofEntries(
            Map.entry("Å", "angstrom"),
            Map.entry("Å³/atom", "angstrom^3"),
            Map.entry("eV/atom", "eV"),
            Map.entry("eV/Å", "angstrom^-1*eV"),
            Map.entry("GPa", "GPa"),
            Map.entry("g/cm³", "cm^-3*g"),
            Map.entry("bar", "bar"),
            Map.entry("s", "s"),
            Map.entry("K", "K"),
            Map.entry("%", "percent"),
            Map.entry("J/(mol K)", "J*K^-1*mol^-1"),
            Map.entry("kJ/mol", "kJ*mol^-1"),
            Map.entry("MJ/kg", "MJ*kg^-1"),
            Map.entry("USD/kg", "USD*kg^-1"),
            // magnetic moment per atom, as eV/atom is an energy per atom: the per-atom is in the description
            Map.entry("μB/atom", "mu_B"),
            // Counts and ratios: valence electrons per atom, Herfindahl–Hirschman index points, mass of CO2-equivalent
            // per mass of alloy (the description keeps what the number counts).
            Map.entry("atoms", DIMENSIONLESS),
            Map.entry("e/atom", DIMENSIONLESS),
            Map.entry("1", DIMENSIONLESS),
            Map.entry("HHI 0-10000", DIMENSIONLESS),
            Map.entry("kg CO2-eq/kg", DIMENSIONLESS));

    /** Symbol → (title, GNU units name or null when the symbol is not in GNU units' definitions). */
    private record Symbol(String title, String gnuUnits) {}

    private static final Map<String, Symbol> SYMBOLS = Map.ofEntries(
            Map.entry("angstrom", new Symbol("ångström, 1e-10 m", "angstrom")),
            Map.entry("eV", new Symbol("electronvolt", "eV")),
            Map.entry("GPa", new Symbol("gigapascal", "GPa")),
            Map.entry("cm", new Symbol("centimetre", "cm")),
            Map.entry("g", new Symbol("gram", "g")),
            Map.entry("bar", new Symbol("bar, 1e5 Pa", "bar")),
            Map.entry("s", new Symbol("second", "s")),
            Map.entry("K", new Symbol("kelvin", "K")),
            Map.entry("percent", new Symbol("percent, 0.01", "percent")),
            Map.entry("J", new Symbol("joule", "J")),
            Map.entry("kJ", new Symbol("kilojoule", "kJ")),
            Map.entry("mol", new Symbol("mole", "mol")),
            Map.entry("MJ", new Symbol("megajoule", "MJ")),
            Map.entry("kg", new Symbol("kilogram", "kg")),
            Map.entry("u", new Symbol("dalton, unified atomic mass unit", "u")),
            Map.entry("mu_B", new Symbol("Bohr magneton", "mu_B")),
            Map.entry("USD", new Symbol("United States dollar (price data of the year the source gives)", null)));

    private Units() {}

    /**
     * The OPTIMADE unit of a value with matscreen unit text {@code unit}; {@code numeric} tells an empty unit of a
     * number ({@value #DIMENSIONLESS}) from that of a string or a timestamp ({@value #INAPPLICABLE}).
     *
     * @throws IllegalArgumentException for a unit text this table does not know
     */
    public static String expression(String unit, boolean numeric) {
        if (unit == null || unit.isEmpty()) {
            return numeric ? DIMENSIONLESS : INAPPLICABLE;
        }
        String e = EXPRESSIONS.get(unit);
        if (e == null) {
            throw new IllegalArgumentException("no OPTIMADE unit for '" + unit + "'; add it to "
                    + Units.class.getName());
        }
        return e;
    }

    /** The unit symbols an expression uses ({@code "cm^-3*g"} → cm, g); none for dimensionless or inapplicable. */
    public static Set<String> symbols(String expression) {
        Set<String> out = new TreeSet<>();
        if (expression.equals(DIMENSIONLESS) || expression.equals(INAPPLICABLE)) {
            return out;
        }
        for (String factor : expression.split("\\*")) {
            int caret = factor.indexOf('^');
            out.add(caret < 0 ? factor : factor.substring(0, caret));
        }
        return out;
    }

    /** Physical Unit Definitions for every symbol in the given expressions, in alphabetical order of symbol. */
    public static List<ObjectNode> definitions(Iterable<String> expressions) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        Set<String> symbols = new TreeSet<>();
        expressions.forEach(e -> symbols.addAll(symbols(e)));
        for (String s : symbols) {
            out.put(s, definition(s));
        }
        return List.copyOf(out.values());
    }

    static ObjectNode definition(String symbol) {
        Symbol sym = SYMBOLS.get(symbol);
        if (sym == null) {
            throw new IllegalArgumentException("no definition for unit symbol '" + symbol + "'");
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode d = f.objectNode();
        d.put("$schema", UNIT_SCHEMA);
        d.put("$id", "urn:matscreen:optimade:unit:" + symbol);
        d.put("symbol", symbol);
        d.put("title", sym.title());
        d.put("description", "The unit " + sym.title() + ".");
        ObjectNode def = d.putObject("x-optimade-definition");
        def.put("format", "1.2");
        def.put("kind", "unit");
        def.put("name", symbol);
        def.put("label", symbol + "_matscreen");
        if (sym.gnuUnits() != null) {
            ObjectNode std = d.putObject("standard");
            std.put("name", "gnu units");
            std.put("symbol", sym.gnuUnits());
        }
        return d;
    }
}
