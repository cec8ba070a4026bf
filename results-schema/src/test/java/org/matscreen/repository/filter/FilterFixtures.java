package org.matscreen.repository.filter;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A catalogue of OPTIMADE structure properties plus matscreen's own, and a handful of entries covering the cases. */
final class FilterFixtures {
    private FilterFixtures() {
    }

    static final PropertyCatalogue CATALOGUE = PropertyCatalogue.builder()
            .ownPrefix("matscreen")
            .knownPrefixes("exmpl1")
            .property("id", PropertyType.STRING)
            .property("last_modified", PropertyType.TIMESTAMP)
            .property("elements", PropertyType.STRING_LIST)
            .property("nelements", PropertyType.INTEGER)
            .property("elements_ratios", PropertyType.FLOAT_LIST)
            .property("chemical_formula_reduced", PropertyType.STRING)
            .property("chemical_formula_anonymous", PropertyType.STRING)
            .property("nsites", PropertyType.INTEGER)
            .property("references.id", PropertyType.STRING_LIST)
            .property("_matscreen_band_gap", PropertyType.FLOAT)
            .property("_matscreen_stable", PropertyType.BOOLEAN)
            .property("_matscreen_counts", PropertyType.INTEGER_LIST)
            .property("_matscreen_note", PropertyType.STRING)
            .build();

    /** e1..e5; e4 knows only its id, e5 has an unknown list item. */
    static final List<Map<String, Object>> ENTRIES = List.of(
            entry("e1", "elements", List.of("Al", "Ni"), "nelements", 2L, "elements_ratios", List.of(0.25, 0.75),
                    "chemical_formula_reduced", "AlNi3", "chemical_formula_anonymous", "A3B", "nsites", 4L,
                    "_matscreen_band_gap", 0.0, "_matscreen_stable", true, "_matscreen_counts", List.of(1L, 3L),
                    "last_modified", "2024-01-31T12:00:00Z", "references.id", List.of("r1")),
            entry("e2", "elements", List.of("Al", "Co", "Cr", "Fe", "Ni"), "nelements", 5L,
                    "elements_ratios", List.of(0.2, 0.2, 0.2, 0.2, 0.2), "chemical_formula_reduced", "AlCoCrFeNi",
                    "chemical_formula_anonymous", "ABCDE", "nsites", 20L, "_matscreen_band_gap", 1.5,
                    "_matscreen_stable", false, "_matscreen_counts", List.of(4L, 4L, 4L, 4L, 4L),
                    "last_modified", "2023-06-01T00:00:00+02:00"),
            entry("e3", "elements", List.of("Cu"), "nelements", 1L, "elements_ratios", List.of(1.0),
                    "chemical_formula_reduced", "Cu", "chemical_formula_anonymous", "A", "nsites", 1L,
                    "_matscreen_counts", List.of(1L)),
            entry("e4"),
            entry("e5", "elements", Arrays.asList("Fe", null), "nelements", 2L, "nsites", 2L));

    static Map<String, Object> entry(String id, Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", id);
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return values;
    }

    /** Ids of the fixture entries that {@code filter} matches. */
    static Set<String> matching(String filter) {
        CompiledFilter compiled = FilterCompiler.compile(filter, CATALOGUE);
        Set<String> ids = new TreeSet<>();
        for (Map<String, Object> entry : ENTRIES) {
            if (compiled.test(FilterTarget.of(entry))) {
                ids.add((String) entry.get("id"));
            }
        }
        return ids;
    }
}
