package org.matscreen.repository.schema;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import org.matscreen.core.campaign.Visibility;
import org.matscreen.core.sim.Status;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.SiteOrdering;
import org.matscreen.repository.RecordSchema;

/**
 * Value constraints of record columns beyond their storage type, as JSON Schema keywords. Enumerations come from the
 * code's own enums, so a new status or prototype changes the schema files with it; the generated-files test then asks
 * for them to be regenerated.
 */
final class ColumnConstraints {
    private static final String HEX_SHA256 = "^[0-9a-f]{64}$";
    private static final String ELEMENT = "^[A-Z][a-z]?$";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static final Map<String, Consumer<ObjectNode>> BY_COLUMN = Map.ofEntries(
            Map.entry("id", s -> s.put("pattern", HEX_SHA256)),
            Map.entry("schema_version", s -> s.put("const", RecordSchema.VERSION)),
            Map.entry("campaign", s -> s.put("pattern", "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")),
            Map.entry("candidate_index", s -> s.put("minimum", 0)),
            Map.entry("chemical_system", s -> s.put("pattern", "^[A-Z][a-z]?(-[A-Z][a-z]?)*$")),
            Map.entry("elements", s -> items(s, i -> i.put("pattern", ELEMENT)).put("minItems", 1)),
            Map.entry("nelements", s -> s.put("minimum", 1)),
            Map.entry("element_fractions", s -> items(s, i -> i.put("minimum", 0).put("maximum", 1))),
            Map.entry("cell_counts", s -> items(s, i -> i.put("minimum", 0))),
            Map.entry("prototype", s -> enumeration(s, Arrays.stream(Prototype.values()).map(Prototype::key))),
            Map.entry("supercell", s -> s.put("pattern", "^[1-9][0-9]*x[1-9][0-9]*x[1-9][0-9]*$")),
            Map.entry("ordering", s -> enumeration(s, Arrays.stream(SiteOrdering.values()).map(SiteOrdering::key))),
            Map.entry("composition_tolerance", s -> s.put("minimum", 0).put("exclusiveMaximum", 0.5)),
            Map.entry("nsites", s -> s.put("minimum", 1)),
            Map.entry("status", s -> enumeration(s, Arrays.stream(Status.values()).map(Status::key))),
            Map.entry("lattice_vectors_angstrom", s -> s.put("minItems", 9).put("maxItems", 9)),
            Map.entry("site_species", s -> items(s, i -> i.put("minimum", 0))),
            Map.entry("elastic_stress_plus_gpa", s -> s.put("minItems", 36).put("maxItems", 36)),
            Map.entry("elastic_stress_minus_gpa", s -> s.put("minItems", 36).put("maxItems", 36)),
            Map.entry("method_potential_key", s -> s.put("pattern", HEX_SHA256)),
            Map.entry("method_potential_elements", s -> items(s, i -> i.put("pattern", ELEMENT))),
            Map.entry("potential_sha256", s -> s.put("pattern", HEX_SHA256)),
            Map.entry("potential_elements", s -> items(s, i -> i.put("pattern", ELEMENT))),
            Map.entry("started_at", s -> s.put("minimum", 0)),
            Map.entry("finished_at", s -> s.put("minimum", 0)),
            Map.entry("wall_seconds", s -> s.put("minimum", 0)),
            Map.entry("native_seconds", s -> s.put("minimum", 0)),
            Map.entry("origin", s -> s.put("pattern", "^(computed|cache:.+|pulled:.+)$")),
            Map.entry("visibility", s -> enumeration(s,
                    Arrays.stream(Visibility.Level.values()).map(Visibility.Level::key))),
            Map.entry("embargo_until", s -> s.put("format", "date").put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")));

    private ColumnConstraints() {}

    /** Adds the constraints of {@code column}, if it has any, to its property schema. */
    static void apply(String column, ObjectNode propertySchema) {
        Consumer<ObjectNode> c = BY_COLUMN.get(column);
        if (c != null) {
            c.accept(propertySchema);
        }
    }

    /** Columns that have constraints (every one must be a column of the schema; tested). */
    static java.util.Set<String> constrainedColumns() {
        return BY_COLUMN.keySet();
    }

    private static ObjectNode items(ObjectNode s, Consumer<ObjectNode> item) {
        item.accept((ObjectNode) s.get("items"));
        return s;
    }

    private static void enumeration(ObjectNode s, java.util.stream.Stream<String> values) {
        var array = JSON.arrayNode();
        values.forEach(array::add);
        s.set("enum", array);
    }
}
