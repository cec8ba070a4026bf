package org.matscreen.kim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What matscreen reads from a KIM model's {@code kimspec.edn}: the species it supports, its driver, the kind of
 * potential, its title and the citations (OpenKIM's DOI of the model and the papers it implements).
 *
 * @param id the model's extended KIM id
 * @param species element symbols, in the model's own order
 * @param driver the model driver's id, empty for a stand-alone model
 * @param kind kind of potential in capitals, e.g. EAM, MEAM, SNAP (from {@code potential-type}, else the id prefix)
 * @param doi OpenKIM's DOI of the model, empty if not stated
 * @param sources the papers the model implements, one line each ("authors (year), journal volume, pages, doi:…")
 * @param sourceDois the DOIs of those papers, in the same order (empty strings where a paper has none)
 */
public record KimSpec(String id, String title, List<String> species, String driver, String kind, String doi,
        List<String> sources, List<String> sourceDois) {

    public KimSpec {
        species = List.copyOf(species);
        sources = List.copyOf(sources);
        sourceDois = List.copyOf(sourceDois);
    }

    /** Reads a {@code kimspec.edn}; {@code id} is used where the file does not name the model. */
    static KimSpec parse(String id, String edn) {
        if (!(KimEdn.parse(edn) instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("kimspec.edn of " + id + " is not a map");
        }
        List<String> species = new ArrayList<>();
        if (m.get("species") instanceof List<?> l) {
            l.forEach(x -> species.add(String.valueOf(x)));
        }
        String kind = text(m.get("potential-type"));
        if (kind.isEmpty()) {
            int u = id.indexOf('_');
            kind = u > 0 ? id.substring(0, u) : "";
        }
        List<String> sources = new ArrayList<>();
        List<String> dois = new ArrayList<>();
        if (m.get("source-citations") instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> c) {
                    sources.add(citation(c));
                    dois.add(text(c.get("doi")));
                }
            }
        }
        String extended = text(m.get("extended-id"));
        return new KimSpec(extended.isEmpty() ? id : extended, text(m.get("title")), species,
                text(m.get("model-driver")), kind.toUpperCase(Locale.ROOT), text(m.get("doi")), sources, dois);
    }

    private static String citation(Map<?, ?> c) {
        StringBuilder b = new StringBuilder(text(c.get("author")));
        String year = text(c.get("year"));
        if (!year.isEmpty()) {
            b.append(" (").append(year).append(")");
        }
        String journal = text(c.get("journal"));
        if (!journal.isEmpty()) {
            b.append(", ").append(journal);
            String volume = text(c.get("volume"));
            if (!volume.isEmpty()) {
                b.append(' ').append(volume);
            }
            String pages = text(c.get("pages"));
            if (!pages.isEmpty()) {
                b.append(", ").append(pages);
            }
        } else {
            String title = text(c.get("title"));
            if (!title.isEmpty()) {
                b.append(", ").append(title);
            }
        }
        String doi = text(c.get("doi"));
        if (!doi.isEmpty()) {
            b.append(", doi:").append(doi);
        }
        // BibTeX braces protect capitals in titles; they are not part of the text
        return b.toString().replace("{", "").replace("}", "");
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o).strip();
    }

    /** One citation line: the papers, then the OpenKIM archive entry. */
    public String citation() {
        String papers = String.join("; ", sources);
        String archive = "OpenKIM " + id + (doi.isEmpty() ? "" : ", doi:" + doi);
        return papers.isEmpty() ? archive : papers + "; " + archive;
    }
}
