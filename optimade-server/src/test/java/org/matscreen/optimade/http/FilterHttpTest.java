package org.matscreen.optimade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.matscreen.optimade.Fixtures;
import org.matscreen.optimade.config.ServerConfig;

/**
 * The filter language through HTTP, as a member of group A sees the fixture records: every mandatory construct
 * (either way round, AND/OR/NOT with precedence, substring operators, HAS/HAS ALL/HAS ANY/HAS ONLY, LENGTH, IS
 * KNOWN/UNKNOWN, timestamps), the optional ones this server supports, and the spec's 400 and 501 errors. The parser has
 * its own suite in results-schema; this one checks what a client gets back.
 */
class FilterHttpTest {
    @TempDir
    static Path dir;
    static InProcess api;

    static final String ALL = "cons-alcocrfeni cons-monbtaw emb-a-crfeni exp-a-conimn pub-cocrfeni pub-cu pub-cuni";

    @BeforeAll
    static void start() {
        ServerConfig config = Fixtures.config();
        api = new InProcess(config, Fixtures.index(Fixtures.repository(dir, Fixtures.standard()), config));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static JsonNode query(String filter) {
        InProcess.Answer a = api.get("/v1/structures?page_limit=50&response_fields=nsites&filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8), Fixtures.TOKEN_A);
        assertEquals(200, a.status(), filter + " -> " + a.body());
        return a.json();
    }

    static Set<String> ids(String filter) {
        JsonNode doc = query(filter);
        Set<String> ids = new TreeSet<>();
        doc.path("data").forEach(e -> ids.add(e.path("id").asText()));
        assertEquals(ids.size(), doc.path("meta").path("data_returned").asInt(), "data_returned counts the matches");
        return ids;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nelements=2                                               | pub-cuni
            nelements = 2 AND nsites = 32                             | pub-cuni
            8 > nelements AND nelements >= 4                          | cons-alcocrfeni cons-monbtaw pub-cocrfeni
            4 <= nelements                                            | cons-alcocrfeni cons-monbtaw pub-cocrfeni
            nelements != 4                                            | cons-alcocrfeni emb-a-crfeni exp-a-conimn pub-cu pub-cuni
            elements HAS "Ni"                                         | cons-alcocrfeni emb-a-crfeni exp-a-conimn pub-cocrfeni pub-cuni
            elements HAS ALL "Co","Ni"                                | cons-alcocrfeni exp-a-conimn pub-cocrfeni
            elements HAS ANY "Mo", "Al"                               | cons-alcocrfeni cons-monbtaw
            elements HAS ONLY "Cu","Ni"                               | pub-cu pub-cuni
            elements HAS ALL "Fe","Ni" AND elements LENGTH 3          | emb-a-crfeni
            elements LENGTH 1                                         | pub-cu
            elements LENGTH >= 5                                      | cons-alcocrfeni
            elements HAS < "B"                                        | cons-alcocrfeni
            NOT elements HAS "Ni"                                     | cons-monbtaw pub-cu
            elements_ratios HAS > 0.45                                | emb-a-crfeni exp-a-conimn pub-cu pub-cuni
            elements:elements_ratios HAS "Ni":>0.4                    | emb-a-crfeni exp-a-conimn pub-cuni
            chemical_formula_anonymous="A2BC"                         | emb-a-crfeni exp-a-conimn
            chemical_formula_reduced = "CuNi"                         | pub-cuni
            chemical_formula_reduced STARTS WITH "Cr"                 | emb-a-crfeni
            chemical_formula_reduced STARTS "Co"                      | exp-a-conimn pub-cocrfeni
            chemical_formula_reduced ENDS WITH "Ni"                   | cons-alcocrfeni pub-cocrfeni pub-cuni
            chemical_formula_reduced CONTAINS "Fe"                    | cons-alcocrfeni emb-a-crfeni pub-cocrfeni
            chemical_formula_descriptive = "Cu32"                     | pub-cu
            chemical_formula_reduced < "Co"                           | cons-alcocrfeni
            _matscreen_dh_mix_ev_per_atom < 0 OR nsites > 32          | cons-alcocrfeni cons-monbtaw pub-cocrfeni
            NOT _matscreen_dh_mix_ev_per_atom >= 0                    | cons-alcocrfeni cons-monbtaw pub-cocrfeni
            nelements = 4 OR nelements = 5 AND NOT _matscreen_prototype = "bcc" | cons-monbtaw pub-cocrfeni
            (nelements = 4 OR nelements = 5) AND NOT _matscreen_prototype = "bcc" | pub-cocrfeni
            NOT (nsites = 40 OR elements HAS "Cu")                    | emb-a-crfeni exp-a-conimn pub-cocrfeni
            id = "pub-cu"                                             | pub-cu
            "pub-cu" = id                                             | pub-cu
            id != "pub-cu" AND nelements = 1                          |
            id STARTS WITH "cons-"                                    | cons-alcocrfeni cons-monbtaw
            immutable_id = "pub-cuni"                                 | pub-cuni
            _matscreen_relax_converged                                | %ALL
            NOT _matscreen_relax_converged                            |
            _matscreen_relax_converged = TRUE                         | %ALL
            _matscreen_relax_converged != FALSE AND nelements = 1     | pub-cu
            chemical_formula_hill IS UNKNOWN                          | %ALL
            chemical_formula_hill IS KNOWN                            |
            NOT chemical_formula_hill IS KNOWN                        | %ALL
            _matscreen_embargo_until IS KNOWN                         | emb-a-crfeni exp-a-conimn
            _matscreen_error IS KNOWN AND nelements = 1               | pub-cu
            last_modified > "2026-01-01T00:00:00Z"                    | cons-alcocrfeni cons-monbtaw emb-a-crfeni pub-cocrfeni
            last_modified <= "2026-01-10T10:00:00Z"                   | exp-a-conimn pub-cocrfeni pub-cu pub-cuni
            last_modified = "2026-01-10T11:00:00+01:00"               | pub-cocrfeni
            last_modified < "2025-11-03t10:00:00.000001z"             | pub-cu pub-cuni
            _exmpl_band_gap < 2 OR nelements = 1                      | pub-cu
            NOT _exmpl_band_gap = 1                                   |
            _exmpl_x IS UNKNOWN AND nelements = 1                     | pub-cu
            _matscreen_candidate_index < _matscreen_sqs_shells        | pub-cu pub-cuni
            nsites = 32.0 AND nelements = 1                           | pub-cu
            nsites > 32.5                                             | cons-alcocrfeni cons-monbtaw
            structure_features LENGTH 0                               | %ALL
            structure_features HAS "disorder"                         |
            dimension_types HAS ONLY 1                                | %ALL
            nperiodic_dimensions = 3                                  | %ALL
            type = "structures"                                       | %ALL
            5 < 7                                                     | %ALL
            7 < 5                                                     |
            _matscreen_campaign = "cuni"                              | pub-cu pub-cuni
            _matscreen_visibility = "embargoed"                       | emb-a-crfeni exp-a-conimn
            _matscreen_hhi_production >= 1600 AND _matscreen_vec = 8  | cons-alcocrfeni
            _matscreen_potential_elements HAS "W"                     | cons-alcocrfeni cons-monbtaw emb-a-crfeni exp-a-conimn pub-cocrfeni
            optimization_type = "local"                               | %ALL
            """)
    void matches(String filter, String expected) {
        String e = expected == null ? "" : expected.equals("%ALL") ? ALL : expected;
        assertEquals(new TreeSet<>(Arrays.asList(e.isBlank() ? new String[0] : e.trim().split("\\s+"))),
                ids(filter));
    }

    @Test
    void anotherProvidersUnknownPrefixIsWarnedAbout() {
        JsonNode w = query("_exmpl_band_gap < 2 OR nelements = 1").path("meta").path("warnings");
        assertEquals(1, w.size());
        assertEquals("warning", w.get(0).path("type").asText());
        assertTrue(w.get(0).path("detail").asText().contains("_exmpl_band_gap"));
        assertFalse(w.get(0).has("status"), "a warning has no status");
    }

    @Test
    void exactIdOfAHiddenRecordMatchesNothing() {
        assertEquals(Set.of(), ids("id = \"emb-b-alti\""));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            nelements >                              | 400
            nelements = = 2                          | 400
            (nelements = 2                           | 400
            elements HAS                             | 400
            no_such_property = 1                     | 400
            _matscreen_no_such = 1                   | 400
            elements = "Cu"                          | 400
            nelements CONTAINS "2"                   | 400
            _matscreen_relax_converged > TRUE        | 400
            last_modified > "yesterday"              | 400
            chemical_formula_reduced HAS "Cu"        | 400
            nelements = "2"                          | 501
            "a" = "a"                                | 501
            lattice_vectors HAS 1                    | 501
            species_at_sites HAS "Cu"                | 501
            species.name HAS "Cu"                    | 501
            cartesian_site_positions LENGTH 3        | 501
            references.id HAS "x"                    | 501
            nelements.value = 1                      | 501
            """)
    void errors(String filter, int status) {
        InProcess.Answer a = api.get("/v1/structures?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
        assertEquals(status, a.status(), filter + " -> " + a.body());
        JsonNode doc = a.json();
        assertFalse(doc.has("data"), "an error response has no data");
        JsonNode err = doc.path("errors").get(0);
        assertEquals(String.valueOf(status), err.path("status").asText());
        assertFalse(err.path("detail").asText().isBlank());
        assertFalse(a.body().contains("Exception") || a.body().contains("\tat "), a.body());
        assertEquals("1.3.0", doc.path("meta").path("api_version").asText());
        assertTrue(doc.path("meta").path("query").path("representation").asText().startsWith("/structures?filter="));
    }

    @Test
    void plusInTheQueryIsASpaceAsInTheSpecExamples() {
        InProcess.Answer a = api.get("/v1/structures?filter=nelements=2+AND+nsites%3C33", Fixtures.TOKEN_A);
        assertEquals(200, a.status(), a.body());
        assertEquals(1, a.json().path("meta").path("data_returned").asInt());
    }
}
