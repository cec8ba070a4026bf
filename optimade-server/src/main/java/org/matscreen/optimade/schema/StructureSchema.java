package org.matscreen.optimade.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.matscreen.optimade.schema.StructureProperty.Source;
import org.matscreen.repository.Column;
import org.matscreen.repository.RecordSchema;
import org.matscreen.repository.filter.PropertyCatalogue;

/**
 * The {@code structures} entry type as matscreen serves it: OPTIMADE's standard properties mapped onto record
 * columns, then every other column of {@link RecordSchema} as a provider property {@code _matscreen_<column>} with
 * the column's unit and description. Because the provider properties are generated from the record schema, a new
 * column (for example a new descriptor) is served, described in {@code /info/structures} and filterable without a
 * change here.
 */
public final class StructureSchema {
    /** matscreen's database-provider prefix, without underscores. */
    public static final String PREFIX = "matscreen";
    /** The provider-property name of a record column. */
    public static final String PROVIDER = "_" + PREFIX + "_";

    /**
     * Record columns that become standard properties (or are folded into one), so they are not repeated as provider
     * properties: id, elements, nelements, reduced formula, nsites, finished_at (last_modified) and the relaxed
     * structure (lattice_vectors, species_at_sites, fractional_site_positions).
     */
    static final Set<String> MAPPED_COLUMNS = Set.of("id", "elements", "nelements", "reduced_formula", "nsites",
            "finished_at", "lattice_vectors_angstrom", "site_species", "fractional_positions");

    /**
     * Record columns too large for the in-memory index (per-site, per-scan, per-shell arrays): served per page from
     * the chunk files, not queryable.
     */
    public static final Set<String> DETAIL_COLUMNS = Set.of("lattice_vectors_angstrom", "site_species",
            "fractional_positions", "sqs_warren_cowley", "eos_volumes_a3_per_atom", "eos_energies_ev_per_atom",
            "elastic_stress_plus_gpa", "elastic_stress_minus_gpa");

    /** Visibility columns are served as the server enforces them (after campaign overrides and the embargo cap). */
    public static final Set<String> EFFECTIVE_VISIBILITY_COLUMNS = Set.of("visibility", "embargo_until", "owner");

    private static final StructureSchema INSTANCE = new StructureSchema();

    private final Map<String, StructureProperty> properties;
    private final PropertyCatalogue catalogue;

    private StructureSchema() {
        Map<String, StructureProperty> p = new LinkedHashMap<>();
        for (StructureProperty s : standard()) {
            p.put(s.name(), s);
        }
        for (Column c : RecordSchema.columns()) {
            if (!MAPPED_COLUMNS.contains(c.name())) {
                StructureProperty s = provider(c);
                p.put(s.name(), s);
            }
        }
        properties = Collections.unmodifiableMap(p);
        PropertyCatalogue.Builder b = PropertyCatalogue.builder().ownPrefix(PREFIX);
        for (StructureProperty s : properties.values()) {
            if (s.queryable()) {
                b.property(s.name(), s.shape().filterType());
            }
        }
        catalogue = b.build();
    }

    public static StructureSchema get() {
        return INSTANCE;
    }

    /** Every property, standard ones first, in the order entries list them. */
    public Map<String, StructureProperty> properties() {
        return properties;
    }

    public Optional<StructureProperty> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    /** The queryable properties with their filter types, for {@link org.matscreen.repository.filter.FilterCompiler}. */
    public PropertyCatalogue catalogue() {
        return catalogue;
    }

    /** Attributes returned when {@code response_fields} is absent, in entry order. */
    public List<String> defaultFields() {
        List<String> out = new ArrayList<>();
        for (StructureProperty s : properties.values()) {
            if (s.responseDefault()) {
                out.add(s.name());
            }
        }
        return out;
    }

    private static List<StructureProperty> standard() {
        String per = "OPTIMADE standard property. ";
        return List.of(
                idx("id", Shape.STRING, true, Units.INAPPLICABLE, "Entry id",
                        per + "The record's content hash: SHA-256 (hex) of composition, structure recipe and method.",
                        true, false, Source.RECORD, "id"),
                constant("type", Shape.STRING, "Entry type", per + "Always \"structures\".", "structures", false),
                idx("immutable_id", Shape.STRING, true, Units.INAPPLICABLE, "Immutable id",
                        per + "The same content hash as id: a record's id never changes.", true, true,
                        Source.RECORD, "id"),
                idx("last_modified", Shape.TIMESTAMP, true, Units.INAPPLICABLE, "Last modified",
                        per + "When the calculation of the record finished (UTC, millisecond resolution).", true,
                        true, Source.RECORD, "finished_at"),
                idx("elements", Shape.STRING_LIST, true, Units.INAPPLICABLE, "Elements",
                        per + "Chemical symbols of the elements present, alphabetical.", false, true, Source.RECORD,
                        "elements"),
                idx("nelements", Shape.INTEGER, true, Units.DIMENSIONLESS, "Number of elements",
                        per + "Number of different elements.", true, true, Source.RECORD, "nelements"),
                idx("elements_ratios", Shape.FLOAT_LIST, true, Units.DIMENSIONLESS, "Element ratios",
                        per + "Atom fraction of each element in the computed cell, aligned with elements.", false,
                        true, Source.DERIVED, "elements_ratios"),
                idx("chemical_formula_descriptive", Shape.STRING, true, Units.INAPPLICABLE, "Descriptive formula",
                        per + "Atom counts of the computed cell, alphabetical, e.g. Cu171Ni9.", true, true,
                        Source.DERIVED, "chemical_formula_descriptive"),
                idx("chemical_formula_reduced", Shape.STRING, true, Units.INAPPLICABLE, "Reduced formula",
                        per + "Reduced formula of the computed cell, alphabetical, e.g. Cu19Ni.", true, true,
                        Source.RECORD, "reduced_formula"),
                constant("chemical_formula_hill", Shape.STRING, "Hill formula", per + "Unknown for every entry:"
                        + " a random or special-quasirandom alloy cell has no chemically relevant formula unit beyond"
                        + " the reduced formula, and the spec says to leave the Hill formula unset then.", null, false),
                idx("chemical_formula_anonymous", Shape.STRING, true, Units.INAPPLICABLE, "Anonymous formula",
                        per + "The reduced formula with elements ordered by proportion and named A, B, C, ...", true,
                        true, Source.DERIVED, "chemical_formula_anonymous"),
                constant("dimension_types", Shape.INTEGER_LIST, "Dimension types",
                        per + "Always [1, 1, 1]: every cell is periodic in three dimensions.", List.of(1L, 1L, 1L),
                        true),
                constant("nperiodic_dimensions", Shape.INTEGER, "Number of periodic dimensions",
                        per + "Always 3.", 3L, true),
                detail("lattice_vectors", Shape.VECTORS, "angstrom", "Lattice vectors",
                        per + "The relaxed cell vectors a, b, c in Cartesian coordinates, Å; unknown for a"
                                + " calculation that did not finish.", true, "lattice_vectors_angstrom"),
                detail("cartesian_site_positions", Shape.VECTORS, "angstrom", "Cartesian site positions",
                        per + "Relaxed site positions in Cartesian coordinates, Å (computed from the stored fractional"
                                + " positions and the lattice vectors).", true, "fractional_positions"),
                detail("fractional_site_positions", Shape.VECTORS, Units.DIMENSIONLESS, "Fractional site positions",
                        per + "Relaxed site positions in fractions of the lattice vectors, exactly as stored.", true,
                        "fractional_positions"),
                idx("site_coordinate_span", Shape.STRING, true, Units.INAPPLICABLE, "Site coordinate span",
                        per + "\"unit_cell\": the sites are the complete computed supercell.", false, true,
                        Source.DERIVED, "site_coordinate_span"),
                idx("nsites", Shape.INTEGER, true, Units.DIMENSIONLESS, "Number of sites",
                        per + "Sites in the computed cell.", true, true, Source.RECORD, "nsites"),
                detail("species_at_sites", Shape.STRING_LIST, Units.INAPPLICABLE, "Species at sites",
                        per + "Species name of each site, aligned with the site positions.", true, "site_species"),
                idx("species", Shape.SPECIES, false, Units.INAPPLICABLE, "Species",
                        per + "One species per element, named by its chemical symbol, with its standard atomic mass.",
                        false, true, Source.RECORD, "elements"),
                constant("structure_features", Shape.STRING_LIST, "Structure features",
                        per + "Always empty: no disorder, implicit atoms, site attachments or assemblies.", List.of(),
                        true),
                idx("optimization_type", Shape.STRING, true, Units.INAPPLICABLE, "Optimization type",
                        per + "\"local\": cell and positions relaxed into a local minimum of the interatomic"
                                + " potential; unknown for a calculation that did not finish.", true, true,
                        Source.DERIVED, "optimization_type"));
    }

    /** The provider property of a record column. */
    private static StructureProperty provider(Column c) {
        Shape shape = switch (c.kind()) {
            case STRING -> Shape.STRING;
            case INT32, INT64 -> Shape.INTEGER;
            case DOUBLE -> Shape.FLOAT;
            case BOOLEAN -> Shape.BOOLEAN;
            case TIMESTAMP_MS -> Shape.TIMESTAMP;
            case LIST_STRING -> Shape.STRING_LIST;
            case LIST_INT32 -> Shape.INTEGER_LIST;
            case LIST_DOUBLE -> Shape.FLOAT_LIST;
        };
        String unit = shape == Shape.TIMESTAMP || c.unit().equals("date") ? Units.INAPPLICABLE
                : Units.expression(c.unit(), shape.isNumeric());
        boolean detail = DETAIL_COLUMNS.contains(c.name());
        String unitNote = c.unit().isEmpty() || shape == Shape.TIMESTAMP ? "" : " Unit: " + c.unit() + ".";
        String note = EFFECTIVE_VISIBILITY_COLUMNS.contains(c.name())
                ? " As this server enforces it (after campaign overrides and the maximum embargo)." : "";
        String description = capitalised(c.description()) + "." + unitNote + note + " matscreen record column "
                + c.name() + (detail ? "; not queryable, returned only when requested." : ".");
        return new StructureProperty(PROVIDER + c.name(), shape, !detail, unit, capitalised(c.description()),
                description, !detail && !shape.isList(), !detail, detail ? Source.DETAIL : Source.RECORD, c.name(),
                null);
    }

    private static StructureProperty idx(String name, Shape shape, boolean queryable, String unit, String title,
            String description, boolean sortable, boolean responseDefault, Source source, String key) {
        return new StructureProperty(name, shape, queryable, unit, title, description, sortable, responseDefault,
                source, key, null);
    }

    private static StructureProperty detail(String name, Shape shape, String unit, String title, String description,
            boolean responseDefault, String column) {
        return new StructureProperty(name, shape, false, unit, title, description, false, responseDefault,
                Source.DETAIL, column, null);
    }

    private static StructureProperty constant(String name, Shape shape, String title, String description,
            Object value, boolean responseDefault) {
        return new StructureProperty(name, shape, true, shape.isNumeric() ? Units.DIMENSIONLESS : Units.INAPPLICABLE,
                title, description, false, responseDefault, Source.CONSTANT, null, value);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
