package org.matscreen.optimade.schema;

import java.util.Set;

/**
 * The standard property names OPTIMADE v1.3 defines for the entry types this server serves ("Properties Used by
 * Multiple Entry Types", "Structures Entries", "References Entries"). A name here that the server does not hold is
 * still a name the server recognises: asked for in {@code response_fields}, it comes back as {@code null}, as the
 * specification's section "Properties with an unknown value" requires for OPTIONAL properties, instead of the 400
 * that an unknown name gets.
 */
public final class StandardProperties {
    /** Common to every entry type. */
    private static final Set<String> COMMON = Set.of("id", "type", "immutable_id", "last_modified");

    /** Structures entries (spec v1.3.0, section "Structures Entries"). */
    public static final Set<String> STRUCTURES = union(COMMON, Set.of("elements", "nelements", "elements_ratios",
            "chemical_formula_descriptive", "chemical_formula_reduced", "chemical_formula_hill",
            "chemical_formula_anonymous", "dimension_types", "nperiodic_dimensions", "lattice_vectors",
            "space_group_symmetry_operations_xyz", "space_group_symbol_hall", "space_group_symbol_hermann_mauguin",
            "space_group_symbol_hermann_mauguin_extended", "space_group_it_number", "cartesian_site_positions",
            "fractional_site_positions", "site_coordinate_span", "site_coordinate_span_description", "nsites",
            "species_at_sites", "species", "assemblies", "wyckoff_positions", "structure_features",
            "optimization_type"));

    /** References entries: the BibTeX fields, bib_type, authors, editors, doi and url. */
    public static final Set<String> REFERENCES = union(COMMON, Set.of("address", "annote", "booktitle", "chapter",
            "crossref", "edition", "howpublished", "institution", "journal", "key", "month", "note", "number",
            "organization", "pages", "publisher", "school", "series", "title", "volume", "year", "bib_type",
            "authors", "editors", "doi", "url"));

    private StandardProperties() {}

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> s = new java.util.HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }
}
