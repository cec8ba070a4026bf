package org.matscreen.repository.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.matscreen.core.structure.Lattice;
import org.matscreen.core.structure.Structure;

/**
 * CIF 1.1 in space group P 1: one data block with the cell parameters (Å, degrees), the identity symmetry operation
 * and every site in fractional coordinates with occupancy 1, in site order.
 *
 * <pre>
 * #\#CIF_1.1
 * data_c-001
 * _symmetry_space_group_name_H-M 'P 1'
 * _symmetry_Int_Tables_number 1
 * _cell_length_a 3.600000000000
 * ...
 * _chemical_formula_sum 'Cu Ni'
 * _matscreen_id 'c-001'
 * _matscreen_energy_per_atom_ev -3.5
 * loop_
 * ...
 * </pre>
 *
 * <p>CIF fixes no orientation: a reader rebuilds the cell from its lengths and angles, conventionally with a along
 * x and b in the xy-plane, so the cell comes back rotated while fractional coordinates are unchanged. The block is
 * named from the id with characters outside {@code [A-Za-z0-9._-]} replaced by {@code _} and cut to
 * {@value #MAX_BLOCK_NAME} characters; the exact id is kept in {@code _matscreen_id}, each metadata entry in a
 * {@code _matscreen_<key>} tag. CIF 1.1 is ASCII: ids and text metadata should be too.
 */
public final class CifWriter implements StructureWriter {
    /**
     * Longest block name: CIF 1.1 limits data names and block codes to 75 characters; 70 keeps even the whole
     * {@code data_} heading within that.
     */
    static final int MAX_BLOCK_NAME = 70;
    /**
     * Prefix of matscreen's own tags. CIF asks private data names to start with a project prefix so that they never
     * clash with dictionary names; this one is not registered with the IUCr, which only matters for archival CIFs.
     */
    static final String TAG_PREFIX = "_matscreen_";

    @Override
    public String extension() {
        return "cif";
    }

    @Override
    public void write(Structure structure, ExportInfo info, Writer out) throws IOException {
        Lattice lattice = structure.lattice();
        List<String> lines = new ArrayList<>();
        lines.add("#\\#CIF_1.1");
        lines.add("data_" + blockName(info.id()));
        lines.add("_symmetry_space_group_name_H-M 'P 1'");
        lines.add("_symmetry_Int_Tables_number 1");
        lines.add("_cell_length_a " + NumberText.fixed(lattice.length(0), NumberText.ANGSTROM_DECIMALS));
        lines.add("_cell_length_b " + NumberText.fixed(lattice.length(1), NumberText.ANGSTROM_DECIMALS));
        lines.add("_cell_length_c " + NumberText.fixed(lattice.length(2), NumberText.ANGSTROM_DECIMALS));
        lines.add("_cell_angle_alpha " + NumberText.fixed(lattice.angleDegrees(1, 2), NumberText.DEGREE_DECIMALS));
        lines.add("_cell_angle_beta " + NumberText.fixed(lattice.angleDegrees(0, 2), NumberText.DEGREE_DECIMALS));
        lines.add("_cell_angle_gamma " + NumberText.fixed(lattice.angleDegrees(0, 1), NumberText.DEGREE_DECIMALS));
        // Å³ with the length precision: informative only, readers take the volume from the parameters.
        lines.add("_cell_volume " + NumberText.fixed(lattice.volume(), NumberText.ANGSTROM_DECIMALS));
        lines.add("_chemical_formula_structural " + structure.composition().reducedFormula());
        lines.add(tagLine("_chemical_formula_sum", quoted(formulaSum(structure))));
        lines.add(tagLine(TAG_PREFIX + "id", quoted(info.id())));
        for (Map.Entry<String, Object> e : info.metadata().entrySet()) {
            Object v = e.getValue();
            lines.add(tagLine(TAG_PREFIX + e.getKey(),
                    v instanceof String text ? quoted(text) : NumberText.metadataValue(v)));
        }
        lines.add("loop_");
        lines.add(" _symmetry_equiv_pos_site_id");
        lines.add(" _symmetry_equiv_pos_as_xyz");
        lines.add("  1  'x, y, z'");
        lines.add("loop_");
        lines.add(" _atom_site_type_symbol");
        lines.add(" _atom_site_label");
        lines.add(" _atom_site_symmetry_multiplicity");
        lines.add(" _atom_site_fract_x");
        lines.add(" _atom_site_fract_y");
        lines.add(" _atom_site_fract_z");
        lines.add(" _atom_site_occupancy");
        addSites(structure, lines);
        for (String line : lines) {
            out.write(line);
            out.write('\n');
        }
    }

    private static void addSites(Structure structure, List<String> lines) {
        double[] fractional = structure.fractionalCoordinates();
        int[] species = structure.siteSpecies();
        int[] seen = new int[structure.speciesSymbols().size()];
        for (int i = 0; i < species.length; i++) {
            String symbol = structure.speciesAt(i);
            // Labels must be unique within the block: element plus a 1-based running number per element.
            String label = symbol + (++seen[species[i]]);
            StringBuilder line = new StringBuilder("  ").append(padRight(symbol, 3)).append(padRight(label, 8))
                    .append('1');
            for (int k = 0; k < 3; k++) {
                line.append(NumberText.fixed(fractional[3 * i + k], NumberText.FRACTIONAL_DECIMALS, 18));
            }
            lines.add(line.append("  1").toString());
        }
    }

    /** {@code text} left-aligned in {@code width} characters, always followed by at least one space. */
    private static String padRight(String text, int width) {
        return text + " ".repeat(Math.max(1, width - text.length()));
    }

    /** A tag and its value; a text field starts on the next line, so no space is left dangling after the tag. */
    private static String tagLine(String tag, String value) {
        return value.startsWith("\n") ? tag + value : tag + " " + value;
    }

    /** The data block name for {@code id}: CIF-safe characters, at most {@value #MAX_BLOCK_NAME} of them. */
    static String blockName(String id) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < id.length() && sb.length() < MAX_BLOCK_NAME; i++) {
            char c = id.charAt(i);
            boolean safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-';
            sb.append(safe ? c : '_');
        }
        return sb.toString();
    }

    /**
     * {@code _chemical_formula_sum} in Hill order (C, then H, then the rest alphabetically; purely alphabetical
     * without carbon), element and count separated by spaces, counts of 1 omitted: {@code Cu16 Ni16}.
     */
    static String formulaSum(Structure structure) {
        List<String> symbols = structure.speciesSymbols();
        int[] counts = structure.speciesCounts();
        List<Integer> order = new ArrayList<>();
        boolean carbon = symbols.contains("C");
        if (carbon) {
            order.add(symbols.indexOf("C"));
            if (symbols.contains("H")) {
                order.add(symbols.indexOf("H"));
            }
        }
        for (int s = 0; s < symbols.size(); s++) {
            if (!order.contains(s)) {
                order.add(s);
            }
        }
        List<String> parts = new ArrayList<>();
        for (int s : order) {
            if (counts[s] > 0) {
                parts.add(symbols.get(s) + (counts[s] == 1 ? "" : Integer.toString(counts[s])));
            }
        }
        return String.join(" ", parts);
    }

    /**
     * {@code text} as a CIF 1.1 value: in single quotes, or in double quotes if it holds a single quote, or as a
     * semicolon text field if it holds both (a quote followed by a space would otherwise end the value early).
     */
    static String quoted(String text) {
        if (text.indexOf('\'') < 0) {
            return "'" + text + "'";
        }
        if (text.indexOf('"') < 0) {
            return "\"" + text + "\"";
        }
        return "\n;" + text + "\n;";
    }
}
