package org.matscreen.optimade.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.core.result.CandidateResult;
import org.matscreen.optimade.Fixtures;
import org.matscreen.optimade.config.ServerConfig;
import org.matscreen.optimade.http.OptimadeServer;
import org.matscreen.repository.RecordCodec;
import org.matscreen.repository.RepositoryLayout;
import org.matscreen.repository.ResultReader;

/** {@code pull} against a real server on a loopback port: fidelity, access, resumption, provenance, other servers. */
@Tag("integration")
class PullIntegrationTest {
    @TempDir
    static Path served;
    static OptimadeServer server;
    static String base;
    static List<CandidateResult> records;

    @BeforeAll
    static void start() {
        ServerConfig config = Fixtures.config();
        records = Fixtures.standard();
        server = new OptimadeServer(config, Fixtures.index(Fixtures.repository(served, records), config),
                Clock.fixed(Fixtures.NOW, ZoneOffset.UTC), "127.0.0.1", 0, System.err::println).start();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static PullJob.Summary pull(String filter, String token, Path out, Fetcher fetcher) {
        Fetcher f = fetcher != null ? fetcher : client(token);
        return new PullJob(new PullJob.Options(base, filter, out.toString(), 2, false), f, line -> { }).run();
    }

    static OptimadeClient client(String token) {
        return new OptimadeClient(URI.create(base), token, 2, Duration.ofSeconds(10), line -> { });
    }

    static Map<String, String> encoded(List<CandidateResult> rs) {
        RecordCodec codec = new RecordCodec();
        Map<String, String> out = new TreeMap<>();
        for (CandidateResult r : rs) {
            out.put(r.id(), codec.encode(r).toString());
        }
        return out;
    }

    @Test
    void aMemberPullsExactlyTheRecordsItSeesBitForBit(@TempDir Path out) {
        PullJob.Summary s = pull("", Fixtures.TOKEN_A, out, null);
        assertTrue(s.state().complete());
        assertEquals(4, s.state().pages(), "7 records, 2 per page");
        assertEquals(7, s.importedThisRun());
        Map<String, String> pulled = encoded(new ResultReader(new RepositoryLayout(out.toString(),
                new org.apache.hadoop.conf.Configuration())).readAll());
        Map<String, String> expected = encoded(records);
        expected.keySet().retainAll(pulled.keySet());
        for (Map.Entry<String, String> e : pulled.entrySet()) {
            String origin = "origin: pulled:" + base + "/v1/structures/" + e.getKey();
            assertTrue(e.getValue().contains(origin + "\n"), e.getValue());
            e.setValue(e.getValue().replace(origin, "origin: computed"));
        }
        assertEquals(List.of("cons-alcocrfeni", "cons-monbtaw", "emb-a-crfeni", "exp-a-conimn", "pub-cocrfeni",
                "pub-cu", "pub-cuni"), new ArrayList<>(pulled.keySet()));
        assertEquals(expected, pulled, "every column of every record survives serve -> pull, but the origin");
    }

    @Test
    void anonymousPullsPublicRecordsAndAFilterSelects(@TempDir Path out) {
        PullJob.Summary s = pull("elements HAS \"Ni\"", null, out, null);
        assertEquals(2, s.state().imported(), "public records with Ni: pub-cuni, pub-cocrfeni");
    }

    @Test
    void resumesAfterAnInterruptionWithoutDuplicates(@TempDir Path out) throws Exception {
        OptimadeClient real = client(Fixtures.TOKEN_A);
        AtomicInteger pages = new AtomicInteger();
        Fetcher failing = new Fetcher() {
            @Override
            public JsonNode get(URI uri) {
                if (uri.getPath().equals("/v1/structures") && pages.incrementAndGet() == 3) {
                    throw new MatscreenException("connection reset (simulated)");
                }
                return real.get(uri);
            }

            @Override
            public Optional<String> text(URI uri) {
                return real.text(uri);
            }
        };
        assertThrows(MatscreenException.class, () -> pull("", Fixtures.TOKEN_A, out, failing));
        JsonNode state = new ObjectMapper().readTree(out.resolve("pull/state.json").toFile());
        assertEquals(2, state.path("pages").asInt());
        assertFalse(state.path("complete").asBoolean());
        assertTrue(state.path("nextUrl").asText().contains("page_offset=4"), state.toString());
        PullJob.Summary resumed = pull("", Fixtures.TOKEN_A, out, null);
        assertTrue(resumed.state().complete());
        assertEquals(3, resumed.importedThisRun());
        assertEquals(7, resumed.state().imported());
        List<CandidateResult> all = new ResultReader(new RepositoryLayout(out.toString(),
                new org.apache.hadoop.conf.Configuration())).readAll();
        assertEquals(7, all.size());
        assertEquals(7, all.stream().map(CandidateResult::id).distinct().count());
        PullJob.Summary again = pull("", Fixtures.TOKEN_A, out, null);
        assertEquals(0, again.importedThisRun(), "a finished pull run again adds nothing it has");
        assertEquals(7, again.state().alreadyPresent());
    }

    @Test
    void recordsWhereEachRecordCameFrom(@TempDir Path out) throws Exception {
        pull("", null, out, null);
        List<JsonNode> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(out.resolve("pull/sources"))) {
            for (Path f : files.sorted().toList()) {
                for (String l : Files.readAllLines(f)) {
                    lines.add(new ObjectMapper().readTree(l));
                }
            }
        }
        assertEquals(3, lines.size());
        JsonNode first = lines.get(0);
        assertEquals(first.path("id").asText(), first.path("source_id").asText());
        assertEquals(base + "/v1/structures/" + first.path("id").asText(), first.path("source_url").asText());
        assertTrue(first.path("page_url").asText().startsWith(base + "/v1/structures?page_limit=2"));
        assertTrue(first.path("imported").asBoolean());
        assertTrue(first.path("retrieved_at").asText().endsWith("Z"));
    }

    @Test
    void aWrongTokenOrABadFilterIsTheUsersToFix(@TempDir Path out) {
        InvalidInputException wrong = assertThrows(InvalidInputException.class,
                () -> pull("", "msk_wrong", out, null));
        assertTrue(wrong.getMessage().contains("401"), wrong.getMessage());
        InvalidInputException bad = assertThrows(InvalidInputException.class,
                () -> pull("nelements >", null, out.resolve("other"), null));
        assertTrue(bad.getMessage().contains("400") && bad.getMessage().contains("syntax error"), bad.getMessage());
    }

    @Test
    void anotherRepositoryPullIsRefusedUnlessRestarted(@TempDir Path out) {
        pull("nelements = 1", null, out, null);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> pull("nelements = 2", null, out,
                null));
        assertTrue(e.getMessage().contains("--restart"), e.getMessage());
    }

    /** A minimal OPTIMADE server of another database: two pages of plain structures, no provider properties. */
    @Test
    void entriesOfOtherDatabasesAreKeptVerbatimNotInvented(@TempDir Path out) throws Exception {
        Server other = new Server();
        ServerConnector c = new ServerConnector(other);
        c.setHost("127.0.0.1");
        other.addConnector(c);
        other.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = request.getHttpURI().getPath();
                String query = request.getHttpURI().getQuery();
                String self = "http://127.0.0.1:" + c.getLocalPort();
                String body;
                if (path.equals("/versions")) {
                    body = "version\n1\n";
                } else if (path.equals("/v1/structures")) {
                    boolean second = query != null && query.contains("page_offset=1");
                    body = """
                            {"data": [{"id": "%s", "type": "structures", "attributes": {"elements": ["Na", "Cl"],
                              "nelements": 2, "chemical_formula_reduced": "ClNa", "nsites": 2,
                              "lattice_vectors": [[5.6,0,0],[0,5.6,0],[0,0,5.6]],
                              "cartesian_site_positions": [[0,0,0],[2.8,2.8,2.8]], "species_at_sites": ["Na","Cl"],
                              "last_modified": "2020-01-01T00:00:00Z"}}],
                             "links": {"next": %s}, "meta": {"data_returned": 2}}
                            """.formatted(second ? "db/2" : "db/1", second ? "null"
                            : "{\"href\": \"" + self + "/v1/structures?page_offset=1\"}");
                } else {
                    response.setStatus(404);
                    body = "{\"errors\": [{\"status\": \"404\", \"detail\": \"not here\"}]}";
                }
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/vnd.api+json");
                response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        other.start();
        try {
            String otherBase = "http://127.0.0.1:" + c.getLocalPort();
            PullJob.Summary s = new PullJob(new PullJob.Options(otherBase, "", out.toString(), 1, false),
                    new OptimadeClient(URI.create(otherBase), null, 1, Duration.ofSeconds(5), l -> { }), l -> { })
                    .run();
            assertTrue(s.state().complete());
            assertEquals(2, s.state().received());
            assertEquals(0, s.state().imported());
            assertEquals(2, s.state().notRepresentable());
            List<String> kept = Files.readAllLines(out.resolve("pull/foreign/page-000002.jsonl"));
            JsonNode raw = new ObjectMapper().readTree(kept.get(0));
            assertEquals("db/2", raw.path("entry").path("id").asText());
            assertTrue(raw.path("reason").asText().contains("not a matscreen record"), raw.toString());
            JsonNode source = new ObjectMapper().readTree(Files.readAllLines(out.resolve(
                    "pull/sources/page-000001.jsonl")).get(0));
            assertNull(source.path("id").textValue());
            assertEquals(otherBase + "/v1/structures/db%2F1", source.path("source_url").asText());
        } finally {
            other.stop();
        }
    }

    @Test
    void theTokenIsNotSentToAnotherOrigin() {
        OptimadeClient c = new OptimadeClient(URI.create(base), "msk_secret", 1, Duration.ofSeconds(2), l -> { });
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> c.get(URI.create("http://127.0.0.2:" + server.port() + "/v1/info")));
        assertTrue(e.getMessage().contains("refusing to send the token"), e.getMessage());
    }

    /** Issue 17, item 8: ids that are not safe names ('', '..', 'a/b') are not imported; they crashed export. */
    @Test
    void unsafeEntryIdsAreRefusedAtTheDoor(@TempDir Path out) throws Exception {
        OptimadeClient real = client(Fixtures.TOKEN_A);
        List<String> hostile = List.of("", "..", "a/b", ".hidden", "x".repeat(300));
        AtomicInteger next = new AtomicInteger();
        Fetcher renaming = new Fetcher() {
            @Override
            public JsonNode get(URI uri) {
                JsonNode doc = real.get(uri);
                if (uri.getPath().equals("/v1/structures")) {
                    for (JsonNode e : doc.path("data")) {
                        int i = next.getAndIncrement();
                        if (i < hostile.size()) {
                            ((com.fasterxml.jackson.databind.node.ObjectNode) e).put("id", hostile.get(i));
                        }
                    }
                }
                return doc;
            }

            @Override
            public Optional<String> text(URI uri) {
                return real.text(uri);
            }
        };
        PullJob.Summary s = pull("", Fixtures.TOKEN_A, out, renaming);
        assertEquals(7, s.state().received());
        assertEquals(2, s.state().imported(), "only the entries with safe ids");
        assertEquals(5, s.state().notRepresentable());
        List<CandidateResult> all = new ResultReader(new RepositoryLayout(out.toString(),
                new org.apache.hadoop.conf.Configuration())).readAll();
        assertTrue(all.stream().allMatch(r -> r.id().matches("[A-Za-z0-9][A-Za-z0-9._-]*")), all.toString());
        String foreign;
        try (Stream<Path> files = Files.list(out.resolve("pull/foreign"))) {
            foreign = String.join("\n", files.sorted().map(f -> {
                try {
                    return Files.readString(f);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList());
        }
        assertTrue(foreign.contains("not a safe id"), foreign);
    }
}
