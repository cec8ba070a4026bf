package org.matscreen.optimade.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.matscreen.core.descriptors.DescriptorInfo;
import org.matscreen.core.descriptors.DescriptorRegistry;
import org.matscreen.core.util.Hashing;
import org.matscreen.optimade.index.IndexColumn;
import org.matscreen.optimade.index.StructureIndex;
import org.matscreen.optimade.schema.StructureSchema;
import org.matscreen.repository.filter.PropertyCatalogue;
import org.matscreen.repository.filter.PropertyType;

/**
 * The {@code references} entries: the citation of every interatomic potential used by a record the client may see
 * (so a hidden campaign's potential is not revealed), and the sources of the composition descriptors (public). The
 * repository keeps citations as free text, so they are served in {@code note} rather than split into BibTeX fields
 * that would have to be guessed; only a DOI, which has an unambiguous syntax, is taken out of the text into {@code
 * doi}. Every entry carries the two properties the specification makes queryable for every entry type: {@code
 * last_modified} (the latest {@code finished_at} of the visible records the entry is cited by, so an entry that
 * becomes visible, or gains records, moves forward in time for a harvesting client) and {@code immutable_id} (a
 * SHA-256 of the entry's content, which changes exactly when the content does).
 */
final class References {
    static final PropertyCatalogue CATALOGUE = PropertyCatalogue.builder().ownPrefix(StructureSchema.PREFIX)
            .property("id", PropertyType.STRING)
            .property("type", PropertyType.STRING)
            .property("immutable_id", PropertyType.STRING)
            .property("last_modified", PropertyType.TIMESTAMP)
            .property("note", PropertyType.STRING)
            .property("doi", PropertyType.STRING)
            .property("_matscreen_kind", PropertyType.STRING)
            .property("_matscreen_potential_name", PropertyType.STRING)
            .property("_matscreen_potential_sha256", PropertyType.STRING)
            .property("_matscreen_pair_style", PropertyType.STRING)
            .property("_matscreen_property", PropertyType.STRING)
            .build();

    /** Descriptions of the references attributes, for {@code /info/references}. */
    static final Map<String, String> DESCRIPTIONS = Map.of(
            "immutable_id", "SHA-256 (hex) of the entry's attributes: the same value exactly as long as the entry's"
                    + " content is the same.",
            "last_modified", "The latest finish time of the records (visible to the client) that cite this entry.",
            "doi", "The DOI in the citation text, when the text holds exactly one.",
            "note", "The citation as the potential file or the descriptor table gives it (free text).",
            "_matscreen_kind", "\"potential\" for an interatomic potential, \"descriptor\" for a descriptor's data.",
            "_matscreen_potential_name", "File name of the potential.",
            "_matscreen_potential_sha256", "SHA-256 (hex) of the potential file's bytes.",
            "_matscreen_pair_style", "LAMMPS pair style that reads the potential.",
            "_matscreen_property", "The structures property whose values the source provides.");

    /** Attributes that are timestamps (served as RFC 3339 strings); every other attribute is a string. */
    static final Set<String> TIMESTAMPS = Set.of("last_modified");

    /** A DOI as Crossref recommends matching it: 10.NNNN/suffix. */
    private static final Pattern DOI = Pattern.compile("\\b(10\\.\\d{4,9}/[-._;()/:A-Za-z0-9]+)");

    /** One references entry. */
    record Entry(String id, Map<String, Object> attributes) {}

    private final StructureIndex index;

    References(StructureIndex index) {
        this.index = index;
    }

    /**
     * The id of the reference of a potential: from the SHA-256 of its file, or, for a record that names no concrete
     * file, from the key of the campaign's potential (a family or a map).
     */
    static String potentialId(String sha256, String methodKey) {
        String k = sha256 != null && !sha256.isEmpty() ? sha256 : methodKey != null && !methodKey.isEmpty()
                ? methodKey : "unknown";
        return "potential-" + k.substring(0, Math.min(16, k.length()));
    }

    /** The entries the client may see, given the structures rows it may see. */
    List<Entry> visible(BitSet visibleRows) {
        List<Entry> out = new ArrayList<>();
        StructureSchema s = StructureSchema.get();
        IndexColumn name = column(s, "_matscreen_potential_name");
        IndexColumn citation = column(s, "_matscreen_potential_citation");
        IndexColumn style = column(s, "_matscreen_pair_style");
        IndexColumn sha = column(s, "_matscreen_potential_sha256");
        IndexColumn methodKey = column(s, "_matscreen_method_potential_key");
        IndexColumn methodName = column(s, "_matscreen_method_potential");
        IndexColumn methodCitation = column(s, "_matscreen_method_potential_citation");
        IndexColumn finished = column(s, "last_modified");
        Map<String, Map<String, Object>> potentials = new LinkedHashMap<>();
        Instant latest = null;
        for (int row = visibleRows.nextSetBit(0); row >= 0; row = visibleRows.nextSetBit(row + 1)) {
            int r = row;
            String file = (String) sha.value(r);
            boolean named = file != null && !file.isEmpty();
            Map<String, Object> a = potentials.computeIfAbsent(potentialId(file, (String) methodKey.value(r)),
                    id -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("note", named ? citation.value(r) : methodCitation.value(r));
                        m.put("_matscreen_kind", "potential");
                        m.put("_matscreen_potential_name", named ? name.value(r) : methodName.value(r));
                        m.put("_matscreen_potential_sha256", named ? file : null);
                        m.put("_matscreen_pair_style", style.value(r));
                        return m;
                    });
            Instant t = (Instant) finished.value(r);
            a.put("last_modified", later(a.get("last_modified"), t));
            latest = later(latest, t);
        }
        potentials.forEach((id, a) -> out.add(entry(id, a)));
        for (DescriptorInfo d : DescriptorRegistry.all()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("note", d.source());
            a.put("_matscreen_kind", "descriptor");
            a.put("_matscreen_property", StructureSchema.PROVIDER + d.key());
            a.put("last_modified", latest);
            out.add(entry("descriptor-" + d.key(), a));
        }
        return out;
    }

    private IndexColumn column(StructureSchema s, String property) {
        return index.column(s.property(property).orElseThrow()).orElseThrow();
    }

    private static Instant later(Object a, Object b) {
        Instant x = (Instant) a;
        Instant y = (Instant) b;
        return x == null ? y : y == null || x.isAfter(y) ? x : y;
    }

    /** The entry with its derived attributes: the DOI out of the note and the content hash. */
    private static Entry entry(String id, Map<String, Object> attributes) {
        Map<String, Object> a = new LinkedHashMap<>(attributes);
        a.put("doi", doi((String) a.get("note")));
        Map<String, Object> content = new TreeMap<>(a);
        content.remove("last_modified");
        StringBuilder text = new StringBuilder(id);
        content.forEach((k, v) -> text.append('\n').append(k).append('=').append(v == null ? "" : v));
        a.put("immutable_id", Hashing.sha256Hex(text.toString()));
        return new Entry(id, a);
    }

    /** The DOI in a free-text citation, when it holds exactly one (trailing punctuation is not part of it). */
    static String doi(String citation) {
        if (citation == null) {
            return null;
        }
        Set<String> found = new LinkedHashSet<>();
        Matcher m = DOI.matcher(citation);
        while (m.find()) {
            found.add(m.group(1).replaceAll("[.,;:)]+$", ""));
        }
        return found.size() == 1 ? found.iterator().next() : null;
    }
}
