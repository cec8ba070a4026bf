package org.matscreen.optimade.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encoding of URL parts (RFC 3986): spaces as %20 in paths, form encoding in query strings. */
final class PathSegments {
    private PathSegments() {}

    /** An id as one path segment. */
    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A query parameter name or value. */
    static String query(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
