package org.matscreen.optimade.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.core.structure.Lattice;
import org.matscreen.optimade.schema.StructureSchema;
import org.matscreen.repository.Column;
import org.matscreen.repository.RecordCodec;
import org.matscreen.repository.RecordSchema;

/**
 * Rebuilds a repository record from a {@code structures} entry. The entry's values are put back into the record
 * schema's columns (standard properties where matscreen maps them, {@code _matscreen_<column>} for the rest) and the
 * repository's own codec turns the row into a {@link CandidateResult}, so a record served by one matscreen and pulled
 * by another is the same record, bit for bit.
 *
 * <p>The record's {@code origin} becomes {@code pulled:<the entry's URL>}, so the repository itself says where each
 * pulled record came from (the source's own origin is kept in the pull's provenance files).
 *
 * <p>An entry of another OPTIMADE database has a structure but none of what a matscreen record requires (the recipe,
 * the method and the potential, the provenance): inventing those would put false data in the repository, so such an
 * entry is reported as not representable, with the missing columns, and kept verbatim by {@link PullJob}.
 */
final class EntryDecoder {
    /** The result: a record, or why the entry is not one. */
    record Decoded(CandidateResult record, String reason) {}

    private final RecordCodec codec = new RecordCodec();
    private final SimpleGroupFactory groups = new SimpleGroupFactory(RecordSchema.parquetSchema());

    /**
     * What an id or a campaign name may be once it is in a repository: it becomes part of file names on export, so
     * '', '.', '..', a '/' or a leading '.' (a hidden file) are refused at the door.
     */
    static final java.util.regex.Pattern SAFE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    /** @param sourceUrl the entry's URL on the server it came from */
    Decoded decode(JsonNode entry, String sourceUrl) {
        JsonNode a = entry.path("attributes");
        Group g = groups.newGroup();
        List<String> missing = new ArrayList<>();
        for (Column c : RecordSchema.columns()) {
            JsonNode v;
            try {
                v = c.name().equals("origin") ? TextNode.valueOf("pulled:" + sourceUrl) : value(c.name(), entry, a);
            } catch (RuntimeException e) {
                return new Decoded(null, "cannot read " + c.name() + ": " + e.getMessage());
            }
            if (v == null || v.isMissingNode() || v.isNull()) {
                if (c.required()) {
                    missing.add(c.name());
                }
                continue;
            }
            try {
                put(g, c, v);
            } catch (RuntimeException e) {
                return new Decoded(null, c.name() + " has an unexpected value: " + e.getMessage());
            }
        }
        if (!missing.isEmpty()) {
            return new Decoded(null, "not a matscreen record: no value for " + String.join(", ", missing));
        }
        // A record's id and campaign become file names on export: checked before anything is stored.
        String id = entry.path("id").isTextual() ? entry.path("id").textValue() : null;
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            return new Decoded(null, "the entry's id " + (id == null ? "is missing" : "'" + abbreviate(id)
                    + "' is not a safe id") + " (1-128 letters, digits, '.', '_', ':' or '-', not starting with '.')");
        }
        JsonNode campaign = a.path(StructureSchema.PROVIDER + "campaign");
        if (campaign.isTextual() && !SAFE_ID.matcher(campaign.textValue()).matches()) {
            return new Decoded(null, "the entry's campaign '" + abbreviate(campaign.textValue()) + "' is not a safe"
                    + " name (1-128 letters, digits, '.', '_', ':' or '-', not starting with '.')");
        }
        try {
            return new Decoded(codec.decode(g), null);
        } catch (RuntimeException e) {
            return new Decoded(null, "the values do not make a valid record: " + e.getMessage());
        }
    }

    /** The JSON value that holds record column {@code column}. */
    private static JsonNode value(String column, JsonNode entry, JsonNode a) {
        return switch (column) {
            case "id" -> entry.path("id");
            case "elements" -> a.path("elements");
            case "nelements" -> a.path("nelements");
            case "reduced_formula" -> a.path("chemical_formula_reduced");
            case "nsites" -> a.path("nsites");
            case "finished_at" -> a.path("last_modified");
            case "lattice_vectors_angstrom" -> flat(a.path("lattice_vectors"));
            case "fractional_positions" -> fractional(a);
            case "site_species" -> siteSpecies(a);
            default -> a.path(StructureSchema.PROVIDER + column);
        };
    }

    /** [[x, y, z], ...] as [x, y, z, ...]. */
    private static JsonNode flat(JsonNode vectors) {
        if (!vectors.isArray()) {
            return null;
        }
        var out = JsonNodeFactory.instance.arrayNode();
        vectors.forEach(v -> v.forEach(out::add));
        return out;
    }

    /** The fractional positions as given, or computed from Cartesian positions and the lattice. */
    private static JsonNode fractional(JsonNode a) {
        JsonNode f = flat(a.path("fractional_site_positions"));
        if (f != null) {
            return f;
        }
        JsonNode cart = flat(a.path("cartesian_site_positions"));
        JsonNode lattice = flat(a.path("lattice_vectors"));
        if (cart == null || lattice == null || lattice.size() != 9) {
            return null;
        }
        double[] m = new double[9];
        for (int i = 0; i < 9; i++) {
            m[i] = lattice.get(i).asDouble();
        }
        Lattice l = Lattice.of(m);
        var out = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i + 2 < cart.size(); i += 3) {
            for (double x : l.toFractional(cart.get(i).asDouble(), cart.get(i + 1).asDouble(),
                    cart.get(i + 2).asDouble())) {
                out.add(x);
            }
        }
        return out;
    }

    /** species_at_sites as indices into elements (species are named by their element here). */
    private static JsonNode siteSpecies(JsonNode a) {
        JsonNode sites = a.path("species_at_sites");
        JsonNode elements = a.path("elements");
        if (!sites.isArray() || !elements.isArray()) {
            return null;
        }
        List<String> symbols = new ArrayList<>();
        elements.forEach(e -> symbols.add(e.asText()));
        var out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode s : sites) {
            int i = symbols.indexOf(s.asText());
            if (i < 0) {
                throw new IllegalArgumentException("species '" + s.asText() + "' is not one of the elements");
            }
            out.add(i);
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private static void put(Group g, Column c, JsonNode v) {
        String f = c.name();
        switch (c.kind()) {
            case STRING -> g.add(f, text(v));
            case INT32 -> g.add(f, Math.toIntExact(integer(v)));
            case INT64 -> g.add(f, integer(v));
            case DOUBLE -> g.add(f, number(v));
            case BOOLEAN -> {
                if (!v.isBoolean()) {
                    throw new IllegalArgumentException("not a boolean: " + v);
                }
                g.add(f, v.booleanValue());
            }
            case TIMESTAMP_MS -> g.add(f, OffsetDateTime.parse(text(v)).toInstant().toEpochMilli());
            case LIST_STRING, LIST_INT32, LIST_DOUBLE -> {
                if (!v.isArray()) {
                    throw new IllegalArgumentException("not a list: " + v);
                }
                Group list = g.addGroup(f);
                for (JsonNode item : v) {
                    Group e = list.addGroup("list");
                    switch (c.kind()) {
                        case LIST_STRING -> e.add("element", text(item));
                        case LIST_INT32 -> e.add("element", Math.toIntExact(integer(item)));
                        default -> e.add("element", number(item));
                    }
                }
            }
        }
    }

    private static String text(JsonNode v) {
        if (!v.isTextual()) {
            throw new IllegalArgumentException("not a string: " + v);
        }
        return v.textValue();
    }

    private static long integer(JsonNode v) {
        if (!v.isIntegralNumber()) {
            throw new IllegalArgumentException("not an integer: " + v);
        }
        return v.longValue();
    }

    private static double number(JsonNode v) {
        if (!v.isNumber()) {
            throw new IllegalArgumentException("not a number: " + v);
        }
        return v.doubleValue();
    }
}
