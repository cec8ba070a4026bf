package org.matscreen.optimade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.optimade.Fixtures;
import org.matscreen.optimade.config.ConfigLoader;
import org.matscreen.optimade.config.ServerConfig;

/** Limits, error documents without internals, CORS off unless configured, caching headers. */
class HardeningTest {
    @TempDir
    Path dir;

    InProcess start(ServerConfig config) {
        return new InProcess(config, Fixtures.index(Fixtures.repository(dir, Fixtures.standard()), config));
    }

    static void assertNoInternals(String body) {
        for (String leak : List.of("Exception", "\tat ", "org.eclipse", "org.matscreen", "java.")) {
            assertFalse(body.contains(leak), "response leaks '" + leak + "': " + body);
        }
    }

    @Test
    void onlyGet() {
        try (InProcess api = start(Fixtures.config())) {
            InProcess.Answer a = api.send("POST", "/v1/structures", "Content-Length: 0\r\n");
            assertEquals(405, a.status());
            assertEquals("GET", a.header("Allow"));
            assertNoInternals(a.body());
        }
    }

    @Test
    void oversizedHeadersAndBodiesAreRefused() {
        try (InProcess api = start(Fixtures.config())) {
            InProcess.Answer big = api.send("GET", "/v1/info", "X-Padding: " + "x".repeat(10_000) + "\r\n");
            assertEquals(431, big.status());
            assertNoInternals(big.body());
            assertEquals("431", big.json().path("errors").get(0).path("status").asText(), big.body());
            InProcess.Answer longUrl = api.get("/v1/structures?filter=" + "nsites%3D1+OR+".repeat(1000)
                    + "nsites%3D2");
            assertEquals(414, longUrl.status(), "the request line is limited too");
            assertNoInternals(longUrl.body());
            assertEquals("414", longUrl.json().path("errors").get(0).path("status").asText(), longUrl.body());
            InProcess.Answer body = api.send("GET", "/v1/info", "Content-Length: 5000\r\n\r\n" + "y".repeat(5000));
            assertEquals(413, body.status());
            assertNoInternals(body.body());
            assertEquals("413", body.json().path("errors").get(0).path("status").asText(), body.body());
        }
    }

    @Test
    void internalErrorsGiveAnIncidentIdNotAStackTrace() throws Exception {
        try (InProcess api = start(Fixtures.config())) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
                    Files.delete(p); // the per-site data of every record is gone after indexing
                }
            }
            InProcess.Answer a = api.get("/v1/structures/pub-cu");
            assertEquals(500, a.status());
            String detail = a.json().path("errors").get(0).path("detail").asText();
            assertTrue(detail.matches("internal error; incident [0-9a-f]{8} is in the server log"), detail);
            assertNoInternals(a.body());
            assertEquals(1, api.log.size());
            assertTrue(api.log.get(0).contains(detail.substring(24, 32)) && api.log.get(0).contains("Exception"),
                    "the server log has the incident and its trace");
            assertEquals(200, api.get("/v1/structures/pub-cu?response_fields=nsites").status(),
                    "index-only fields still answer");
        }
    }

    @Test
    void malformedRequestsAre400NotInternalErrors() {
        try (InProcess api = start(Fixtures.config())) {
            for (String bad : List.of("/v1/structures?filter=%ZZ", "/v1/structures?page_limit=%", "/v1/structures/%E0%A4%A")) {
                InProcess.Answer a = api.get(bad);
                assertEquals(400, a.status(), bad + ": " + a.body());
                assertNoInternals(a.body());
            }
            assertTrue(api.log.isEmpty(), api.log.toString());
        }
    }

    @Test
    void corsIsOffByDefault() {
        try (InProcess api = start(Fixtures.config())) {
            InProcess.Answer a = api.send("GET", "/v1/info", "Origin: https://evil.example\r\n");
            assertEquals(200, a.status());
            assertNull(a.header("Access-Control-Allow-Origin"));
        }
    }

    @Test
    void corsForConfiguredOriginsOnly() {
        ServerConfig config = ConfigLoader.parse("cors: {allowed_origins: [\"https://app.example\"]}", "test");
        try (InProcess api = start(config)) {
            InProcess.Answer ok = api.send("GET", "/v1/info", "Origin: https://app.example\r\n");
            assertEquals("https://app.example", ok.header("Access-Control-Allow-Origin"));
            InProcess.Answer other = api.send("GET", "/v1/info", "Origin: https://evil.example\r\n");
            assertNull(other.header("Access-Control-Allow-Origin"));
        }
    }

    @Test
    void responsesAreNotCachedAndCarryNoServerVersion() {
        try (InProcess api = start(Fixtures.config())) {
            InProcess.Answer a = api.get("/v1/structures", Fixtures.TOKEN_A);
            assertEquals("no-store", a.header("Cache-Control"));
            assertEquals("Authorization", a.header("Vary"));
            assertEquals("nosniff", a.header("X-Content-Type-Options"));
            assertNull(a.header("Server"));
        }
    }

    @Test
    void publicUrlFromTheConfigurationIsUsedInLinks() {
        ServerConfig config = ConfigLoader.parse("public_url: https://optimade.example.org/hea/\n"
                + "limits: {default_page_limit: 1}", "test");
        try (InProcess api = start(config)) {
            String next = api.get("/v1/structures").json().path("links").path("next").asText();
            assertTrue(next.startsWith("https://optimade.example.org/hea/v1/structures?"), next);
        }
    }

    /** Issue 17, item 15: invalid UTF-8 in a query ({@code %c0%ae}, an overlong '.') answered 500. */
    @Test
    void invalidUtf8InTheQueryOrPathIsA400() {
        try (InProcess api = start(Fixtures.config())) {
            for (String target : List.of("/v1/structures?filter=id%3D%22%c0%ae%22", "/v1/structures?%c0%ae=1",
                    "/v1/structures?filter=%ff", "/v1/structures/%c0%ae", "/v1/info?x=%c0%ae")) {
                InProcess.Answer a = api.get(target);
                assertEquals(400, a.status(), target + ": " + a.body());
                assertNoInternals(a.body());
                assertEquals("400", a.json().path("errors").get(0).path("status").asText(), a.body());
            }
            assertTrue(api.log.isEmpty(), "nothing for the incident log: " + api.log);
        }
    }
}
