package org.matscreen.repository.hdf5;

import java.util.Map;
import java.util.Set;
import org.matscreen.repository.Column;

/**
 * The documented layout of matscreen's HDF5 export: which dataset shape each record column gets, and the names of the
 * groups, attributes and index datasets. The exporter and the generated {@code SCHEMA.md} both read it, so the
 * documentation is the layout.
 *
 * <pre>
 * /                                   format, format_version, schema_version, exported_at, exporter, filter
 * /&lt;campaign&gt;/                        campaign provenance from manifest.json (potential, versions, campaign text)
 * /&lt;campaign&gt;/&lt;chemical system&gt;/      chemical_system, elements, records
 *     &lt;column&gt;                         one dataset per column, first dimension = records of the system
 *     &lt;column&gt;_offsets                 [records + 1] for lists of varying length
 *     structures/                      relaxed cells and sites as arrays
 * </pre>
 */
public final class Hdf5Layout {
    /** Value of the root attribute {@value #FORMAT_ATTRIBUTE}. */
    public static final String FORMAT = "matscreen-hdf5";
    public static final String FORMAT_ATTRIBUTE = "format";
    /** Version of this layout (not of the record schema, which the root attribute {@code schema_version} gives). */
    public static final int FORMAT_VERSION = 1;
    /** Subgroup of a system group holding the structures. */
    public static final String STRUCTURES = "structures";
    /** Index dataset of the per-site arrays in {@link #STRUCTURES}. */
    public static final String SITE_OFFSETS = "site_offsets";
    /** Suffix of the index dataset of a list column of varying length. */
    public static final String OFFSETS_SUFFIX = "_offsets";
    /** Attribute with a dataset's unit (the name netCDF/CF conventions use); absent for dimensionless values. */
    public static final String UNITS = "units";
    public static final String DESCRIPTION = "description";
    /** Attribute with the value that stands for "unknown" in an integer dataset (netCDF/CF convention). */
    public static final String FILL_VALUE = "_FillValue";
    public static final int INT_FILL = Integer.MIN_VALUE;
    public static final long LONG_FILL = Long.MIN_VALUE;
    /** Booleans are stored as int8 (1 true, 0 false) so every HDF5 reader sees plain integers; -1 is unknown. */
    public static final byte BOOLEAN_FILL = -1;

    /** How a column is laid out. */
    public enum Shape {
        /** {@code [records]}. */
        SCALAR,
        /** {@code [records, nelements]}: lists aligned with {@code elements}, whose length a system fixes. */
        PER_ELEMENT,
        /** {@code [records, d0, d1]}: lists of a fixed size, NaN where unknown. */
        MATRIX,
        /**
         * In {@link #STRUCTURES}: the sites of all records concatenated ({@code [sites]} or {@code [sites, 3]}); the
         * sites of record {@code i} are rows {@code site_offsets[i] .. site_offsets[i+1]-1}.
         */
        PER_SITE,
        /** Values of all records concatenated, indexed by {@code <column>_offsets} like per-site arrays. */
        RAGGED
    }

    private static final Set<String> PER_ELEMENT_COLUMNS = Set.of("elements", "element_fractions", "cell_counts");
    private static final Map<String, int[]> MATRIX_COLUMNS = Map.of("lattice_vectors_angstrom", new int[] {3, 3},
            "elastic_stress_plus_gpa", new int[] {6, 6}, "elastic_stress_minus_gpa", new int[] {6, 6});
    /** Per-site columns and the number of values per site. */
    private static final Map<String, Integer> PER_SITE_COLUMNS = Map.of("site_species", 1,
            "fractional_positions", 3);
    /** Columns written into {@link #STRUCTURES} rather than the system group. */
    private static final Set<String> STRUCTURE_COLUMNS = Set.of("lattice_vectors_angstrom", "site_species",
            "fractional_positions");

    private Hdf5Layout() {}

    public static Shape shape(Column c) {
        if (!c.kind().isList()) {
            return Shape.SCALAR;
        }
        if (PER_ELEMENT_COLUMNS.contains(c.name())) {
            return Shape.PER_ELEMENT;
        }
        if (MATRIX_COLUMNS.containsKey(c.name())) {
            return Shape.MATRIX;
        }
        return PER_SITE_COLUMNS.containsKey(c.name()) ? Shape.PER_SITE : Shape.RAGGED;
    }

    /** The two trailing dimensions of a {@link Shape#MATRIX} column. */
    public static int[] matrixDimensions(Column c) {
        return MATRIX_COLUMNS.get(c.name()).clone();
    }

    /** Values per item: 3 for fractional positions (one row per site), otherwise 1. */
    public static int valuesPerItem(Column c) {
        return PER_SITE_COLUMNS.getOrDefault(c.name(), 1);
    }

    /** True if the column's dataset lives in the {@link #STRUCTURES} subgroup. */
    public static boolean inStructures(Column c) {
        return STRUCTURE_COLUMNS.contains(c.name());
    }

    /** Name of the offsets dataset that indexes a per-site or ragged column. */
    public static String offsetsName(Column c) {
        return shape(c) == Shape.PER_SITE ? SITE_OFFSETS : c.name() + OFFSETS_SUFFIX;
    }

    /** HDF5 storage type of a column's values, for the documentation. */
    public static String storageType(Column.Kind kind) {
        return switch (kind) {
            case STRING, LIST_STRING -> "fixed-length UTF-8 string";
            case INT32, LIST_INT32 -> "int32";
            case INT64 -> "int64";
            case TIMESTAMP_MS -> "int64 (ms since 1970-01-01T00:00:00Z)";
            case DOUBLE, LIST_DOUBLE -> "float64";
            case BOOLEAN -> "int8 (1 true, 0 false)";
        };
    }
}
