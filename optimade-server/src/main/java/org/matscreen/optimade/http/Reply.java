package org.matscreen.optimade.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP answer before it is sent.
 *
 * @param headers extra headers (e.g. {@code Location}, {@code WWW-Authenticate})
 */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String JSON_API = "application/vnd.api+json";

    static Reply json(int status, byte[] body) {
        return new Reply(status, JSON_API, body, Map.of());
    }

    static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    Reply withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Reply(status, contentType, body, h);
    }
}
