package org.matscreen.optimade.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.matscreen.optimade.config.ServerConfig;
import org.matscreen.optimade.schema.PropertyDefinitions;
import org.matscreen.optimade.schema.Shape;
import org.matscreen.optimade.schema.StructureProperty;
import org.matscreen.optimade.schema.Units;

/** {@code /versions}, {@code /info}, {@code /info/<entry type>}, {@code /links} and the licence page. */
final class InfoEndpoints {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ServerConfig config;
    private final ObjectNode structureProperties = PropertyDefinitions.structures();
    private final ObjectNode referenceProperties = referenceDefinitions();

    InfoEndpoints(ServerConfig config) {
        this.config = config;
    }

    /** The unversioned {@code /versions}: the spec's restricted CSV, preferred major version first. */
    static Reply versions() {
        return Reply.text(200, "text/csv; header=present", "version\n1\n");
    }

    Reply info(Exchange x) throws IOException {
        try (JsonDocument d = new JsonDocument()) {
            JsonGenerator g = d.generator();
            g.writeObjectFieldStart("data");
            g.writeStringField("type", "info");
            g.writeStringField("id", "/");
            g.writeObjectFieldStart("attributes");
            g.writeStringField("api_version", JsonDocument.API_VERSION);
            g.writeArrayFieldStart("available_api_versions");
            g.writeStartObject();
            g.writeStringField("url", x.versionedBase() + "/");
            g.writeStringField("version", JsonDocument.API_VERSION);
            g.writeEndObject();
            g.writeEndArray();
            strings(g, "formats", List.of("json"));
            g.writeObjectFieldStart("entry_types_by_format");
            strings(g, "json", List.of("structures", "references"));
            g.writeEndObject();
            strings(g, "available_endpoints", List.of("info", "links", "structures", "references"));
            g.writeStringField("license", config.database().licenseUrl() != null ? config.database().licenseUrl()
                    : x.versionedBase() + "/extensions/license");
            g.writeBooleanField("is_index", false);
            g.writeEndObject();
            g.writeEndObject();
            d.meta(x, config, false, 1L, null, null, List.of());
            return Reply.json(200, d.finish());
        }
    }

    Reply entryInfo(Exchange x, String type) throws IOException {
        boolean structures = type.equals("structures");
        ObjectNode properties = structures ? structureProperties : referenceProperties;
        try (JsonDocument d = new JsonDocument()) {
            JsonGenerator g = d.generator();
            g.writeObjectFieldStart("data");
            g.writeStringField("type", "info");
            g.writeStringField("id", type);
            g.writeStringField("description", structures
                    ? "Relaxed alloy supercells computed by matscreen campaigns with their properties, descriptors,"
                            + " method and provenance (provider properties _matscreen_*)."
                    : "Citations of the interatomic potentials and descriptor data behind the structures.");
            g.writeFieldName("properties");
            MAPPER.writeTree(g, properties);
            strings(g, "formats", List.of("json"));
            g.writeObjectFieldStart("output_fields_by_format");
            g.writeArrayFieldStart("json");
            var names = properties.fieldNames();
            while (names.hasNext()) {
                g.writeString(names.next());
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            d.meta(x, config, false, 1L, null, null, List.of());
            return Reply.json(200, d.finish());
        }
    }

    /** The links of a single database: its root link to itself. */
    Reply links(Exchange x) throws IOException {
        try (JsonDocument d = new JsonDocument()) {
            JsonGenerator g = d.generator();
            g.writeArrayFieldStart("data");
            g.writeStartObject();
            g.writeStringField("type", "links");
            g.writeStringField("id", config.database().id());
            g.writeObjectFieldStart("attributes");
            g.writeStringField("name", config.database().name());
            g.writeStringField("description", config.database().description());
            g.writeStringField("base_url", x.baseUrl());
            if (config.provider().homepage() != null) {
                g.writeStringField("homepage", config.provider().homepage());
            } else {
                g.writeNullField("homepage");
            }
            g.writeStringField("link_type", "root");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            d.meta(x, config, false, 1L, 1L, null, List.of());
            return Reply.json(200, d.finish());
        }
    }

    Reply license() {
        return Reply.text(200, "text/plain; charset=utf-8", config.database().licenseText() + "\n");
    }

    /** A page for people who open a base URL in a browser (the spec recommends one). */
    Reply landing(Exchange x) {
        String name = html(config.database().name());
        return Reply.text(200, "text/html; charset=utf-8", "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<title>" + name + "</title></head><body><h1>" + name + "</h1><p>" + html(config.database()
                .description()) + "</p><p>This is an <a href=\"https://www.optimade.org\">OPTIMADE</a> API, meant"
                + " to be queried by OPTIMADE clients. Versioned base URL: <code>" + html(x.versionedBase())
                + "</code>; try <a href=\"" + html(x.versionedBase()) + "/info\">/info</a>.</p></body></html>\n");
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static ObjectNode referenceDefinitions() {
        ObjectNode out = MAPPER.createObjectNode();
        out.set("id", PropertyDefinitions.definition(property("id", "The reference's id: potential-<first 16 hex"
                + " digits of the potential's SHA-256> or descriptor-<descriptor key>.", Shape.STRING),
                "references"));
        out.set("type", PropertyDefinitions.definition(property("type", "Always \"references\".", Shape.STRING),
                "references"));
        References.DESCRIPTIONS.forEach((name, description) -> {
            if (ReferencesEndpoint.fields().contains(name)) {
                out.set(name, PropertyDefinitions.definition(property(name, description,
                        References.TIMESTAMPS.contains(name) ? Shape.TIMESTAMP : Shape.STRING), "references"));
            }
        });
        return out;
    }

    private static StructureProperty property(String name, String description, Shape shape) {
        return new StructureProperty(name, shape, true, Units.INAPPLICABLE, name, description,
                name.equals("id"), !name.equals("id") && !name.equals("type"), StructureProperty.Source.CONSTANT,
                null, null);
    }

    static boolean isEntryType(String type) {
        return type.equals("structures") || type.equals("references");
    }
}
