package org.matscreen.optimade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.optimade.Fixtures;
import org.matscreen.optimade.config.ServerConfig;

/**
 * Contract tests for standard OPTIONAL properties the server does not hold, and for the properties every {@code
 * references} entry must support. Each test quotes the sentences of the OPTIMADE v1.3.0 specification it checks.
 */
class UnknownValuesAndReferencesContractTest {
    /** Standard OPTIONAL structures properties matscreen does not hold (spec section "Structures Entries"). */
    static final List<String> UNHELD_STRUCTURES = List.of("assemblies", "space_group_symmetry_operations_xyz",
            "space_group_symbol_hall", "space_group_symbol_hermann_mauguin",
            "space_group_symbol_hermann_mauguin_extended", "space_group_it_number", "wyckoff_positions",
            "site_coordinate_span_description");

    /** Standard references properties (spec section "References Entries") that no entry here holds. */
    static final List<String> UNHELD_REFERENCES = List.of("address", "annote", "booktitle", "chapter", "crossref",
            "edition", "howpublished", "institution", "journal", "key", "month", "number", "organization", "pages",
            "publisher", "school", "series", "title", "volume", "year", "bib_type", "authors", "editors", "url");

    static final String ZHOU_REFERENCE = "potential-" + "ab12".repeat(4);

    @TempDir
    static Path dir;
    static InProcess api;

    @BeforeAll
    static void start() {
        ServerConfig config = Fixtures.config();
        api = new InProcess(config, Fixtures.index(Fixtures.repository(dir, Fixtures.standard()), config));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /**
     * "OPTIONAL properties with an unknown value, if requested explicitly via the response_fields query parameter,
     * MUST be included and returned in the response with the value null." (section "Properties with an unknown
     * value")
     */
    @Test
    void unheldStandardStructuresPropertiesComeBackAsNull() {
        String fields = String.join(",", UNHELD_STRUCTURES) + ",nsites";
        InProcess.Answer list = api.get("/v1/structures?page_limit=50&response_fields=" + fields);
        assertEquals(200, list.status(), list.body());
        JsonNode data = list.json().path("data");
        assertEquals(3, data.size(), "the public records");
        for (JsonNode entry : data) {
            JsonNode a = entry.path("attributes");
            for (String f : UNHELD_STRUCTURES) {
                assertTrue(a.has(f) && a.get(f).isNull(), f + " in " + a);
            }
            assertEquals(UNHELD_STRUCTURES.size() + 1, a.size(), "exactly the requested fields: " + a);
        }
        JsonNode one = api.get("/v1/structures/pub-cu?response_fields=assemblies,wyckoff_positions").json()
                .path("data").path("attributes");
        assertTrue(one.get("assemblies").isNull() && one.get("wyckoff_positions").isNull(), one.toString());
        assertEquals(2, one.size());
    }

    /**
     * "Properties not marked as REQUIRED in any case, MUST be included only if explicitly requested in the query
     * parameter response_fields. Otherwise they SHOULD NOT be included." (section "Entry Listing Endpoints")
     */
    @Test
    void unheldPropertiesAreNotInTheDefaultResponse() {
        JsonNode a = api.get("/v1/structures/pub-cu").json().path("data").path("attributes");
        for (String f : UNHELD_STRUCTURES) {
            assertFalse(a.has(f), f);
        }
        JsonNode r = api.get("/v1/references/" + ZHOU_REFERENCE).json().path("data").path("attributes");
        for (String f : UNHELD_REFERENCES) {
            assertFalse(r.has(f), f);
        }
    }

    /**
     * "Support: OPTIONAL support in implementations, i.e., any of the properties MAY be null." (section "References
     * Entries", on the BibTeX fields, bib_type, authors, editors, doi and url) together with the sentence on
     * OPTIONAL properties requested in response_fields quoted above.
     */
    @Test
    void everyStandardReferencesPropertyCanBeRequested() {
        String fields = String.join(",", UNHELD_REFERENCES) + ",doi,note";
        InProcess.Answer list = api.get("/v1/references?page_limit=50&response_fields=" + fields);
        assertEquals(200, list.status(), list.body());
        for (JsonNode entry : list.json().path("data")) {
            JsonNode a = entry.path("attributes");
            for (String f : UNHELD_REFERENCES) {
                assertTrue(a.has(f) && a.get(f).isNull(), f + " in " + a);
            }
            assertTrue(a.has("doi"), a.toString());
            assertEquals(UNHELD_REFERENCES.size() + 2, a.size());
        }
        InProcess.Answer one = api.get("/v1/references/descriptor-vec?response_fields=authors,title,url");
        assertEquals(200, one.status(), one.body());
        assertEquals(3, one.json().path("data").path("attributes").size());
    }

    /** An unknown name without another provider's prefix is still an error, so a typo does not pass silently. */
    @Test
    void aMisspelledNameIsStillRefused() {
        assertEquals(400, api.get("/v1/structures?response_fields=asemblies").status());
        assertEquals(400, api.get("/v1/references?response_fields=titel").status());
    }

    /**
     * last_modified: "Support: SHOULD be supported by all implementations, i.e., SHOULD NOT be null." and
     * "Response: REQUIRED in the response unless the query parameter response_fields is present and does not
     * include this property." (section "Properties Used by Multiple Entry Types")
     */
    @Test
    void referencesCarryLastModified() {
        JsonNode anonymous = attributes(api.get("/v1/references/" + ZHOU_REFERENCE).json());
        // the Zhou potential's record an anonymous client sees: pub-cocrfeni (2026-01-10)
        assertEquals("2026-01-10T10:00:00Z", anonymous.path("last_modified").asText());
        // a member of group A also sees its embargoed emb-a-crfeni (2026-02-01)
        JsonNode member = attributes(api.get("/v1/references/" + ZHOU_REFERENCE, Fixtures.TOKEN_A).json());
        assertEquals("2026-02-01T10:00:00Z", member.path("last_modified").asText());
        JsonNode cuni = attributes(api.get("/v1/references/potential-" + "9f".repeat(8)).json());
        assertEquals("2025-11-03T10:00:00Z", cuni.path("last_modified").asText(), "pub-cu, the later of two");
        for (JsonNode e : api.get("/v1/references?page_limit=50").json().path("data")) {
            assertTrue(e.path("attributes").path("last_modified").isTextual(), e.toString());
            assertTrue(e.path("attributes").path("immutable_id").isTextual(), e.toString());
        }
        JsonNode without = attributes(api.get("/v1/references/descriptor-vec?response_fields=note").json());
        assertFalse(without.has("last_modified"));
        JsonNode info = api.get("/v1/info/references").json().path("data").path("properties");
        assertEquals("timestamp", info.path("last_modified").path("x-optimade-type").asText());
        assertEquals("string", info.path("immutable_id").path("x-optimade-type").asText());
    }

    /**
     * last_modified and immutable_id: "Query: MUST be a queryable property with support for all mandatory filter
     * features." (section "Properties Used by Multiple Entry Types")
     */
    @Test
    void lastModifiedAndImmutableIdAreQueryableOnReferences() {
        List<String> after = ids("last_modified > \"2025-12-01T00:00:00Z\" AND _matscreen_kind = \"potential\"",
                null);
        assertEquals(List.of(ZHOU_REFERENCE), after);
        assertEquals(List.of("potential-" + "9f".repeat(8)),
                ids("last_modified <= \"2025-11-03T10:00:00Z\" AND last_modified >= \"2025-11-03T10:00:00Z\"",
                        null));
        assertTrue(ids("last_modified IS UNKNOWN", null).isEmpty());
        assertEquals(ids("last_modified IS KNOWN", null).size(), ids("NOT last_modified < \"1970-01-02T00:00:00Z\"",
                null).size());
        String immutable = attributes(api.get("/v1/references/descriptor-vec").json()).path("immutable_id").asText();
        assertEquals(64, immutable.length());
        assertEquals(List.of("descriptor-vec"), ids("immutable_id = \"" + immutable + "\"", null));
        assertEquals(List.of("descriptor-vec"), ids("immutable_id STARTS \"" + immutable.substring(0, 12) + "\"",
                null));
        assertEquals(ids("id != \"descriptor-vec\"", null), ids("immutable_id != \"" + immutable + "\"", null));
    }

    /**
     * immutable_id: "This ID maps to the version-specific record, in case it changes in the future." (section
     * "Properties Used by Multiple Entry Types"): the id stays, the content hash follows what the client is served.
     */
    @Test
    void immutableIdFollowsTheEntryContent() {
        JsonNode a = attributes(api.get("/v1/references/descriptor-vec").json());
        JsonNode b = attributes(api.get("/v1/references/descriptor-vec", Fixtures.TOKEN_B).json());
        assertEquals(a.path("immutable_id"), b.path("immutable_id"), "same content, same id");
        assertNotEquals(attributes(api.get("/v1/references/descriptor-omega").json()).path("immutable_id"),
                a.path("immutable_id"));
    }

    @Test
    void aDoiIsTakenOutOfTheCitationTextOnlyWhenUnambiguous() {
        assertEquals("10.1371/journal.pone.0101298", References.doi(
                "Nuss & Eckelman, PLOS ONE 9, e101298 (2014), doi:10.1371/journal.pone.0101298."));
        assertEquals("10.1179/095066010X12646898728200", References.doi(
                "Miracle et al. (doi:10.1179/095066010X12646898728200)"));
        assertNull(References.doi("X. W. Zhou, R. A. Johnson, H. N. G. Wadley, Phys. Rev. B 69, 144113 (2004)"));
        assertNull(References.doi("two papers: 10.1021/cm400893e and 10.2320/matertrans.46.2817"));
        assertNull(References.doi(null));
    }

    private static JsonNode attributes(JsonNode doc) {
        return doc.path("data").path("attributes");
    }

    private static List<String> ids(String filter, String token) {
        InProcess.Answer a = api.get("/v1/references?page_limit=50&filter=" + URLEncoder.encode(filter,
                StandardCharsets.UTF_8), token);
        assertEquals(200, a.status(), filter + ": " + a.body());
        List<String> out = new ArrayList<>();
        a.json().path("data").forEach(e -> out.add(e.path("id").asText()));
        return out;
    }
}
