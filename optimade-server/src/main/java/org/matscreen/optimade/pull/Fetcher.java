package org.matscreen.optimade.pull;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Optional;

/** Fetches OPTIMADE documents; {@link OptimadeClient} over HTTP, anything else in tests. */
public interface Fetcher {
    /**
     * The JSON document at {@code uri}.
     *
     * @throws org.matscreen.core.error.InvalidInputException when the server refuses the request (a 4xx: bad filter,
     *     wrong token, unknown endpoint), with the server's own explanation
     * @throws org.matscreen.core.error.MatscreenException when the server cannot be reached or keeps failing
     */
    JsonNode get(URI uri);

    /** The body of {@code uri} as text, or empty if the server has no such document (a 404). */
    Optional<String> text(URI uri);
}
