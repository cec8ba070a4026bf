package org.matscreen.optimade.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.matscreen.core.element.PeriodicTable;
import org.matscreen.core.structure.Lattice;
import org.matscreen.optimade.index.DetailStore.RowDetail;
import org.matscreen.optimade.index.IndexColumn;
import org.matscreen.optimade.index.StructureIndex;
import org.matscreen.optimade.schema.StructureProperty;
import org.matscreen.optimade.schema.StructureSchema;

/** Writes one {@code structures} resource object: id, type, links, the requested attributes, relationships. */
final class StructureWriter {
    private final StructureIndex index;
    private final StructureSchema schema = StructureSchema.get();
    private final IndexColumn elements;
    private final IndexColumn potential;
    private final IndexColumn methodKey;

    StructureWriter(StructureIndex index) {
        this.index = index;
        this.elements = index.column(schema.property("elements").orElseThrow()).orElseThrow();
        this.potential = index.column(schema.property(StructureSchema.PROVIDER + "potential_sha256").orElseThrow())
                .orElseThrow();
        this.methodKey = index.column(schema.property(StructureSchema.PROVIDER + "method_potential_key")
                .orElseThrow()).orElseThrow();
    }

    /** The id of the references entry citing the potential of {@code row}. */
    String referenceId(int row) {
        return References.potentialId((String) potential.value(row), (String) methodKey.value(row));
    }

    /**
     * @param fields attribute names in output order; names this server does not know (other providers') are
     *     written as null
     * @param detail the row's large columns, or null when no requested field needs them
     */
    void write(JsonGenerator g, int row, List<String> fields, RowDetail detail, String versionedBase)
            throws IOException {
        String id = index.id(row);
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("type", "structures");
        g.writeObjectFieldStart("links");
        g.writeStringField("self", versionedBase + "/structures/" + PathSegments.encode(id));
        g.writeEndObject();
        g.writeObjectFieldStart("attributes");
        for (String name : fields) {
            g.writeFieldName(name);
            StructureProperty p = schema.property(name).orElse(null);
            if (p == null) {
                g.writeNull();
            } else {
                value(g, p, row, detail);
            }
        }
        g.writeEndObject();
        g.writeObjectFieldStart("relationships");
        g.writeObjectFieldStart("references");
        g.writeArrayFieldStart("data");
        g.writeStartObject();
        g.writeStringField("type", "references");
        g.writeStringField("id", referenceId(row));
        g.writeObjectFieldStart("meta");
        g.writeStringField("description", "interatomic potential used for the calculation");
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private void value(JsonGenerator g, StructureProperty p, int row, RowDetail detail) throws IOException {
        switch (p.source()) {
            case CONSTANT -> constant(g, p.constant());
            case RECORD, DERIVED -> {
                if (p.name().equals("species")) {
                    species(g, row);
                } else {
                    index.column(p).orElseThrow().write(g, row);
                }
            }
            case DETAIL -> detail(g, p, row, detail);
        }
    }

    private static void constant(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                constant(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else {
            g.writeString(v.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> elements(int row) {
        return (List<String>) elements.value(row);
    }

    private void species(JsonGenerator g, int row) throws IOException {
        g.writeStartArray();
        for (String s : elements(row)) {
            g.writeStartObject();
            g.writeStringField("name", s);
            g.writeArrayFieldStart("chemical_symbols");
            g.writeString(s);
            g.writeEndArray();
            g.writeArrayFieldStart("concentration");
            g.writeNumber(1.0);
            g.writeEndArray();
            g.writeArrayFieldStart("mass");
            g.writeNumber(PeriodicTable.of(s).atomicMassGPerMol());
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void detail(JsonGenerator g, StructureProperty p, int row, RowDetail d) throws IOException {
        double[] lattice = d == null ? null : d.doubles("lattice_vectors_angstrom");
        double[] fractional = d == null ? null : d.doubles("fractional_positions");
        switch (p.name()) {
            case "lattice_vectors" -> vectors(g, lattice);
            case "fractional_site_positions" -> vectors(g, fractional);
            case "cartesian_site_positions" -> {
                if (lattice == null || fractional == null) {
                    g.writeNull();
                    return;
                }
                Lattice l = Lattice.of(lattice);
                double[] cart = new double[fractional.length];
                for (int i = 0; i < fractional.length; i += 3) {
                    System.arraycopy(l.toCartesian(fractional[i], fractional[i + 1], fractional[i + 2]), 0, cart, i,
                            3);
                }
                vectors(g, cart);
            }
            case "species_at_sites" -> {
                int[] species = d == null ? null : d.ints("site_species");
                if (species == null) {
                    g.writeNull();
                    return;
                }
                List<String> symbols = elements(row);
                g.writeStartArray();
                for (int s : species) {
                    g.writeString(symbols.get(s));
                }
                g.writeEndArray();
            }
            default -> {
                double[] v = d == null ? null : d.doubles(p.key());
                if (v == null) {
                    g.writeNull();
                    return;
                }
                g.writeStartArray();
                for (double x : v) {
                    g.writeNumber(x);
                }
                g.writeEndArray();
            }
        }
    }

    /** A flat array of 3-vectors as a list of [x, y, z]. */
    private static void vectors(JsonGenerator g, double[] flat) throws IOException {
        if (flat == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (int i = 0; i < flat.length; i += 3) {
            g.writeStartArray();
            g.writeNumber(flat[i]);
            g.writeNumber(flat[i + 1]);
            g.writeNumber(flat[i + 2]);
            g.writeEndArray();
        }
        g.writeEndArray();
    }
}
