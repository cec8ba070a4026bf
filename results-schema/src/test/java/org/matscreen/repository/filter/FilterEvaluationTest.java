package org.matscreen.repository.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.matscreen.repository.filter.FilterFixtures.CATALOGUE;
import static org.matscreen.repository.filter.FilterFixtures.matching;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.matscreen.core.error.MatscreenException;

/**
 * Each operator on matching and non-matching entries of {@link FilterFixtures}, the unknown-value rules, and the
 * property catalogue's prefix handling. Each case lists the ids expected to match.
 */
class FilterEvaluationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // comparisons, both ways round, integer and float constants
        "nelements = 2                          | e1 e5",
        "nelements != 2                         | e2 e3",
        "8 > nelements                          | e1 e2 e3 e5",
        "nelements < 8                          | e1 e2 e3 e5",
        "2 <= nelements                         | e1 e2 e5",
        "3 < nelements                          | e2",
        "2 >= nelements                         | e1 e3 e5",
        "2 = nelements                          | e1 e5",
        "2 != nelements                         | e2 e3",
        "nelements >= 2.5                       | e2",
        "nelements = 2.0                        | e1 e5",
        "nelements > -1E1                       | e1 e2 e3 e5",
        // equality to zero holds for 0, 0.0 and -0.0 (stored value is 0.0)
        "_matscreen_band_gap = 0                | e1",
        "_matscreen_band_gap = -0.0             | e1",
        "_matscreen_band_gap > .1e1             | e2",
        // strings compare lexicographically
        "chemical_formula_reduced = \"AlNi3\"     | e1",
        "chemical_formula_reduced < \"B\"         | e1 e2",
        "\"B\" <= chemical_formula_reduced        | e3",
        "chemical_formula_reduced != \"Cu\"       | e1 e2",
        // substring operators
        "chemical_formula_reduced CONTAINS \"Ni\" | e1 e2",
        "chemical_formula_reduced STARTS \"Al\"   | e1 e2",
        "chemical_formula_reduced STARTS WITH \"Cu\" | e3",
        "chemical_formula_reduced ENDS WITH \"Ni\" | e2",
        "chemical_formula_reduced ENDS \"3\"      | e1",
        "chemical_formula_reduced CONTAINS \"\"   | e1 e2 e3",
        "chemical_formula_reduced CONTAINS \"Zr\" | ''",
        // booleans, including the bare forms
        "_matscreen_stable                      | e1",
        "NOT _matscreen_stable                  | e2",
        "_matscreen_stable = TRUE               | e1",
        "_matscreen_stable != TRUE              | e2",
        "FALSE = _matscreen_stable              | e2",
        // lists
        "elements HAS \"Al\"                      | e1 e2",
        "elements HAS ALL \"Al\", \"Ni\"            | e1 e2",
        "elements HAS ALL \"Al\", \"Cu\"            | ''",
        "elements HAS ANY \"Cu\", \"Co\"            | e2 e3",
        "elements HAS ONLY \"Al\", \"Ni\", \"Cu\"     | e1 e3",
        "elements HAS STARTS \"C\"                | e2 e3",
        "elements HAS > \"Fe\"                    | e1 e2",
        "elements_ratios HAS < 0.3              | e1 e2",
        "elements_ratios HAS ALL < 0.3, > 0.7   | e1",
        "elements_ratios HAS ANY > 3, = 1, != 0.2 | e1 e3",
        "NOT elements HAS \"Al\"                  | e3",
        "elements LENGTH 2                      | e1 e5",
        "elements LENGTH >= 2                   | e1 e2 e5",
        "elements LENGTH < 1.5                  | e3",
        // correlated lists
        "elements:elements_ratios HAS \"Al\":>0.2 | e1",
        "elements:elements_ratios HAS ALL \"Al\":>0.1, \"Ni\":>0.7 | e1",
        "elements:elements_ratios HAS ANY \"Cu\":1, \"Fe\":<0.3    | e2 e3",
        "elements:elements_ratios HAS ONLY \"Al\":>0, \"Ni\":>0    | e1",
        "_matscreen_counts:_matscreen_counts HAS >=2:<=3          | e1",
        // timestamps compare as instants: e2's 2023-06-01T00:00:00+02:00 is 2023-05-31T22:00:00Z
        "last_modified > \"2024-01-01T00:00:00Z\"  | e1",
        "last_modified < \"2023-05-31T23:00:00Z\"  | e2",
        "last_modified = \"2024-01-31t13:00:00.000+01:00\" | e1",
        "last_modified >= \"2023-05-31 22:00:00z\" | e1 e2",
        // id look-up
        "id = \"e2\"                              | e2",
        "\"e2\" = id                              | e2",
        // properties on both sides, and constants on both sides
        "nsites > nelements                     | e1 e2",
        "elements LENGTH nelements              | e1 e2 e3 e5",
        "5 < 7                                  | e1 e2 e3 e4 e5",
        "7 < 5                                  | ''",
        "TRUE != FALSE AND nelements = 1        | e3",
        // a declared nested path
        "references.id HAS \"r1\"                 | e1",
        // precedence: ((NOT n > 1) AND n < 5) OR n = 5
        "NOT nelements > 1 AND nelements < 5 OR nelements = 5 | e2 e3",
        "NOT (nelements > 1 AND nelements < 5 OR nelements = 5) | e3",
    })
    void operatorsMatchExactlyTheExpectedEntries(String filter, String expected) {
        assertEquals(ids(expected), matching(filter));
    }

    /**
     * Unknown values: every comparison with one is unknown, NOT keeps it unknown, only IS KNOWN / IS UNKNOWN are
     * decided, and OR lets a known branch win. e4 knows nothing but its id; e3 has no band gap; e5 has an unknown item.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "nelements IS UNKNOWN                         | e4",
        "nelements IS KNOWN                           | e1 e2 e3 e5",
        "nelements                                    | e1 e2 e3 e5",
        "NOT nelements IS KNOWN                       | e4",
        "NOT nelements = 2                            | e2 e3",
        "NOT nelements != 2                           | e1 e5",
        "NOT NOT nelements = 2                        | SYNTAX",
        "NOT (NOT nelements = 2)                      | e1 e5",
        "_matscreen_band_gap < 1 OR _matscreen_band_gap >= 1 | e1 e2",
        "nelements = 99 OR _matscreen_band_gap IS UNKNOWN    | e3 e4 e5",
        "NOT (nelements = 1 AND _matscreen_band_gap = 0)     | e1 e2 e5",
        "NOT _matscreen_stable                        | e2",
        "NOT elements HAS ALL \"Al\", \"Ni\"              | e3",
        "elements HAS \"Fe\"                            | e2 e5",
        "elements HAS \"Cu\"                            | e3",
        "NOT elements HAS \"Cu\"                        | e1 e2",
        "elements HAS ONLY \"Fe\"                       | ''",
        "NOT elements HAS ONLY \"Fe\"                   | e1 e2 e3",
        "elements LENGTH 2                            | e1 e5",
    })
    void unknownValuesFollowTheSpec(String filter, String expected) {
        if (expected.equals("SYNTAX")) {
            assertEquals(400, assertThrows(FilterException.class, () -> matching(filter)).httpStatus());
            return;
        }
        assertEquals(ids(expected), matching(filter));
    }

    /** Another provider's properties are unknown everywhere, never an error; its comparisons never match. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "_exmpl_x = 1                              | ''",
        "NOT _exmpl_x = 1                          | ''",
        "_exmpl_x != 1                             | ''",
        "_exmpl_x IS UNKNOWN                       | e1 e2 e3 e4 e5",
        "_exmpl_x IS KNOWN                         | ''",
        "NOT _exmpl_x IS KNOWN                     | e1 e2 e3 e4 e5",
        "_exmpl_x                                  | ''",
        "NOT _exmpl_x                              | ''",
        "_exmpl_x = 1 OR nelements = 2             | e1 e5",
        "_exmpl_x CONTAINS \"a\"                     | ''",
        "_exmpl_list HAS ALL 1, 2                  | ''",
        "_exmpl_list LENGTH 3                      | ''",
        "elements:_exmpl_counts HAS \"Al\":1         | ''",
        "nelements = _exmpl_n                      | ''",
        "elements HAS _exmpl_symbol                | ''",
        "_exmpl_a.b = 1                            | ''",
        "_exmpl1_band_gap<2.0 OR _exmpl2_band_gap<2.5 | ''",
        "5 < _exmpl_a                              | ''",
    })
    void otherProvidersPropertiesAreUnknown(String filter, String expected) {
        assertEquals(ids(expected), matching(filter));
    }

    @Test
    void unrecognisedPrefixesAreWarnedAboutRecognisedOnesNot() {
        CompiledFilter f = FilterCompiler.compile(
                "_exmpl1_band_gap<2.0 OR _exmpl2_band_gap<2.5 OR _exmpl2_band_gap > 3", CATALOGUE);
        assertEquals(1, f.warnings().size(), f.warnings().toString());
        assertTrue(f.warnings().get(0).contains("_exmpl2_band_gap"), f.warnings().toString());
        assertEquals(List.of(), FilterCompiler.compile("nelements = 1", CATALOGUE).warnings());
    }

    /** 400: the filter is wrong for these properties. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "foo = 1                              | foo",
        "NOT (nelements = 1 OR foo IS KNOWN)  | foo",
        "_matscreen_nope = 1                  | _matscreen_nope",
        "_bad = 1                             | _bad",
        "_x_ = 1                              | _x_",
        "__x = 1                              | __x",
        "unknown.path = 1                     | unknown.path",
        "nelements CONTAINS \"x\"               | nelements",
        "elements CONTAINS \"Al\"               | elements",
        "elements = \"Al\"                      | elements",
        "\"Al\" = elements                      | elements",
        "nelements < elements_ratios          | elements_ratios",
        "_matscreen_stable > _matscreen_stable | _matscreen_stable",
        "nelements HAS 1                      | nelements",
        "chemical_formula_reduced LENGTH 3    | chemical_formula_reduced",
        "elements:nelements HAS \"Al\":1        | nelements",
        "elements_ratios HAS CONTAINS \"x\"     | elements_ratios",
        "last_modified > \"yesterday\"          | last_modified",
        "last_modified = \"2024-01-31T12:00Z\"  | last_modified",
        "last_modified = \"2024-13-01T00:00:00Z\" | last_modified",
    })
    void filtersWrongForTheCatalogueAre400(String filter, String field) {
        FilterException e = assertThrows(FilterException.class, () -> FilterCompiler.compile(filter, CATALOGUE));
        assertEquals(400, e.httpStatus(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.position().isEmpty());
    }

    /** 501: valid filters that need a type conversion, or use a form that is not supported. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "nelements = \"2\"",
        "chemical_formula_reduced = 42",
        "elements HAS 1",
        "elements HAS ANY \"Al\", 2",
        "elements_ratios HAS \"x\"",
        "elements HAS CONTAINS 1",
        "chemical_formula_reduced CONTAINS 1",
        "_matscreen_stable = 1",
        "nelements = TRUE",
        "elements LENGTH \"3\"",
        "last_modified > 5",
        "last_modified = chemical_formula_reduced",
        "elements:elements_ratios HAS \"Al\":\"x\"",
        "\"a\" = \"b\"",
        "\"a\" < 1",
        "TRUE = 1",
        "elements.symbol HAS \"Al\"",
        "elements:_exmpl_element_counts:_exmpl_element_weights HAS ANY > 3:\"He\":>55.3",
    })
    void unsupportedFormsAre501(String filter) {
        FilterException e = assertThrows(FilterException.class, () -> FilterCompiler.compile(filter, CATALOGUE));
        assertEquals(501, e.httpStatus(), e.getMessage());
    }

    @Test
    void messagesNameTheProblem() {
        FilterException unknown = assertThrows(FilterException.class,
                () -> FilterCompiler.compile("nelements = 1 AND bandgap < 2", CATALOGUE));
        assertEquals("filter: field 'bandgap': unknown property 'bandgap'", unknown.getMessage());
        FilterException type = assertThrows(FilterException.class,
                () -> FilterCompiler.compile("nelements CONTAINS \"x\"", CATALOGUE));
        assertTrue(type.reason().contains("'nelements' is an integer: CONTAINS applies to string properties only"),
                type.reason());
        FilterException conversion = assertThrows(FilterException.class,
                () -> FilterCompiler.compile("nelements = \"2\"", CATALOGUE));
        assertTrue(conversion.reason().contains("the string constant \"2\""), conversion.reason());
    }

    @Test
    void exactIdIsRecognisedOnlyForAWholeFilterOfThatShape() {
        assertEquals(Optional.of("x"), FilterCompiler.compile("id = \"x\"", CATALOGUE).exactId());
        assertEquals(Optional.of("x"), FilterCompiler.compile("\"x\" = id", CATALOGUE).exactId());
        assertEquals(Optional.empty(), FilterCompiler.compile("id != \"x\"", CATALOGUE).exactId());
        assertEquals(Optional.empty(), FilterCompiler.compile("id = \"x\" AND nelements = 1", CATALOGUE).exactId());
    }

    @Test
    void entryValuesOfOtherNumericClassesAndTimestampObjectsAreAccepted() {
        CompiledFilter f = FilterCompiler.compile(
                "nelements = 3 AND elements_ratios HAS 0.5 AND last_modified < \"2000-01-01T00:00:00Z\"", CATALOGUE);
        Map<String, Object> entry = Map.of("nelements", 3, "elements_ratios", List.of(0.5f),
                "last_modified", Instant.parse("1999-12-31T23:59:59Z"));
        assertTrue(f.test(FilterTarget.of(entry)));
        assertFalse(f.test(FilterTarget.of(Map.of("nelements", 3, "elements_ratios", List.of(Double.NaN),
                "last_modified", Instant.parse("1999-12-31T23:59:59Z")))));
    }

    /** A long beyond 2^53 compared with a double is compared exactly, not after rounding to double. */
    @Test
    void largeIntegersCompareExactlyWithFloats() {
        long big = (1L << 53) + 1;
        CompiledFilter f = FilterCompiler.compile("nsites > 9007199254740992.0", CATALOGUE);
        assertTrue(f.test(FilterTarget.of(Map.of("nsites", big))));
        assertFalse(f.test(FilterTarget.of(Map.of("nsites", big - 1))));
        assertTrue(FilterCompiler.compile("nsites = 9223372036854775807", CATALOGUE)
                .test(FilterTarget.of(Map.of("nsites", Long.MAX_VALUE))));
        assertFalse(FilterCompiler.compile("nsites = 9223372036854775808.0", CATALOGUE)
                .test(FilterTarget.of(Map.of("nsites", Long.MAX_VALUE))));
    }

    /** A value of the wrong class is the target's bug: an internal error, not a 400. */
    @Test
    void targetsReturningTheWrongClassAreInternalErrors() {
        CompiledFilter f = FilterCompiler.compile("nelements = 1", CATALOGUE);
        MatscreenException e = assertThrows(MatscreenException.class,
                () -> f.test(FilterTarget.of(Map.of("nelements", "1"))));
        assertFalse(e instanceof FilterException);
        assertTrue(e.getMessage().contains("'nelements'"), e.getMessage());
    }

    @Test
    void compiledFiltersAreReusableAcrossEntries() {
        CompiledFilter f = FilterCompiler.compile("elements HAS ANY \"Al\", \"Cu\"", CATALOGUE);
        long count = FilterFixtures.ENTRIES.stream().map(FilterTarget::of).filter(f).count();
        assertEquals(3, count);
        assertEquals(count, FilterFixtures.ENTRIES.stream().map(FilterTarget::of).filter(f).count());
        assertEquals("elements HAS ANY \"Al\", \"Cu\"", f.toString());
    }

    @Test
    void catalogueRejectsMalformedDeclarations() {
        assertThrows(IllegalArgumentException.class,
                () -> PropertyCatalogue.builder().property("BadName", PropertyType.STRING));
        assertThrows(IllegalArgumentException.class,
                () -> PropertyCatalogue.builder().property("a", PropertyType.STRING).property("a", PropertyType.FLOAT));
        assertThrows(IllegalArgumentException.class, () -> PropertyCatalogue.builder().ownPrefix("_own_"));
    }

    private static Set<String> ids(String spaceSeparated) {
        String trimmed = spaceSeparated.strip();
        return trimmed.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(trimmed.split("\\s+")));
    }
}
