package org.matscreen.optimade.http;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.URIUtil;
import org.matscreen.optimade.access.Authenticator;
import org.matscreen.optimade.access.Principal;
import org.matscreen.optimade.config.ServerConfig;
import org.matscreen.optimade.index.StructureIndex;
import org.matscreen.repository.filter.FilterException;

/**
 * Routes requests to the OPTIMADE endpoints and turns every failure into a JSON:API error document with the status
 * the spec prescribes, never a stack trace: 400/501 for filters and parameters, 401 for a bad token, 404 for an
 * unknown or hidden entry, 553 for an unsupported version, 500 with an incident id (the trace goes to the server log).
 *
 * <p>Paths: {@code /versions}; the API under {@code /v1} (also {@code /v1.3}, {@code /v1.3.0}); other {@code /vN...}
 * paths are 553; the unversioned {@code /info}, {@code /links}, {@code /structures...}, {@code /references...}
 * redirect (307) to {@code /v1}, one of the ways the spec allows to serve the unversioned base URL.
 */
final class OptimadeHandler extends Handler.Abstract {
    static final String MAJOR = "v1";
    private static final Pattern VERSIONED = Pattern.compile("/v(\\d+)(\\.\\d+)?(\\.\\d+)?(/.*)?");

    private final ServerConfig config;
    private final Authenticator authenticator;
    private final Clock clock;
    private final Consumer<String> log;
    private final InfoEndpoints info;
    private final StructuresEndpoint structures;
    private final ReferencesEndpoint references;

    OptimadeHandler(ServerConfig config, StructureIndex index, Clock clock, Consumer<String> log) {
        this.config = config;
        this.authenticator = new Authenticator(config.principalsByDigest());
        this.clock = clock;
        this.log = log;
        References refs = new References(index);
        this.info = new InfoEndpoints(config);
        this.structures = new StructuresEndpoint(index, config, refs);
        this.references = new ReferencesEndpoint(index, config, refs);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        HttpURI uri = request.getHttpURI();
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        // The exchange errors are reported against: the request as a whole until the versioned endpoint is known.
        Exchange[] current = {new Exchange(baseUrl(uri), path, uri.getQuery(), Principal.ANONYMOUS,
                clock.instant())};
        Reply reply;
        try {
            if (!request.getMethod().equals("GET")) {
                reply = Reply.json(405, JsonDocument.error(current[0], config, 405, "only GET is supported"))
                        .withHeader("Allow", "GET");
            } else {
                reply = route(request, current, path);
            }
        } catch (ApiException e) {
            reply = Reply.json(e.status(), JsonDocument.error(current[0], config, e.status(), e.getMessage()));
        } catch (FilterException e) {
            reply = Reply.json(e.httpStatus(), JsonDocument.error(current[0], config, e.httpStatus(),
                    e.getMessage()));
        } catch (Authenticator.Unauthorized e) {
            reply = Reply.json(401, JsonDocument.error(current[0], config, 401, e.getMessage())).withHeader(
                    "WWW-Authenticate", "Bearer realm=\"optimade\", error=\"invalid_token\"");
        } catch (RuntimeException | IOException e) {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            log.accept("internal error, incident " + incident + ", " + request.getMethod() + " " + uri + ": "
                    + stackTrace(e));
            reply = Reply.json(500, JsonDocument.error(current[0], config, 500, "internal error; incident " + incident
                    + " is in the server log"));
        }
        send(response, callback, reply);
        return true;
    }

    private Reply route(Request request, Exchange[] current, String path) throws IOException {
        Exchange x = current[0];
        if (path.equals("/versions")) {
            return InfoEndpoints.versions();
        }
        if (path.equals("/")) {
            return info.landing(x);
        }
        Matcher m = VERSIONED.matcher(path);
        if (!m.matches()) {
            String first = path.split("/")[1];
            if (InfoEndpoints.isEntryType(first) || first.equals("info") || first.equals("links")) {
                String hint = Params.of(query(request), x.rawQuery(), false).get("api_hint");
                if (hint != null && !hint.matches("v1(\\.\\d+)?")) {
                    throw new ApiException(553, "api_hint " + hint + ": this server serves OPTIMADE v1 only");
                }
                String target = x.versionedBase() + path + (x.rawQuery() == null ? "" : "?" + x.rawQuery());
                return Reply.text(307, "text/plain; charset=utf-8", "see " + target + "\n")
                        .withHeader("Location", target);
            }
            throw ApiException.notFound("no such endpoint: " + path);
        }
        String version = "v" + m.group(1) + (m.group(2) == null ? "" : m.group(2)) + (m.group(3) == null ? ""
                : m.group(3));
        if (!version.equals("v1") && !version.equals("v1.3") && !version.equals("v1.3.0")) {
            throw new ApiException(553, "version " + version + " is not supported; this server serves OPTIMADE "
                    + JsonDocument.API_VERSION + " under /" + MAJOR + " (see /versions)");
        }
        String rest = m.group(4) == null ? "" : m.group(4);
        String endpoint = rest.length() > 1 && rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
        current[0] = new Exchange(x.baseUrl(), endpoint.isEmpty() ? "/" : endpoint, x.rawQuery(),
                Principal.ANONYMOUS, x.now());
        Exchange ex = new Exchange(x.baseUrl(), current[0].endpointPath(), x.rawQuery(),
                authenticator.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION)), x.now());
        String[] seg = endpoint.isEmpty() ? new String[0] : endpoint.substring(1).split("/", -1);
        boolean listing = seg.length == 1 && InfoEndpoints.isEntryType(seg[0]);
        Params params = Params.of(query(request), x.rawQuery(), listing);
        if (seg.length == 0) {
            return info.landing(ex);
        }
        switch (seg[0]) {
            case "info" -> {
                if (seg.length == 1) {
                    return info.info(ex);
                }
                if (seg.length == 2 && InfoEndpoints.isEntryType(seg[1])) {
                    return info.entryInfo(ex, seg[1]);
                }
            }
            case "links" -> {
                if (seg.length == 1) {
                    return info.links(ex);
                }
            }
            case "structures" -> {
                if (seg.length == 1) {
                    return structures.list(ex, params);
                }
                if (seg.length == 2) {
                    return structures.single(ex, params, segment(seg[1]));
                }
            }
            case "references" -> {
                if (seg.length == 1) {
                    return references.list(ex, params);
                }
                if (seg.length == 2) {
                    return references.single(ex, params, segment(seg[1]));
                }
            }
            case "extensions" -> {
                if (seg.length == 2 && seg[1].equals("license")) {
                    return info.license();
                }
            }
            default -> {
                // unknown endpoint: 404 below
            }
        }
        throw ApiException.notFound("no such endpoint: /" + MAJOR + endpoint);
    }

    /**
     * The decoded query parameters; a malformed query string (a bad %-escape, bytes that are not UTF-8 such as the
     * overlong {@code %c0%ae}) is the client's error, not ours. Jetty reports bad UTF-8 as an IllegalArgumentException
     * or as its BadMessageException, depending on where the decoder notices it.
     */
    private static Fields query(Request request) {
        try {
            return Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("malformed query string (percent-escapes must encode UTF-8)");
        }
    }

    private static String segment(String encoded) {
        String decoded;
        try {
            decoded = URIUtil.decodePath(encoded);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("malformed path segment (percent-escapes must encode UTF-8)");
        }
        if (decoded.indexOf('\uFFFD') >= 0) {
            throw ApiException.badRequest("malformed path segment (percent-escapes must encode UTF-8)");
        }
        return decoded;
    }

    /** The base URL clients see: the configured public URL (behind a proxy), else scheme and authority. */
    private String baseUrl(HttpURI uri) {
        if (config.publicUrl() != null) {
            return config.publicUrl();
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return uri.getScheme() + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    private static void send(Response response, Callback callback, Reply reply) {
        response.setStatus(reply.status());
        var h = response.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, reply.contentType());
        // Answers depend on the bearer token: no shared cache may keep one for another client.
        h.put(HttpHeader.CACHE_CONTROL, "no-store");
        h.put(HttpHeader.VARY, "Authorization");
        h.put("X-Content-Type-Options", "nosniff");
        for (Map.Entry<String, String> e : reply.headers().entrySet()) {
            h.put(e.getKey(), e.getValue());
        }
        h.put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    private static String stackTrace(Throwable e) {
        var w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
