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
 * A small OPTIMADE client on the JDK's HTTP client. It sends the bearer token only to the origin (scheme, host,
 * port) of the base URL it was made for, so a {@code links.next} pointing elsewhere cannot collect the token. Network
 * errors, 429 and 5xx answers are retried with exponential back-off (honouring {@code Retry-After}); 4xx answers are
 * the user's to fix and are reported at once with the server's error detail.
 */
public final class OptimadeClient implements Fetcher {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI origin;
    private final String token;
    private final int attempts;
    private final Duration timeout;
    private final Consumer<String> log;

    /**
     * @param origin the server's base URL; only requests to its origin carry the token
     * @param token bearer token, or null for anonymous access
     * @param attempts tries per request (at least 1)
     */
    public OptimadeClient(URI origin, String token, int attempts, Duration timeout, Consumer<String> log) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.origin = origin;
        this.token = token;
        this.attempts = Math.max(1, attempts);
        this.timeout = timeout;
        this.log = log;
    }

    @Override
    public JsonNode get(URI uri) {
        HttpResponse<String> r = send(uri, "application/vnd.api+json");
        if (r.statusCode() != 200) {
            throw refused(uri, r);
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new MatscreenException(uri + " did not answer with JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> text(URI uri) {
        HttpResponse<String> r = send(uri, "*/*");
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        if (r.statusCode() != 200) {
            throw refused(uri, r);
        }
        return Optional.of(r.body());
    }

    private HttpResponse<String> send(URI uri, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept).GET();
        if (token != null && sameOrigin(uri)) {
            b.header("Authorization", "Bearer " + token);
        } else if (token != null) {
            throw new InvalidInputException("pull", "links.next", uri + " is not on " + origin.getScheme() + "://"
                    + origin.getAuthority() + "; refusing to send the token to another server");
        }
        HttpRequest request = b.build();
        for (int attempt = 1; ; attempt++) {
            long waitMs = 1000L << Math.min(attempt - 1, 5);
            String problem;
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 429 && r.statusCode() < 500) {
                    return r;
                }
                problem = "HTTP " + r.statusCode();
                waitMs = r.headers().firstValue("Retry-After").map(OptimadeClient::seconds).orElse(waitMs);
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MatscreenException("interrupted while fetching " + uri, e);
            }
            if (attempt >= attempts) {
                throw new MatscreenException("cannot fetch " + uri + " (" + problem + ") after " + attempts
                        + " attempts; rerun the same command to resume where it stopped");
            }
            log.accept("fetching " + uri + " failed (" + problem + "); retrying in " + waitMs / 1000.0 + " s");
            try {
                Thread.sleep(waitMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MatscreenException("interrupted while waiting to retry " + uri, e);
            }
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

    private static InvalidInputException refused(URI uri, HttpResponse<String> r) {
        String detail = "";
        try {
            JsonNode errors = JSON.readTree(r.body()).path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                detail = ": " + errors.get(0).path("detail").asText();
            }
        } catch (IOException e) {
            // not a JSON:API error document: the status says enough
        }
        String what = switch (r.statusCode()) {
            case 401 -> "the server refused the token (401)";
            case 403 -> "the server forbids this request (403)";
            case 404 -> "the server has no such endpoint or entry (404)";
            default -> "the server rejected the request (" + r.statusCode() + ")";
        };
        return new InvalidInputException(uri.toString(), "", what + detail);
    }
}
