package org.matscreen.optimade.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.core.error.MatscreenException;

/**
 * {@code pull} against servers that misbehave on purpose (issue 17, items 5–8): a redirect to another host must not
 * get the token, a looping or endless {@code links.next} must end, a dripping or huge body must be bounded, and a
 * {@code file:} link must be refused in one clear sentence.
 */
class HostileServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration GUARD = Duration.ofSeconds(60);

    @TempDir
    Path out;

    /** A loopback server whose answers come from {@code handler}; closes with the test. */
    static final class Loopback implements AutoCloseable {
        final Server server = new Server();
        final ServerConnector connector = new ServerConnector(server);
        final List<String> authorizations = new CopyOnWriteArrayList<>();

        Loopback(BiFunction<Request, Response, Boolean> handler) throws Exception {
            connector.setHost("127.0.0.1");
            server.addConnector(connector);
            server.setHandler(new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) throws Exception {
                    String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
                    if (auth != null) {
                        authorizations.add(auth);
                    }
                    if (handler.apply(request, response)) {
                        callback.succeeded();
                    }
                    return true;
                }
            });
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + connector.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            server.stop();
        }
    }

    static boolean json(Response response, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/vnd.api+json");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), Callback.NOOP);
        return true;
    }

    static String emptyPage() {
        return "{\"data\": [], \"links\": {\"next\": null}, \"meta\": {\"data_returned\": 0}}";
    }

    /** Item 5: a redirect to another origin never carries the bearer token. */
    @Test
    void aRedirectToAnotherHostNeverGetsTheToken() throws Exception {
        try (Loopback thief = new Loopback((req, res) -> json(res, 200, emptyPage()));
                Loopback origin = new Loopback((req, res) -> {
                    res.setStatus(302);
                    res.getHeaders().put(HttpHeader.LOCATION, thief.base() + req.getHttpURI().getPathQuery());
                    res.write(true, ByteBuffer.allocate(0), Callback.NOOP);
                    return true;
                })) {
            OptimadeClient c = new OptimadeClient(URI.create(origin.base()), "msk_secret", 1, Duration.ofSeconds(5),
                    l -> { });
            MatscreenException e = assertThrows(MatscreenException.class,
                    () -> c.get(URI.create(origin.base() + "/v1/structures")));
            assertTrue(e.getMessage().contains("redirect") && e.getMessage().contains("token"), e.getMessage());
            assertEquals(List.of(), thief.authorizations, "the other host received the token");
            assertEquals(List.of("Bearer msk_secret"), origin.authorizations);
        }
    }

    /** Item 5: without a token a redirect is followed, within the same limits. */
    @Test
    void anonymousRequestsFollowRedirects() throws Exception {
        try (Loopback target = new Loopback((req, res) -> json(res, 200, emptyPage()));
                Loopback origin = new Loopback((req, res) -> {
                    res.setStatus(307);
                    res.getHeaders().put(HttpHeader.LOCATION, target.base() + req.getHttpURI().getPathQuery());
                    res.write(true, ByteBuffer.allocate(0), Callback.NOOP);
                    return true;
                })) {
            OptimadeClient c = new OptimadeClient(URI.create(origin.base()), null, 1, Duration.ofSeconds(5), l -> { });
            assertTrue(c.get(URI.create(origin.base() + "/v1/structures")).path("data").isArray());
        }
    }

    /** Item 7: a body that drips a byte at a time is abandoned at the time bound, not waited on for ever. */
    @Test
    void aDrippingBodyIsBoundedInTime() throws Exception {
        try (Loopback drip = new Loopback((req, res) -> {
            res.setStatus(200);
            res.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/vnd.api+json");
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; i < 10_000; i++) {
                        var cb = new org.eclipse.jetty.util.FutureCallback();
                        res.write(false, ByteBuffer.wrap(new byte[] {' '}), cb);
                        cb.get();
                        Thread.sleep(200);
                    }
                } catch (Exception e) {
                    // the client went away: what the test wants
                }
            });
            t.setDaemon(true);
            t.start();
            return false;
        })) {
            OptimadeClient c = new OptimadeClient(URI.create(drip.base()), null, 1, Duration.ofSeconds(2), l -> { });
            MatscreenException e = assertTimeoutPreemptively(GUARD, () -> assertThrows(MatscreenException.class,
                    () -> c.get(URI.create(drip.base() + "/v1/structures"))));
            assertTrue(e.getMessage().contains("2 s"), e.getMessage());
        }
    }

    /** Item 7: a body larger than the limit is refused while it streams in, never held whole. */
    @Test
    void aHugeBodyIsRefusedAtTheByteLimit() throws Exception {
        long size = OptimadeClient.DEFAULT_MAX_RESPONSE_BYTES + (1 << 20);
        try (Loopback huge = new Loopback((req, res) -> {
            res.setStatus(200);
            res.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/vnd.api+json");
            Thread t = new Thread(() -> {
                try {
                    byte[] pad = new byte[1 << 16];
                    java.util.Arrays.fill(pad, (byte) 'x');
                    var cb = new org.eclipse.jetty.util.FutureCallback();
                    res.write(false, ByteBuffer.wrap("{\"data\": [], \"pad\": \"".getBytes(StandardCharsets.UTF_8)),
                            cb);
                    cb.get();
                    for (long sent = 0; sent < size; sent += pad.length) {
                        var c2 = new org.eclipse.jetty.util.FutureCallback();
                        res.write(false, ByteBuffer.wrap(pad), c2);
                        c2.get();
                    }
                    var end = new org.eclipse.jetty.util.FutureCallback();
                    res.write(true, ByteBuffer.wrap("\"}".getBytes(StandardCharsets.UTF_8)), end);
                    end.get();
                } catch (Exception e) {
                    // the client stopped reading: what the test wants
                }
            });
            t.setDaemon(true);
            t.start();
            return false;
        })) {
            OptimadeClient c = new OptimadeClient(URI.create(huge.base()), null, 1, Duration.ofSeconds(30), l -> { });
            MatscreenException e = assertTimeoutPreemptively(GUARD, () -> assertThrows(MatscreenException.class,
                    () -> c.get(URI.create(huge.base() + "/v1/structures"))));
            assertTrue(e.getMessage().contains("larger than"), e.getMessage());
        }
    }

    /** Pages served from memory: {@code next} of page n is {@code nextOf.apply(n)}; every page has the same entry. */
    static Fetcher pages(java.util.function.IntFunction<String> nextOf) {
        return pages(nextOf, false);
    }

    /** @param distinct each page its own entry (db-n) instead of the same one */
    static Fetcher pages(java.util.function.IntFunction<String> nextOf, boolean distinct) {
        return new Fetcher() {
            @Override
            public JsonNode get(URI uri) {
                if (uri.getPath().endsWith("/info/structures")) {
                    return JSON.createObjectNode();
                }
                String q = uri.getQuery() == null ? "" : uri.getQuery();
                int n = q.startsWith("n=") ? Integer.parseInt(q.substring(2)) : 0;
                String next = nextOf.apply(n);
                try {
                    return JSON.readTree("""
                            {"data": [{"id": "db-%d", "type": "structures", "attributes": {"elements": ["Na"]}}],
                             "links": {"next": %s}}""".formatted(distinct ? n : 1, next == null ? "null"
                            : "\"" + next + "\""));
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public Optional<String> text(URI uri) {
                return Optional.empty();
            }
        };
    }

    PullJob.Summary pull(Fetcher f) {
        return new PullJob(new PullJob.Options("http://db.example/v1", "", out.toString(), 10, false), f, l -> { })
                .run();
    }

    /** Item 6: A → B → A ends, with what was received kept. */
    @Test
    void aLinksNextCycleEnds() {
        Fetcher cycle = pages(n -> "http://db.example/v1/structures?n=" + (n == 1 ? 2 : 1), true);
        PullJob.Summary s = assertTimeoutPreemptively(GUARD, () -> pull(cycle));
        assertTrue(s.stopReason().contains("already fetched"), s.stopReason());
        assertTrue(s.state().pages() <= 3, "pages " + s.state().pages());
    }

    /** Item 6: a links.next that changes on every page but serves nothing new ends at the first such page. */
    @Test
    void anEverChangingNextThatAddsNothingEnds() {
        Fetcher endless = pages(n -> "http://db.example/v1/structures?n=" + (n + 1));
        PullJob.Summary s = assertTimeoutPreemptively(GUARD, () -> pull(endless));
        assertTrue(s.stopReason().contains("nothing new"), s.stopReason());
        assertTrue(s.state().pages() <= 3, "pages " + s.state().pages());
    }

    /** Item 6: pages and records are capped; the state keeps the next page so a rerun with a higher cap goes on. */
    @Test
    void pagesAreCapped() {
        // every page a new entry id, so only the cap stops it
        Fetcher f = new Fetcher() {
            @Override
            public JsonNode get(URI uri) {
                if (uri.getPath().endsWith("/info/structures")) {
                    return JSON.createObjectNode();
                }
                String q = uri.getQuery() == null ? "" : uri.getQuery();
                int n = q.startsWith("n=") ? Integer.parseInt(q.substring(2)) : 0;
                try {
                    return JSON.readTree("""
                            {"data": [{"id": "db-%d", "type": "structures", "attributes": {}}],
                             "links": {"next": "http://db.example/v1/structures?n=%d"}}""".formatted(n, n + 1));
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public Optional<String> text(URI uri) {
                return Optional.empty();
            }
        };
        PullJob.Summary s = assertTimeoutPreemptively(GUARD, () -> new PullJob(new PullJob.Options(
                "http://db.example/v1", "", out.toString(), 10, false, 5, 1_000_000), f, l -> { }).run());
        assertEquals(5, s.state().pages());
        assertFalse(s.state().complete());
        assertTrue(s.stopReason().contains("--max-pages"), s.stopReason());
        assertTrue(s.state().nextUrl().endsWith("n=5"), s.state().nextUrl());
    }

    /** Item 8: a links.next that is not an http(s) URL is refused in one sentence, not an internal error. */
    @Test
    void aFileOrJarNextLinkIsRefused() {
        for (String link : List.of("file:///etc/passwd", "jar:file:/x.jar!/y", "ftp://db.example/x")) {
            MatscreenException e = assertThrows(MatscreenException.class, () -> pull(pages(n -> link)));
            assertTrue(e.getMessage().contains("links.next") && e.getMessage().contains("http"), e.getMessage());
        }
    }
}
