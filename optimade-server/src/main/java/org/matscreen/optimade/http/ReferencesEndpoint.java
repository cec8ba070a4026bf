package org.matscreen.optimade.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.matscreen.optimade.config.ServerConfig;
import org.matscreen.optimade.index.StructureIndex;
import org.matscreen.optimade.schema.StandardProperties;
import org.matscreen.repository.filter.CompiledFilter;
import org.matscreen.repository.filter.FilterCompiler;
import org.matscreen.repository.filter.FilterTarget;

/**
 * {@code /references} and {@code /references/{id}}: a few dozen entries at most, so filters run through the reference
 * evaluator entry by entry and {@code sort} accepts {@code id} only.
 */
final class ReferencesEndpoint {
    private static final List<String> FIELDS = List.copyOf(References.DESCRIPTIONS.keySet().stream().sorted(
            Comparator.comparing((String k) -> k.startsWith("_") ? 1 : 0).thenComparing(k -> k)).toList());

    private final StructureIndex index;
    private final ServerConfig config;
    private final References references;

    ReferencesEndpoint(StructureIndex index, ServerConfig config, References references) {
        this.index = index;
        this.config = config;
        this.references = references;
    }

    static List<String> fields() {
        return FIELDS;
    }

    /** A name {@code response_fields} may ask for: an attribute served here, or a standard one (returned as null). */
    private static boolean recognised(String name) {
        return FIELDS.contains(name) || StandardProperties.REFERENCES.contains(name);
    }

    Reply list(Exchange x, Params p) throws IOException {
        Listing l = Listing.parse(p, config, ReferencesEndpoint::recognised, FIELDS);
        List<References.Entry> entries = new ArrayList<>(references.visible(index.visibleTo(x.principal(),
                x.today())));
        int available = entries.size();
        List<String> warnings = new ArrayList<>(l.warnings());
        String filter = p.get("filter");
        if (filter != null && !filter.isBlank()) {
            CompiledFilter f = FilterCompiler.compile(filter, References.CATALOGUE);
            warnings.addAll(f.warnings());
            entries.removeIf(e -> !f.test(target(e)));
        }
        String sort = p.get("sort");
        if (sort != null && !sort.isBlank()) {
            if (!sort.strip().equals("id") && !sort.strip().equals("-id")) {
                throw ApiException.badRequest("sort: references can be sorted by id only");
            }
            entries.sort(Comparator.comparing(References.Entry::id));
            if (sort.strip().startsWith("-")) {
                Collections.reverse(entries);
            }
        }
        int from = Math.min(l.offset(), entries.size());
        int to = (int) Math.min((long) from + l.limit(), entries.size());
        boolean more = to < entries.size();
        try (JsonDocument d = new JsonDocument()) {
            JsonGenerator g = d.generator();
            g.writeArrayFieldStart("data");
            for (References.Entry e : entries.subList(from, to)) {
                write(g, e, l.fields());
            }
            g.writeEndArray();
            d.meta(x, config, more, (long) entries.size(), (long) available,
                    to > from ? entries.get(to - 1).id() : null, warnings);
            g.writeObjectFieldStart("links");
            if (more) {
                g.writeStringField("next", l.next(x, p, "/references"));
            } else {
                g.writeNullField("next");
            }
            g.writeStringField("base_url", x.baseUrl());
            g.writeEndObject();
            return Reply.json(200, d.finish());
        }
    }

    Reply single(Exchange x, Params p, String id) throws IOException {
        Listing.checkCommon(p);
        List<String> warnings = new ArrayList<>();
        List<String> fields = Listing.fields(p, ReferencesEndpoint::recognised, FIELDS, warnings);
        References.Entry entry = references.visible(index.visibleTo(x.principal(), x.today())).stream()
                .filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no references entry with id '" + id + "'"));
        try (JsonDocument d = new JsonDocument()) {
            JsonGenerator g = d.generator();
            g.writeFieldName("data");
            write(g, entry, fields);
            d.meta(x, config, false, 1L, null, null, warnings);
            return Reply.json(200, d.finish());
        }
    }

    private static FilterTarget target(References.Entry e) {
        Map<String, Object> values = new HashMap<>(e.attributes());
        values.put("id", e.id());
        values.put("type", "references");
        return FilterTarget.of(values);
    }

    static void write(JsonGenerator g, References.Entry e, List<String> fields) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", e.id());
        g.writeStringField("type", "references");
        g.writeObjectFieldStart("attributes");
        for (String f : fields) {
            Object v = e.attributes().get(f);
            if (v == null) {
                g.writeNullField(f);
            } else if (v instanceof Instant t) {
                g.writeStringField(f, t.toString());
            } else {
                g.writeStringField(f, v.toString());
            }
        }
        g.writeEndObject();
        g.writeEndObject();
    }
}
