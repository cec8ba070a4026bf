package org.matscreen.optimade.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpTester;
import org.matscreen.optimade.Fixtures;
import org.matscreen.optimade.config.ServerConfig;
import org.matscreen.optimade.index.StructureIndex;

/** An in-process server (full Jetty handler chain, no socket) and a small client for it. */
final class InProcess implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final OptimadeServer server;
    final List<String> log = new ArrayList<>();

    InProcess(ServerConfig config, StructureIndex index) {
        server = new OptimadeServer(config, index, Clock.fixed(Fixtures.NOW, ZoneOffset.UTC), null, null,
                log::add).start();
    }

    /** A response: status, headers, body. */
    record Answer(int status, HttpTester.Response raw) {
        JsonNode json() {
            try {
                return JSON.readTree(raw.getContent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return raw.get(name);
        }

        String body() {
            return raw.getContent();
        }
    }

    Answer get(String pathAndQuery) {
        return get(pathAndQuery, null);
    }

    Answer get(String pathAndQuery, String token) {
        return send("GET", pathAndQuery, token == null ? "" : "Authorization: Bearer " + token + "\r\n");
    }

    Answer send(String method, String pathAndQuery, String extraHeaders) {
        String raw = method + " " + pathAndQuery + " HTTP/1.1\r\nHost: optimade.test\r\n" + extraHeaders
                + "Connection: close\r\n\r\n";
        HttpTester.Response r = HttpTester.parseResponse(server.exchange(raw));
        return new Answer(r.getStatus(), r);
    }

    @Override
    public void close() {
        server.close();
    }
}
