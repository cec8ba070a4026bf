package org.matscreen.optimade.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.matscreen.optimade.access.Principal;

/**
 * What every endpoint needs to know about the request it answers.
 *
 * @param baseUrl the unversioned base URL clients see, without a trailing slash
 * @param endpointPath the path after the versioned base URL, e.g. {@code /structures}
 * @param rawQuery the query string as received (null if none)
 * @param principal who is asking
 * @param now when the request is answered
 */
record Exchange(String baseUrl, String endpointPath, String rawQuery, Principal principal, Instant now) {
    /** The versioned base URL this server prefers. */
    String versionedBase() {
        return baseUrl + "/" + OptimadeHandler.MAJOR;
    }

    /** OPTIMADE's {@code meta.query.representation}: path after the versioned base URL, with the query. */
    String representation() {
        return rawQuery == null || rawQuery.isEmpty() ? endpointPath : endpointPath + "?" + rawQuery;
    }

    /** The UTC calendar day embargo ends are compared with. */
    LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
