package org.matscreen.optimade.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.matscreen.core.error.MatscreenException;
import org.matscreen.optimade.config.ServerConfig;
import org.matscreen.optimade.index.StructureIndex;

/**
 * The OPTIMADE HTTP server over one {@link StructureIndex}, on Jetty 12 (core handlers, no servlet API). Hardening,
 * outermost first:
 * <ul>
 *   <li>request line and headers limited ({@code limits.max_request_header_bytes}; larger: 431), request bodies
 *       limited ({@code limits.max_request_body_bytes}; larger: 413);</li>
 *   <li>idle connections closed after {@code limits.idle_timeout_seconds}, so slow clients cannot hold threads;</li>
 *   <li>at most {@code limits.max_concurrent_requests} requests processed at once, the others waiting at most
 *       {@code limits.queue_timeout_seconds} before a 503: a burst degrades latency, not memory;</li>
 *   <li>CORS headers only for the origins configured ({@code cors.allowed_origins}; none by default);</li>
 *   <li>no server version header, and error documents without causes or stack traces;</li>
 *   <li>plain HTTP only, bound to loopback by default: TLS belongs to a reverse proxy in front (nginx, Apache,
 *       Caddy), with {@code public_url} set so links carry the proxy's https URL.</li>
 * </ul>
 */
public final class OptimadeServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final LocalConnector local;

    /**
     * Prepares a server; {@link #start} binds it.
     *
     * @param host interface to bind ({@code 127.0.0.1}: this machine only)
     * @param port TCP port (0: any free one); null for an in-process server without a network port, reached through
     *     {@link #exchange} (embedding and tests: the whole handler chain runs, only the socket is left out)
     * @param log receives internal-error reports (incident id and stack trace), which clients never see
     */
    public OptimadeServer(ServerConfig config, StructureIndex index, Clock clock, String host, Integer port,
            Consumer<String> log) {
        ServerConfig.Limits limits = config.limits();
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(16, limits.maxConcurrentRequests() + 8), 4);
        threads.setName("optimade");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(limits.maxRequestHeaderBytes());
        if (port != null) {
            connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
            connector.setHost(host);
            connector.setPort(port);
            connector.setIdleTimeout(Duration.ofSeconds(limits.idleTimeoutSeconds()).toMillis());
            server.addConnector(connector);
            local = null;
        } else {
            connector = null;
            local = new LocalConnector(server, new HttpConnectionFactory(http));
            server.addConnector(local);
        }

        Handler app = new OptimadeHandler(config, index, clock, log);
        if (!config.cors().allowedOrigins().isEmpty()) {
            CrossOriginHandler cors = new CrossOriginHandler();
            // Jetty takes regular expressions: "*" means any origin, anything else is matched literally.
            cors.setAllowedOriginPatterns(config.cors().allowedOrigins().stream()
                    .map(o -> o.equals("*") ? ".*" : Pattern.quote(o)).collect(Collectors.toSet()));
            cors.setAllowedMethods(Set.of("GET"));
            cors.setAllowedHeaders(Set.of("Authorization", "Accept"));
            cors.setHandler(app);
            app = cors;
        }
        QoSHandler qos = new QoSHandler(app);
        qos.setMaxRequestCount(limits.maxConcurrentRequests());
        qos.setMaxSuspend(Duration.ofSeconds(limits.queueTimeoutSeconds()));
        SizeLimitHandler size = new SizeLimitHandler(limits.maxRequestBodyBytes(), -1);
        size.setHandler(qos);
        server.setHandler(new GracefulHandler(size));
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(5_000);
    }

    /** Binds the port and starts serving. */
    public OptimadeServer start() {
        try {
            server.start();
        } catch (Exception e) {
            String where = connector == null ? "in process" : "on " + connector.getHost() + ":" + connector.getPort();
            throw new MatscreenException("cannot start the OPTIMADE server " + where + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /**
     * Sends a raw HTTP/1.1 request to an in-process server and returns the raw response.
     *
     * @throws IllegalStateException for a server with a network port
     */
    public String exchange(String rawRequest) {
        if (local == null) {
            throw new IllegalStateException("not an in-process server");
        }
        try {
            return local.getResponse(rawRequest, 30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new MatscreenException("in-process request failed: " + e, e);
        }
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops accepting, lets running requests finish (up to 5 s), then stops. Idempotent. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new MatscreenException("cannot stop the OPTIMADE server: " + e.getMessage(), e);
        }
    }
}
