package org.matscreen.optimade.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.matscreen.core.error.InvalidInputException;
import org.matscreen.core.error.MatscreenException;

/**
 * A small OPTIMADE client on the JDK's HTTP client, for answers from servers that may misbehave:
 * <ul>
 *   <li>The bearer token goes only to the origin (scheme, host, port) of the base URL it was made for. Redirects are
 *       followed by this class, not the JDK (which would repeat the {@code Authorization} header to any host): to the
 *       same origin with the token, elsewhere only without one; a redirect elsewhere while holding a token is
 *       refused.</li>
 *   <li>Only {@code http} and {@code https} URLs are fetched.</li>
 *   <li>Every answer must arrive whole within the timeout (the JDK's request timeout covers the headers only, so a
 *       body dripping a byte at a time would be waited on for ever) and be at most {@code maxBytes} long; the body is
 *       read into a buffer that stops at the limit.</li>
 *   <li>Network errors, timeouts, 429 and 5xx answers are retried with exponential back-off (honouring
 *       {@code Retry-After}); 4xx answers are the user's to fix and are reported at once with the server's
 *       detail.</li>
 * </ul>
 */
public final class OptimadeClient implements Fetcher {
    /** Largest answer accepted by default, bytes: a page of a few hundred entries is a few MB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L << 20;
    private static final int MAX_REDIRECTS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI origin;
    private final String token;
    private final int attempts;
    private final Duration timeout;
    private final long maxBytes;
    private final Consumer<String> log;

    /**
     * @param origin the server's base URL; only requests to its origin carry the token
     * @param token bearer token, or null for anonymous access
     * @param attempts tries per request (at least 1)
     * @param timeout time for one whole answer, headers and body
     */
    public OptimadeClient(URI origin, String token, int attempts, Duration timeout, Consumer<String> log) {
        this(origin, token, attempts, timeout, DEFAULT_MAX_RESPONSE_BYTES, log);
    }

    /** @param maxBytes largest answer accepted, bytes */
    public OptimadeClient(URI origin, String token, int attempts, Duration timeout, long maxBytes,
            Consumer<String> log) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.origin = origin;
        this.token = token;
        this.attempts = Math.max(1, attempts);
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.log = log;
    }

    /** An answer: its status, headers and the whole (bounded) body. */
    private record Answer(int status, java.net.http.HttpHeaders headers, byte[] body) {
        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Override
    public JsonNode get(URI uri) {
        Answer r = send(uri, "application/vnd.api+json");
        if (r.status() != 200) {
            throw refused(uri, r);
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new MatscreenException(uri + " did not answer with JSON: " + firstLine(e.getMessage()), e);
        }
    }

    @Override
    public Optional<String> text(URI uri) {
        Answer r = send(uri, "*/*");
        if (r.status() == 404) {
            return Optional.empty();
        }
        if (r.status() != 200) {
            throw refused(uri, r);
        }
        return Optional.of(r.text());
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.strip().lines().findFirst().orElse("");
    }

    private Answer send(URI first, String accept) {
        if (token != null && !sameOrigin(first)) {
            throw new InvalidInputException("pull", "links.next", first + " is not on " + origin.getScheme() + "://"
                    + origin.getAuthority() + "; refusing to send the token to another server");
        }
        for (int attempt = 1; ; attempt++) {
            long waitMs = 1000L << Math.min(attempt - 1, 5);
            String problem;
            try {
                Answer r = follow(first, accept);
                if (r.status() != 429 && r.status() < 500) {
                    return r;
                }
                problem = "HTTP " + r.status();
                waitMs = r.headers().firstValue("Retry-After").map(OptimadeClient::seconds).orElse(waitMs);
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (java.util.concurrent.TimeoutException e) {
                problem = "no complete answer within " + timeout.toSeconds() + " s";
            }
            if (attempt >= attempts) {
                throw new MatscreenException("cannot fetch " + first + " (" + problem + ") after " + attempts
                        + " attempts; rerun the same command to resume where it stopped");
            }
            log.accept("fetching " + first + " failed (" + problem + "); retrying in " + waitMs / 1000.0 + " s");
            try {
                Thread.sleep(waitMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MatscreenException("interrupted while waiting to retry " + first, e);
            }
        }
    }

    /** One request and the redirects it leads to, each answer bounded in time and size. */
    private Answer follow(URI first, String accept) throws IOException, java.util.concurrent.TimeoutException {
        URI uri = first;
        for (int hop = 0; ; hop++) {
            requireHttp(uri);
            boolean withToken = token != null && sameOrigin(uri);
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept).GET();
            if (withToken) {
                b.header("Authorization", "Bearer " + token);
            }
            Answer r = exchange(b.build());
            if (r.status() < 300 || r.status() >= 400 || r.status() == 304) {
                return r;
            }
            Optional<String> location = r.headers().firstValue("Location");
            if (location.isEmpty()) {
                return r;
            }
            if (hop >= MAX_REDIRECTS) {
                throw new MatscreenException(first + " redirects more than " + MAX_REDIRECTS + " times; stopping");
            }
            URI next;
            try {
                next = uri.resolve(location.get().strip());
            } catch (IllegalArgumentException e) {
                throw new MatscreenException(uri + " redirects to '" + location.get() + "', which is not a URL");
            }
            if (token != null && !sameOrigin(next)) {
                throw new InvalidInputException(uri.toString(), "", "the server redirects to " + next
                        + ", another origin; refusing to follow that redirect, which would need the token, and the"
                        + " token is never sent to any origin but " + origin.getScheme() + "://"
                        + origin.getAuthority());
            }
            uri = next;
        }
    }

    private static void requireHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new MatscreenException("refusing to fetch " + uri + ": only http and https URLs are fetched");
        }
    }

    private Answer exchange(HttpRequest request) throws IOException, java.util.concurrent.TimeoutException {
        java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> f = http.sendAsync(request,
                info -> new BoundedBody(maxBytes));
        try {
            HttpResponse<byte[]> r = f.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return new Answer(r.statusCode(), r.headers(), r.body());
        } catch (java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new MatscreenException("interrupted while fetching " + request.uri(), e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof TooLarge) {
                throw new MatscreenException("the answer of " + request.uri() + " is larger than "
                        + (maxBytes >> 20) + " MiB; refusing it (an OPTIMADE page is far smaller: is this the right"
                        + " server, or should --page-limit be lower?)");
            }
            if (c instanceof IOException io) {
                throw io;
            }
            throw new IOException(c);
        }
    }

    /** The body refused at the byte limit. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Collects a body up to {@code max} bytes, cancelling the exchange beyond it. */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final java.util.concurrent.CompletableFuture<byte[]> body =
                new java.util.concurrent.CompletableFuture<>();
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private java.util.concurrent.Flow.Subscription subscription;

        BoundedBody(long max) {
            this.max = max;
        }

        @Override
        public java.util.concurrent.CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(java.util.List<java.nio.ByteBuffer> items) {
            if (body.isDone()) {
                return;
            }
            for (java.nio.ByteBuffer b : items) {
                if (bytes.size() + (long) b.remaining() > max) {
                    subscription.cancel();
                    body.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            body.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }

    private boolean sameOrigin(URI uri) {
        return uri.getScheme().equalsIgnoreCase(origin.getScheme()) && uri.getHost() != null
                && uri.getHost().equalsIgnoreCase(origin.getHost()) && port(uri) == port(origin);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.min(60, Long.parseLong(retryAfter.strip())) * 1000;
        } catch (NumberFormatException e) {
            return 5000; // an HTTP date: wait a little rather than parse it
        }
    }

    private static InvalidInputException refused(URI uri, Answer r) {
        String detail = "";
        try {
            JsonNode errors = JSON.readTree(r.body()).path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                detail = ": " + errors.get(0).path("detail").asText();
            }
        } catch (IOException e) {
            // not a JSON:API error document: the status says enough
        }
        String what = switch (r.status()) {
            case 401 -> "the server refused the token (401)";
            case 403 -> "the server forbids this request (403)";
            case 404 -> "the server has no such endpoint or entry (404)";
            default -> "the server rejected the request (" + r.status() + ")";
        };
        return new InvalidInputException(uri.toString(), "", what + detail);
    }
}
