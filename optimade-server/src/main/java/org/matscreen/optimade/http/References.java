package org.matscreen.optimade.http;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matscreen.core.descriptors.DescriptorInfo;
import org.matscreen.core.descriptors.DescriptorRegistry;
import org.matscreen.optimade.index.IndexColumn;
import org.matscreen.optimade.index.StructureIndex;
import org.matscreen.optimade.schema.StructureSchema;
import org.matscreen.repository.filter.PropertyCatalogue;
import org.matscreen.repository.filter.PropertyType;

/**
 * The {@code references} entries: the citation of every interatomic potential used by a record the client may see
 * (so a hidden campaign's potential is not revealed), and the sources of the composition descriptors (public). The
 * repository keeps citations as free text, so they are served in {@code note} rather than split into BibTeX fields
 * that would have to be guessed.
 */
final class References {
    static final PropertyCatalogue CATALOGUE = PropertyCatalogue.builder().ownPrefix(StructureSchema.PREFIX)
            .property("id", PropertyType.STRING)
            .property("type", PropertyType.STRING)
            .property("note", PropertyType.STRING)
            .property("_matscreen_kind", PropertyType.STRING)
            .property("_matscreen_potential_name", PropertyType.STRING)
            .property("_matscreen_potential_sha256", PropertyType.STRING)
            .property("_matscreen_pair_style", PropertyType.STRING)
            .property("_matscreen_property", PropertyType.STRING)
            .build();

    /** Descriptions of the references attributes, for {@code /info/references}. */
    static final Map<String, String> DESCRIPTIONS = Map.of(
            "note", "The citation as the potential file or the descriptor table gives it (free text).",
            "_matscreen_kind", "\"potential\" for an interatomic potential, \"descriptor\" for a descriptor's data.",
            "_matscreen_potential_name", "File name of the potential.",
            "_matscreen_potential_sha256", "SHA-256 (hex) of the potential file's bytes.",
            "_matscreen_pair_style", "LAMMPS pair style that reads the potential.",
            "_matscreen_property", "The structures property whose values the source provides.");

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
        IndexColumn name = index.column(s.property("_matscreen_potential_name").orElseThrow()).orElseThrow();
        IndexColumn citation = index.column(s.property("_matscreen_potential_citation").orElseThrow()).orElseThrow();
        IndexColumn style = index.column(s.property("_matscreen_pair_style").orElseThrow()).orElseThrow();
        IndexColumn sha = index.column(s.property("_matscreen_potential_sha256").orElseThrow()).orElseThrow();
        IndexColumn methodKey = index.column(s.property("_matscreen_method_potential_key").orElseThrow())
                .orElseThrow();
        IndexColumn methodName = index.column(s.property("_matscreen_method_potential").orElseThrow()).orElseThrow();
        IndexColumn methodCitation = index.column(s.property("_matscreen_method_potential_citation").orElseThrow())
                .orElseThrow();
        Map<String, Entry> potentials = new LinkedHashMap<>();
        for (int row = visibleRows.nextSetBit(0); row >= 0; row = visibleRows.nextSetBit(row + 1)) {
            int r = row;
            String file = (String) sha.value(r);
            boolean named = file != null && !file.isEmpty();
            potentials.computeIfAbsent(potentialId(file, (String) methodKey.value(r)), id -> {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("note", named ? citation.value(r) : methodCitation.value(r));
                a.put("_matscreen_kind", "potential");
                a.put("_matscreen_potential_name", named ? name.value(r) : methodName.value(r));
                a.put("_matscreen_potential_sha256", named ? file : null);
                a.put("_matscreen_pair_style", style.value(r));
                return new Entry(id, a);
            });
        }
        out.addAll(potentials.values());
        for (DescriptorInfo d : DescriptorRegistry.all()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("note", d.source());
            a.put("_matscreen_kind", "descriptor");
            a.put("_matscreen_property", StructureSchema.PROVIDER + d.key());
            out.add(new Entry("descriptor-" + d.key(), a));
        }
        return out;
    }
}
