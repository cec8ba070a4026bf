package org.matscreen.optimade.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OPTIMADE Property Definitions (spec v1.2+ format, a JSON Schema subset with {@code x-optimade-*} keys) for the
 * {@code /info/structures} endpoint, generated from {@link StructureSchema}. Each definition also carries the
 * top-level {@code sortable} key the sorting section of the spec asks for.
 */
public final class PropertyDefinitions {
    static final String PROPERTY_SCHEMA = "https://schemas.optimade.org/meta/v1.2/optimade/property_definition.json";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PropertyDefinitions() {}

    /** Definitions of every property, by name, in entry order. */
    public static ObjectNode structures() {
        ObjectNode out = F.objectNode();
        for (StructureProperty p : StructureSchema.get().properties().values()) {
            out.set(p.name(), definition(p, "structures"));
        }
        return out;
    }

    /** The definition of {@code p}, an entry property of {@code entryType}. */
    public static ObjectNode definition(StructureProperty p, String entryType) {
        ObjectNode d = F.objectNode();
        d.put("$schema", PROPERTY_SCHEMA);
        d.put("$id", "urn:matscreen:optimade:" + entryType + ":" + p.name());
        d.put("title", p.title());
        d.put("description", p.description());
        ObjectNode def = d.putObject("x-optimade-definition");
        def.put("format", "1.2");
        def.put("kind", "property");
        def.put("name", p.name());
        def.put("label", p.name() + "_matscreen_" + entryType);
        boolean nullable = !p.name().equals("id") && !p.name().equals("type");
        shape(d, p.shape(), p.unit(), nullable, dimension(p.name()));
        ObjectNode impl = d.putObject("x-optimade-implementation");
        impl.put("sortable", p.sortable());
        impl.put("query-support", p.queryable() ? "all mandatory" : "none");
        impl.put("response-default", p.responseDefault());
        d.put("sortable", p.sortable());
        List<String> units = new ArrayList<>(List.of(p.unit()));
        if (p.shape() == Shape.SPECIES) {
            units.add("u");
        }
        List<ObjectNode> unitDefs = Units.definitions(units);
        if (!unitDefs.isEmpty()) {
            d.putArray("x-optimade-unit-definitions").addAll(unitDefs);
        }
        return d;
    }

    /** Writes type, unit, dimensions and items for a value of {@code shape}. */
    private static void shape(ObjectNode d, Shape shape, String unit, boolean nullable, String dim) {
        d.put("x-optimade-type", shape.optimadeType());
        ArrayNode type = d.putArray("type").add(shape.jsonType());
        if (nullable) {
            type.add("null");
        }
        switch (shape) {
            case STRING_LIST, INTEGER_LIST, FLOAT_LIST -> {
                d.put("x-optimade-unit", Units.INAPPLICABLE);
                dimensions(d, List.of(dim), Arrays.asList((Integer) null));
                ObjectNode items = d.putObject("items");
                shape(items, shape.item(), unit, false, null);
            }
            case VECTORS -> {
                d.put("x-optimade-unit", Units.INAPPLICABLE);
                Integer first = dim.equals("dim_lattice") ? 3 : null;
                dimensions(d, List.of(dim, "dim_spatial"), Arrays.asList(first, 3));
                ObjectNode vector = d.putObject("items");
                vector.put("x-optimade-type", "list");
                vector.putArray("type").add("array");
                vector.put("x-optimade-unit", Units.INAPPLICABLE);
                dimensions(vector, List.of("dim_spatial"), List.of(3));
                ObjectNode component = vector.putObject("items");
                shape(component, Shape.FLOAT, unit, dim.equals("dim_lattice"), null);
            }
            case SPECIES -> {
                d.put("x-optimade-unit", Units.INAPPLICABLE);
                dimensions(d, List.of("dim_species"), Arrays.asList((Integer) null));
                ObjectNode item = d.putObject("items");
                item.put("x-optimade-type", "dictionary");
                item.putArray("type").add("object");
                item.put("x-optimade-unit", Units.INAPPLICABLE);
                ObjectNode props = item.putObject("properties");
                Map<String, Object[]> fields = new LinkedHashMap<>();
                fields.put("name", new Object[] {Shape.STRING, Units.INAPPLICABLE, "Species name (element symbol)"});
                fields.put("chemical_symbols", new Object[] {Shape.STRING_LIST, Units.INAPPLICABLE, "Element symbols"});
                fields.put("concentration", new Object[] {Shape.FLOAT_LIST, Units.DIMENSIONLESS, "Concentrations"});
                fields.put("mass", new Object[] {Shape.FLOAT_LIST, "u", "Standard atomic masses, Da"});
                fields.forEach((name, spec) -> {
                    ObjectNode f = props.putObject(name);
                    f.put("title", (String) spec[2]);
                    shape(f, (Shape) spec[0], (String) spec[1], false, "dim_symbols");
                });
                item.putArray("required").add("name").add("chemical_symbols").add("concentration");
            }
            default -> d.put("x-optimade-unit", unit);
        }
    }

    private static void dimensions(ObjectNode d, List<String> names, List<Integer> sizes) {
        ObjectNode dims = d.putObject("x-optimade-dimensions");
        ArrayNode n = dims.putArray("names");
        names.forEach(n::add);
        ArrayNode s = dims.putArray("sizes");
        for (Integer size : sizes) {
            if (size == null) {
                s.addNull();
            } else {
                s.add(size);
            }
        }
    }

    /** The list dimension of a property, as OPTIMADE names it where it defines one. */
    private static String dimension(String name) {
        return switch (name) {
            case "elements", "elements_ratios" -> "dim_elements";
            case "lattice_vectors" -> "dim_lattice";
            case "cartesian_site_positions", "fractional_site_positions", "species_at_sites" -> "dim_sites";
            case "dimension_types" -> "dim_spatial";
            case "structure_features" -> "dim_structure_features";
            case "species" -> "dim_species";
            default -> name.startsWith(StructureSchema.PROVIDER) ? StructureSchema.PROVIDER + "dim_"
                    + name.substring(StructureSchema.PROVIDER.length()) : "dim_" + name;
        };
    }
}
