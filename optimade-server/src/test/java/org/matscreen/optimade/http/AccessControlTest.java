package org.matscreen.optimade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.matscreen.optimade.Fixtures;
import org.matscreen.optimade.config.ConfigLoader;
import org.matscreen.optimade.config.ServerConfig;

/**
 * Who sees what: anonymous, a member of the owning group, a member of another group and a wrong token, against a
 * public, a consortium, a running embargoed (group A) and an expired embargoed (group A) record, through every way a
 * record could show: the single-entry endpoint (200 or 404), an exact-id filter, listings and their counts, and the
 * references of potentials.
 */
class AccessControlTest {
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

    static String token(String who) {
        return switch (who) {
            case "anonymous" -> null;
            case "member" -> Fixtures.TOKEN_A;
            case "other-member" -> Fixtures.TOKEN_B;
            case "wrong-token" -> "msk_not-a-configured-token";
            default -> throw new IllegalArgumentException(who);
        };
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource(textBlock = """
            anonymous,    pub-cocrfeni,  200
            anonymous,    cons-monbtaw,  404
            anonymous,    emb-a-crfeni,  404
            anonymous,    exp-a-conimn,  404
            member,       pub-cocrfeni,  200
            member,       cons-monbtaw,  200
            member,       emb-a-crfeni,  200
            member,       exp-a-conimn,  200
            other-member, pub-cocrfeni,  200
            other-member, cons-monbtaw,  200
            other-member, emb-a-crfeni,  404
            other-member, exp-a-conimn,  200
            wrong-token,  pub-cocrfeni,  401
            wrong-token,  cons-monbtaw,  401
            wrong-token,  emb-a-crfeni,  401
            wrong-token,  exp-a-conimn,  401
            """)
    void matrix(String who, String id, int status) {
        InProcess.Answer single = api.get("/v1/structures/" + id, token(who));
        assertEquals(status, single.status(), who + " " + id + ": " + single.body());
        InProcess.Answer byFilter = api.get("/v1/structures?filter=" + URLEncoder.encode("id=\"" + id + "\"",
                StandardCharsets.UTF_8), token(who));
        InProcess.Answer byList = api.get("/v1/structures?page_limit=50&response_fields=nsites", token(who));
        if (status == 401) {
            assertEquals(401, byFilter.status());
            assertEquals(401, byList.status());
            assertTrue(single.header("WWW-Authenticate").startsWith("Bearer"));
            return;
        }
        int expected = status == 200 ? 1 : 0;
        assertEquals(expected, byFilter.json().path("meta").path("data_returned").asInt(), who + " " + id);
        assertEquals(expected, byFilter.json().path("data").size());
        Set<String> listed = new TreeSet<>();
        byList.json().path("data").forEach(e -> listed.add(e.path("id").asText()));
        assertEquals(status == 200, listed.contains(id));
    }

    @Test
    void hiddenAndMissingRecordsGetTheSame404() {
        JsonNode hidden = api.get("/v1/structures/emb-a-crfeni", Fixtures.TOKEN_B).json();
        JsonNode missing = api.get("/v1/structures/no-such-record", Fixtures.TOKEN_B).json();
        assertEquals(missing.path("errors").get(0).path("title"), hidden.path("errors").get(0).path("title"));
        assertEquals(missing.path("errors").get(0).path("detail").asText().replace("no-such-record", "X"),
                hidden.path("errors").get(0).path("detail").asText().replace("emb-a-crfeni", "X"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            anonymous,    3
            member,       7
            other-member, 7
            """)
    void countsAndPagesCoverVisibleRecordsOnly(String who, int visible) {
        JsonNode doc = api.get("/v1/structures?page_limit=2&response_fields=nsites", token(who)).json();
        assertEquals(visible, doc.path("meta").path("data_returned").asInt());
        assertEquals(visible, doc.path("meta").path("data_available").asInt());
        int pages = 0;
        Set<String> seen = new TreeSet<>();
        String url = "/v1/structures?page_limit=2&response_fields=nsites";
        while (url != null) {
            JsonNode page = api.get(url, token(who)).json();
            page.path("data").forEach(e -> seen.add(e.path("id").asText()));
            url = page.path("links").path("next").isNull() ? null
                    : page.path("links").path("next").asText().replace("http://optimade.test", "");
            pages++;
        }
        assertEquals((visible + 1) / 2, pages);
        assertEquals(visible, seen.size());
        JsonNode emb = api.get("/v1/structures?filter=" + URLEncoder.encode("_matscreen_visibility=\"embargoed\"",
                StandardCharsets.UTF_8), token(who)).json();
        assertEquals(who.equals("anonymous") ? 0 : 2, emb.path("meta").path("data_returned").asInt());
    }

    @Test
    void referencesOfHiddenPotentialsAreHidden() {
        String tial = "potential-" + "c0de".repeat(4);
        assertEquals(404, api.get("/v1/references/" + tial).status());
        assertEquals(404, api.get("/v1/references/" + tial, Fixtures.TOKEN_A).status());
        assertEquals(200, api.get("/v1/references/" + tial, Fixtures.TOKEN_B).status());
        assertEquals(200, api.get("/v1/references/potential-" + "9f".repeat(8)).status());
    }

    @Test
    void twoMembersOfOneGroupSeeTheSame() {
        assertEquals(api.get("/v1/structures?page_limit=50&response_fields=", Fixtures.TOKEN_A).json().path("data"),
                api.get("/v1/structures?page_limit=50&response_fields=", Fixtures.TOKEN_A2).json().path("data"));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            Basic YWxpY2U6c2VjcmV0
            Bearer
            Token abc
            """)
    void malformedAuthorizationIs401NotAnonymous(String header) {
        InProcess.Answer a = api.send("GET", "/v1/structures", "Authorization: " + header + "\r\n");
        assertEquals(401, a.status(), a.body());
        assertEquals("401", a.json().path("errors").get(0).path("status").asText());
    }

    @Test
    void campaignOverrideChangesWhatAnonymousSees(@TempDir Path other) {
        ServerConfig config = ConfigLoader.parse("""
                campaigns:
                  cuni: {visibility: consortium}
                """, "test");
        try (InProcess p = new InProcess(config, Fixtures.index(Fixtures.repository(other, Fixtures.standard()),
                config))) {
            JsonNode doc = p.get("/v1/structures?response_fields=_matscreen_visibility").json();
            assertEquals(1, doc.path("meta").path("data_returned").asInt(), "only pub-cocrfeni stays public");
            assertEquals("pub-cocrfeni", doc.path("data").get(0).path("id").asText());
        }
    }
}
