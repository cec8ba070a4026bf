package org.matscreen.optimade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.optimade.Fixtures;
import org.matscreen.optimade.config.ServerConfig;
import org.matscreen.optimade.schema.StructureSchema;

/** The response shape of every endpoint, as the OPTIMADE v1.3 spec and JSON:API 1.1 define it. */
class EndpointContractTest {
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

    /** The members every successful OPTIMADE response carries. */
    static void assertDocument(JsonNode doc, String representation) {
        assertEquals("1.1", doc.path("jsonapi").path("version").asText(), doc.toString());
        assertEquals("OPTIMADE", doc.path("jsonapi").path("meta").path("api").asText());
        JsonNode meta = doc.path("meta");
        assertEquals("1.3.0", meta.path("api_version").asText());
        assertEquals(representation, meta.path("query").path("representation").asText());
        assertTrue(meta.path("more_data_available").isBoolean());
        assertTrue(meta.path("time_stamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        JsonNode provider = meta.path("provider");
        assertEquals("Test consortium", provider.path("name").asText());
        assertEquals("matscreen", provider.path("prefix").asText());
        assertTrue(provider.has("description"));
        assertFalse(doc.has("errors"));
    }

    @Test
    void versionsIsRestrictedCsvAtTheUnversionedRoot() {
        InProcess.Answer a = api.get("/versions");
        assertEquals(200, a.status());
        assertEquals("text/csv; header=present", a.header("Content-Type"));
        assertEquals("version\n1\n", a.body());
        assertEquals(404, api.get("/v1/versions").status(), "MUST NOT be provided under versioned base URLs");
    }

    @Test
    void baseInfo() {
        InProcess.Answer a = api.get("/v1/info");
        assertEquals(200, a.status());
        assertEquals("application/vnd.api+json", a.header("Content-Type"));
        JsonNode doc = a.json();
        assertDocument(doc, "/info");
        JsonNode data = doc.path("data");
        assertEquals("info", data.path("type").asText());
        assertEquals("/", data.path("id").asText());
        JsonNode attr = data.path("attributes");
        assertEquals("1.3.0", attr.path("api_version").asText());
        assertEquals("http://optimade.test/v1/", attr.path("available_api_versions").get(0).path("url").asText());
        assertEquals("1.3.0", attr.path("available_api_versions").get(0).path("version").asText());
        assertEquals("[\"json\"]", attr.path("formats").toString());
        assertEquals("[\"structures\",\"references\"]", attr.path("entry_types_by_format").path("json").toString());
        assertEquals(Set.of("info", "links", "structures", "references"), strings(attr.path("available_endpoints")));
        assertTrue(attr.path("license").asText().endsWith("/v1/extensions/license"));
        assertFalse(attr.path("is_index").asBoolean());
        assertEquals(200, api.get("/v1/extensions/license").status());
        assertEquals(200, api.get("/v1.3/info").status(), "MAJOR.MINOR base URL");
        assertEquals(200, api.get("/v1.3.0/info").status(), "MAJOR.MINOR.PATCH base URL");
    }

    @Test
    void structuresInfoDescribesEveryPropertyWithDefinitions() {
        JsonNode doc = api.get("/v1/info/structures").json();
        assertDocument(doc, "/info/structures");
        JsonNode data = doc.path("data");
        assertEquals("info", data.path("type").asText());
        assertEquals("structures", data.path("id").asText());
        assertTrue(data.path("description").asText().length() > 10);
        assertEquals("[\"json\"]", data.path("formats").toString());
        JsonNode props = data.path("properties");
        for (String p : List.of("id", "type", "elements", "nelements", "elements_ratios", "chemical_formula_reduced",
                "chemical_formula_anonymous", "chemical_formula_descriptive", "lattice_vectors",
                "cartesian_site_positions", "species_at_sites", "species", "nsites", "structure_features",
                "last_modified", "_matscreen_dh_mix_ev_per_atom", "_matscreen_hhi_production", "_matscreen_campaign")) {
            JsonNode d = props.path(p);
            assertFalse(d.isMissingNode(), p);
            for (String key : List.of("$id", "$schema", "title", "description", "x-optimade-type", "type",
                    "x-optimade-unit", "x-optimade-definition")) {
                assertTrue(d.has(key), p + " lacks " + key);
            }
            assertEquals("property", d.path("x-optimade-definition").path("kind").asText());
            assertEquals("1.2", d.path("x-optimade-definition").path("format").asText());
        }
        JsonNode dh = props.path("_matscreen_dh_mix_ev_per_atom");
        assertEquals("float", dh.path("x-optimade-type").asText());
        assertEquals("eV", dh.path("x-optimade-unit").asText());
        assertTrue(dh.path("sortable").asBoolean());
        assertEquals("eV", dh.path("x-optimade-unit-definitions").get(0).path("symbol").asText());
        assertTrue(dh.path("description").asText().contains("eV/atom"));
        JsonNode lv = props.path("lattice_vectors");
        assertEquals("list", lv.path("x-optimade-type").asText());
        assertEquals("angstrom", lv.path("items").path("items").path("x-optimade-unit").asText());
        assertEquals("none", lv.path("x-optimade-implementation").path("query-support").asText());
        assertEquals("all mandatory", props.path("elements").path("x-optimade-implementation")
                .path("query-support").asText());
        Set<String> output = strings(data.path("output_fields_by_format").path("json"));
        Set<String> described = new HashSet<>();
        props.fieldNames().forEachRemaining(described::add);
        assertEquals(described, output);
        assertEquals(StructureSchema.get().properties().keySet(), described);
    }

    @Test
    void referencesInfoAndListing() {
        JsonNode info = api.get("/v1/info/references").json();
        assertDocument(info, "/info/references");
        assertEquals("references", info.path("data").path("id").asText());
        assertTrue(info.path("data").path("properties").has("note"));
        JsonNode doc = api.get("/v1/references?page_limit=50").json();
        assertDocument(doc, "/references?page_limit=50");
        Set<String> ids = new HashSet<>();
        for (JsonNode e : doc.path("data")) {
            assertEquals("references", e.path("type").asText());
            ids.add(e.path("id").asText());
            assertTrue(e.path("attributes").has("note"));
        }
        assertTrue(ids.contains("potential-" + "9f".repeat(8)), ids.toString());
        assertTrue(ids.contains("descriptor-hhi_production"), ids.toString());
        JsonNode one = api.get("/v1/references/descriptor-vec").json();
        assertEquals("descriptor-vec", one.path("data").path("id").asText());
        assertEquals(404, api.get("/v1/references/nope").status());
    }

    @Test
    void linksHasTheRootLink() {
        JsonNode doc = api.get("/v1/links").json();
        assertDocument(doc, "/links");
        JsonNode link = doc.path("data").get(0);
        assertEquals("links", link.path("type").asText());
        assertEquals("root", link.path("attributes").path("link_type").asText());
        assertEquals("http://optimade.test", link.path("attributes").path("base_url").asText());
        for (String f : List.of("name", "description", "homepage")) {
            assertTrue(link.path("attributes").has(f), f);
        }
    }

    @Test
    void structuresListingShapeAndDefaultFields() {
        JsonNode doc = api.get("/v1/structures").json();
        assertDocument(doc, "/structures");
        JsonNode meta = doc.path("meta");
        assertEquals(3, meta.path("data_returned").asInt(), "anonymous: the three public finished records");
        assertEquals(3, meta.path("data_available").asInt());
        assertFalse(meta.path("more_data_available").asBoolean());
        assertTrue(doc.path("links").path("next").isNull());
        assertEquals(3, doc.path("data").size());
        JsonNode e = doc.path("data").get(0);
        assertEquals("structures", e.path("type").asText());
        assertEquals("pub-cocrfeni", e.path("id").asText(), "rows in chunk-path order");
        assertEquals(meta.path("last_id").asText(), doc.path("data").get(2).path("id").asText());
        JsonNode a = e.path("attributes");
        assertFalse(a.has("id") || a.has("type"), "id and type are not attributes");
        assertEquals(StructureSchema.get().defaultFields(), fieldNames(a));
        assertEquals("[\"Co\",\"Cr\",\"Fe\",\"Ni\"]", a.path("elements").toString());
        assertEquals(4, a.path("nelements").asInt());
        assertEquals("[0.25,0.25,0.25,0.25]", a.path("elements_ratios").toString());
        assertEquals("CoCrFeNi", a.path("chemical_formula_reduced").asText());
        assertEquals("ABCD", a.path("chemical_formula_anonymous").asText());
        assertEquals("Co8Cr8Fe8Ni8", a.path("chemical_formula_descriptive").asText());
        assertEquals(32, a.path("nsites").asInt());
        assertEquals(3, a.path("lattice_vectors").size());
        assertEquals(32, a.path("cartesian_site_positions").size());
        assertEquals(3, a.path("cartesian_site_positions").get(5).size());
        assertEquals(32, a.path("species_at_sites").size());
        assertEquals(4, a.path("species").size());
        assertEquals("Co", a.path("species").get(0).path("name").asText());
        assertEquals("[1.0]", a.path("species").get(0).path("concentration").toString());
        assertEquals("[]", a.path("structure_features").toString());
        assertEquals("[1,1,1]", a.path("dimension_types").toString());
        assertEquals(3, a.path("nperiodic_dimensions").asInt());
        assertEquals("2026-01-10T10:00:00Z", a.path("last_modified").asText());
        assertEquals(-0.031, a.path("_matscreen_dh_mix_ev_per_atom").asDouble(), 0);
        assertEquals(1700.0, a.path("_matscreen_hhi_production").asDouble(), 0);
        assertEquals("public", a.path("_matscreen_visibility").asText());
        assertFalse(a.has("_matscreen_eos_volumes_a3_per_atom"), "heavy arrays only on request");
        JsonNode rel = e.path("relationships").path("references").path("data").get(0);
        assertEquals("references", rel.path("type").asText());
        assertEquals("potential-" + "ab12".repeat(4), rel.path("id").asText());
        assertTrue(e.path("links").path("self").asText().endsWith("/v1/structures/pub-cocrfeni"));
        List<String> included = new ArrayList<>();
        doc.path("included").forEach(r -> included.add(r.path("id").asText()));
        assertEquals(List.of("potential-" + "9f".repeat(8), "potential-" + "ab12".repeat(4)),
                included.stream().sorted().toList(), "include=references is the default");
        assertEquals(0, api.get("/v1/structures?include=").json().path("included").size());
    }

    @Test
    void cartesianPositionsAreTheFractionalOnesInTheLattice() {
        JsonNode a = api.get("/v1/structures/pub-cu").json().path("data").path("attributes");
        JsonNode lv = a.path("lattice_vectors");
        JsonNode f = a.path("fractional_site_positions").get(3);
        JsonNode c = a.path("cartesian_site_positions").get(3);
        for (int k = 0; k < 3; k++) {
            double expected = 0;
            for (int i = 0; i < 3; i++) {
                expected += f.get(i).asDouble() * lv.get(i).get(k).asDouble();
            }
            assertEquals(expected, c.get(k).asDouble(), 1e-12);
        }
        assertEquals("[\"Cu\"]", a.path("elements").toString());
        assertEquals("A", a.path("chemical_formula_anonymous").asText());
    }

    @Test
    void singleEntry() {
        JsonNode doc = api.get("/v1/structures/pub-cuni").json();
        assertDocument(doc, "/structures/pub-cuni");
        assertTrue(doc.path("data").isObject(), "a single resource object, not a list");
        assertEquals("pub-cuni", doc.path("data").path("id").asText());
        assertEquals(1, doc.path("meta").path("data_returned").asInt());
        assertFalse(doc.path("meta").path("more_data_available").asBoolean());
        assertEquals("CuNi", doc.path("data").path("attributes").path("chemical_formula_reduced").asText());
        InProcess.Answer missing = api.get("/v1/structures/no-such-id");
        assertEquals(404, missing.status());
        assertEquals("404", missing.json().path("errors").get(0).path("status").asText());
        assertEquals(200, api.get("/v1/structures/pub-cuni?unknown_param=1").status(),
                "single-entry endpoints ignore unknown parameters");
    }

    @Test
    void paginationFollowsLinksNextToTheEnd() {
        List<String> seen = new ArrayList<>();
        String url = "/v1/structures?page_limit=2&response_fields=nsites";
        int pages = 0;
        while (url != null) {
            JsonNode doc = api.get(url, Fixtures.TOKEN_A).json();
            assertEquals(7, doc.path("meta").path("data_returned").asInt(), "member of A sees 7 finished records");
            doc.path("data").forEach(e -> seen.add(e.path("id").asText()));
            boolean more = doc.path("meta").path("more_data_available").asBoolean();
            JsonNode next = doc.path("links").path("next");
            assertEquals(more, !next.isNull());
            url = next.isNull() ? null : next.asText().replace("http://optimade.test", "");
            pages++;
        }
        assertEquals(4, pages);
        assertEquals(7, seen.size());
        assertEquals(7, new HashSet<>(seen).size());
        JsonNode byNumber = api.get("/v1/structures?page_limit=2&page_number=2", Fixtures.TOKEN_A).json();
        assertEquals(seen.subList(2, 4), ids(byNumber));
        JsonNode past = api.get("/v1/structures?page_offset=100", Fixtures.TOKEN_A).json();
        assertEquals(0, past.path("data").size());
        assertFalse(past.path("meta").path("more_data_available").asBoolean());
    }

    @Test
    void nextLinkKeepsTheQuery() {
        JsonNode doc = api.get("/v1/structures?filter=nelements%3E1&sort=-nsites&response_fields=nsites&page_limit=1",
                Fixtures.TOKEN_A).json();
        String next = doc.path("links").path("next").asText();
        assertTrue(next.startsWith("http://optimade.test/v1/structures?"), next);
        assertTrue(next.contains("filter=nelements%3E1") && next.contains("sort=-nsites")
                && next.contains("response_fields=nsites") && next.contains("page_limit=1")
                && next.contains("page_offset=1"), next);
    }

    @Test
    void sortAscendingDescendingAndUnknownLast() {
        List<String> asc = ids(api.get("/v1/structures?sort=_matscreen_dh_mix_ev_per_atom&page_limit=50",
                Fixtures.TOKEN_A).json());
        assertEquals(List.of("cons-monbtaw", "cons-alcocrfeni", "pub-cocrfeni", "pub-cu", "emb-a-crfeni",
                "pub-cuni", "exp-a-conimn"), asc);
        List<String> desc = ids(api.get("/v1/structures?sort=-_matscreen_dh_mix_ev_per_atom&page_limit=50",
                Fixtures.TOKEN_A).json());
        List<String> reversed = new ArrayList<>(asc);
        Collections.reverse(reversed);
        assertEquals(reversed, desc);
        List<String> twoKeys = ids(api.get("/v1/structures?sort=-nsites,id&page_limit=50", Fixtures.TOKEN_A).json());
        assertEquals(List.of("cons-alcocrfeni", "cons-monbtaw", "emb-a-crfeni", "exp-a-conimn", "pub-cocrfeni",
                "pub-cu", "pub-cuni"), twoKeys);
        assertEquals(400, api.get("/v1/structures?sort=elements").status(), "lists are not sortable");
        assertEquals(400, api.get("/v1/structures?sort=nope").status());
    }

    @Test
    void responseFieldsAreHonouredExactly() {
        JsonNode a = api.get("/v1/structures?response_fields=nsites,chemical_formula_reduced,_exmpl_x").json()
                .path("data").get(0).path("attributes");
        assertEquals(List.of("nsites", "chemical_formula_reduced", "_exmpl_x"), fieldNames(a));
        assertTrue(a.path("_exmpl_x").isNull());
        JsonNode none = api.get("/v1/structures?response_fields=").json().path("data").get(0);
        assertEquals(0, none.path("attributes").size());
        assertNotNull(none.path("id").asText());
        JsonNode heavy = api.get("/v1/structures/pub-cu?response_fields=_matscreen_eos_volumes_a3_per_atom,id")
                .json().path("data").path("attributes");
        assertEquals("[11.0,11.5,12.0]", heavy.path("_matscreen_eos_volumes_a3_per_atom").toString());
        assertEquals(1, heavy.size());
        assertEquals(400, api.get("/v1/structures?response_fields=no_such_field").status());
        assertEquals(400, api.get("/v1/structures?response_fields=_matscreen_no_such").status());
    }

    @Test
    void unversionedPathsRedirectAndUnknownVersionsAre553() {
        InProcess.Answer r = api.get("/structures?filter=nelements=2");
        assertEquals(307, r.status());
        assertEquals("http://optimade.test/v1/structures?filter=nelements=2", r.header("Location"));
        assertEquals(553, api.get("/v2/structures").status());
        assertEquals(553, api.get("/v1.9/info").status());
        assertEquals(553, api.get("/info?api_hint=v2").status());
        assertEquals(404, api.get("/v1/calculations").status());
        assertEquals(404, api.get("/nothing").status());
        assertEquals(200, api.get("/v1/info?api_hint=v1.3").status(), "api_hint accepted everywhere");
        assertEquals(200, api.get("/v1/structures?api_hint=v1").status());
        assertEquals(200, api.get("/").status(), "a page for people at the base URL");
    }

    @Test
    void parameterErrors() {
        assertEquals(400, api.get("/v1/structures?page_limit=0").status());
        assertEquals(400, api.get("/v1/structures?page_limit=many").status());
        assertEquals(403, api.get("/v1/structures?page_limit=51").status(), "above the maximum: 403 Forbidden");
        assertEquals(400, api.get("/v1/structures?page_offset=-1").status());
        assertEquals(400, api.get("/v1/structures?page_offset=1&page_number=2").status());
        assertEquals(501, api.get("/v1/structures?page_cursor=abc").status());
        assertEquals(400, api.get("/v1/structures?response_format=xml").status());
        assertEquals(400, api.get("/v1/structures?include=calculations").status());
        assertEquals(400, api.get("/v1/structures?frobnicate=1").status(), "unknown unprefixed parameter");
        assertEquals(200, api.get("/v1/structures?_exmpl_verbosity=3").status(), "prefixed custom parameter");
        assertEquals(400, api.get("/v1/structures?filter=nsites=1&filter=nsites=2").status());
        assertEquals(501, api.get("/v1/structures/pub-cu?dimension_slices=dim_sites%5B0:1:1%5D").status());
        assertEquals(200, api.get("/v1/structures/pub-cu?dimension_slices=").status());
    }

    static List<String> ids(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.path("data").forEach(e -> out.add(e.path("id").asText()));
        return out;
    }

    static List<String> fieldNames(JsonNode o) {
        List<String> out = new ArrayList<>();
        o.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static Set<String> strings(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
