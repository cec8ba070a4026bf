package org.matscreen.optimade.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matscreen.optimade.config.ServerConfig;
import org.matscreen.optimade.index.DetailStore.RowDetail;
import org.matscreen.optimade.index.IndexQuery;
import org.matscreen.optimade.index.StructureIndex;
import org.matscreen.optimade.schema.StandardProperties;
import org.matscreen.optimade.schema.StructureProperty;
import org.matscreen.optimade.schema.StructureSchema;

/** {@code /structures} and {@code /structures/{id}}. */
final class StructuresEndpoint {
    private final StructureIndex index;
    private final ServerConfig config;
    private final StructureWriter writer;
    private final References references;
    private final StructureSchema schema = StructureSchema.get();

    StructuresEndpoint(StructureIndex index, ServerConfig config, References references) {
        this.index = index;
        this.config = config;
        this.writer = new StructureWriter(index);
        this.references = references;
    }

    Reply list(Exchange x, Params p) throws IOException {
        Listing l = Listing.parse(p, config, StructuresEndpoint::recognised, schema.defaultFields());
        List<IndexQuery.SortKey> sort = sort(p.get("sort"));
        String filterText = p.get("filter");
        IndexQuery.Filter filter = filterText == null || filterText.isBlank() ? null : IndexQuery.compile(filterText);
        BitSet visible = index.visibleTo(x.principal(), x.today());
        BitSet matched = IndexQuery.matching(index, filter, visible);
        int total = matched.cardinality();
        int[] rows = IndexQuery.page(index, matched, sort, l.offset(), l.limit());
        Map<Integer, RowDetail> details = needsDetail(l.fields()) && rows.length > 0 ? index.details().fetch(rows)
                : Map.of();
        boolean more = (long) l.offset() + rows.length < total;
        List<String> warnings = new ArrayList<>(l.warnings());
        if (filter != null) {
            warnings.addAll(filter.warnings());
        }
        try (JsonDocument d = new JsonDocument()) {
            JsonGenerator g = d.generator();
            g.writeArrayFieldStart("data");
            for (int r : rows) {
                writer.write(g, r, l.fields(), details.get(r), x.versionedBase());
            }
            g.writeEndArray();
            if (l.includeReferences()) {
                included(g, rows, visible);
            }
            d.meta(x, config, more, (long) total, (long) visible.cardinality(),
                    rows.length == 0 ? null : index.id(rows[rows.length - 1]), warnings);
            g.writeObjectFieldStart("links");
            if (more) {
                g.writeStringField("next", l.next(x, p, "/structures"));
            } else {
                g.writeNullField("next");
            }
            g.writeStringField("self", x.versionedBase() + x.representation());
            g.writeStringField("base_url", x.baseUrl());
            g.writeEndObject();
            return Reply.json(200, d.finish());
        }
    }

    /** One entry; 404 alike for an id that does not exist and one the client may not see. */
    Reply single(Exchange x, Params p, String id) throws IOException {
        Listing.checkCommon(p);
        List<String> warnings = new ArrayList<>();
        List<String> fields = Listing.fields(p, StructuresEndpoint::recognised, schema.defaultFields(),
                warnings);
        boolean include = Listing.includeReferences(p);
        BitSet visible = index.visibleTo(x.principal(), x.today());
        int row = index.rowOfId(id);
        if (row < 0 || !visible.get(row)) {
            throw ApiException.notFound("no structures entry with id '" + id + "'");
        }
        int[] rows = {row};
        Map<Integer, RowDetail> details = needsDetail(fields) ? index.details().fetch(rows) : Map.of();
        try (JsonDocument d = new JsonDocument()) {
            JsonGenerator g = d.generator();
            g.writeFieldName("data");
            writer.write(g, row, fields, details.get(row), x.versionedBase());
            if (include) {
                included(g, rows, visible);
            }
            d.meta(x, config, false, 1L, (long) visible.cardinality(), null, warnings);
            g.writeObjectFieldStart("links");
            g.writeStringField("self", x.versionedBase() + x.representation());
            g.writeStringField("base_url", x.baseUrl());
            g.writeEndObject();
            return Reply.json(200, d.finish());
        }
    }

    /**
     * A name {@code response_fields} may ask for: a property this server holds, or a standard OPTIMADE one it does not
     * hold (returned as null).
     */
    private static boolean recognised(String name) {
        return StructureSchema.get().property(name).isPresent() || StandardProperties.STRUCTURES.contains(name);
    }

    /** The references entries the page's entries relate to, once each. */
    private void included(JsonGenerator g, int[] rows, BitSet visible) throws IOException {
        Set<String> wanted = new LinkedHashSet<>();
        for (int r : rows) {
            wanted.add(writer.referenceId(r));
        }
        g.writeArrayFieldStart("included");
        if (!wanted.isEmpty()) {
            BitSet pageRows = new BitSet();
            for (int r : rows) {
                pageRows.set(r);
            }
            pageRows.and(visible);
            for (References.Entry e : references.visible(pageRows)) {
                if (wanted.contains(e.id())) {
                    ReferencesEndpoint.write(g, e, List.copyOf(e.attributes().keySet()));
                }
            }
        }
        g.writeEndArray();
    }

    private boolean needsDetail(List<String> fields) {
        for (String f : fields) {
            if (schema.property(f).map(s -> s.source() == StructureProperty.Source.DETAIL).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** JSON:API sort fields: comma-separated, '-' for descending; only sortable properties (else 400). */
    private List<IndexQuery.SortKey> sort(String text) {
        List<IndexQuery.SortKey> keys = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return keys;
        }
        for (String part : text.split(",")) {
            String s = part.strip();
            boolean desc = s.startsWith("-");
            String name = desc ? s.substring(1) : s;
            StructureProperty p = schema.property(name).orElseThrow(() -> ApiException.badRequest(
                    "sort: unknown field '" + name + "'"));
            if (!p.sortable()) {
                throw ApiException.badRequest("sort: '" + name + "' is not sortable (/info/structures marks the"
                        + " sortable properties)");
            }
            keys.add(new IndexQuery.SortKey(p, desc));
        }
        return keys;
    }
}
