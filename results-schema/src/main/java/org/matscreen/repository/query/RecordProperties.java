package org.matscreen.repository.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.matscreen.repository.Column;
import org.matscreen.repository.RecordSchema;
import org.matscreen.repository.filter.FilterParser;
import org.matscreen.repository.filter.PropertyCatalogue;
import org.matscreen.repository.filter.PropertyType;

/**
 * The filterable properties of a record, for the query CLI and the OPTIMADE server alike: every {@link RecordSchema}
 * column by its name, the same columns under matscreen's provider prefix ({@code _matscreen_dh_mix_ev_per_atom}, the
 * form OPTIMADE requires for database-specific fields), and OPTIMADE's standard names for the columns that are
 * OPTIMADE properties. {@code id}, {@code elements}, {@code nelements} and {@code nsites} are column names already;
 * the others are aliases below.
 */
public final class RecordProperties {
    /** matscreen's OPTIMADE provider prefix, without underscores. */
    public static final String PROVIDER_PREFIX = "matscreen";

    /** OPTIMADE property name → column, for OPTIMADE properties whose column has another name. */
    private static final Map<String, String> ALIASES = Map.of(
            "chemical_formula_reduced", "reduced_formula",
            "last_modified", "finished_at");

    private static final Map<String, Column> BY_PROPERTY;
    private static final PropertyCatalogue CATALOGUE;

    static {
        Map<String, Column> by = new LinkedHashMap<>();
        for (Column c : RecordSchema.columns()) {
            by.put(c.name(), c);
        }
        ALIASES.forEach((alias, column) -> by.put(alias, RecordSchema.column(column)));
        for (Column c : RecordSchema.columns()) {
            by.put("_" + PROVIDER_PREFIX + "_" + c.name(), c);
        }
        BY_PROPERTY = Collections.unmodifiableMap(by);
        PropertyCatalogue.Builder b = PropertyCatalogue.builder().ownPrefix(PROVIDER_PREFIX);
        by.forEach((name, column) -> b.property(name, type(column.kind())));
        CATALOGUE = b.build();
    }

    private RecordProperties() {}

    /** The catalogue filters are compiled against. Immutable and shared. */
    public static PropertyCatalogue catalogue() {
        return CATALOGUE;
    }

    /** The column behind a declared property name (a column name, an alias or a prefixed name). */
    public static Optional<Column> column(String property) {
        return Optional.ofNullable(BY_PROPERTY.get(property));
    }

    /**
     * The columns a filter names, in order of appearance, aliases resolved (another provider's properties, which no
     * column holds, are left out): what a query display shows besides what was asked for.
     *
     * @throws org.matscreen.repository.filter.FilterException if the filter does not parse
     */
    public static List<String> columnsIn(String filter) {
        if (filter.isBlank()) {
            return List.of();
        }
        Set<String> columns = new LinkedHashSet<>();
        for (String property : PropertyReferences.of(FilterParser.parse(filter))) {
            column(property).map(Column::name).ifPresent(columns::add);
        }
        return List.copyOf(columns);
    }

    /** The OPTIMADE aliases, name → column name. */
    public static Map<String, String> aliases() {
        return ALIASES;
    }

    /** The filter-language type of a column's values. */
    public static PropertyType type(Column.Kind kind) {
        return switch (kind) {
            case STRING -> PropertyType.STRING;
            case INT32, INT64 -> PropertyType.INTEGER;
            case DOUBLE -> PropertyType.FLOAT;
            case BOOLEAN -> PropertyType.BOOLEAN;
            case TIMESTAMP_MS -> PropertyType.TIMESTAMP;
            case LIST_STRING -> PropertyType.STRING_LIST;
            case LIST_INT32 -> PropertyType.INTEGER_LIST;
            case LIST_DOUBLE -> PropertyType.FLOAT_LIST;
        };
    }
}
