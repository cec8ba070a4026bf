package org.matscreen.optimade.access;

import java.util.Locale;
import java.util.Map;

/**
 * Turns an {@code Authorization} header into a {@link Principal}: no header is an anonymous client, {@code Bearer
 * <token>} with a configured token is that member, anything else is refused (401), never downgraded to anonymous, so a
 * member with a mistyped or revoked token learns that at once instead of silently seeing only public records.
 */
public final class Authenticator {
    private final Map<String, Principal> byDigest;

    /** @param byDigest members by the stored digest of their token ({@link Tokens#digest}) */
    public Authenticator(Map<String, Principal> byDigest) {
        this.byDigest = Map.copyOf(byDigest);
    }

    /** Thrown for a header that names no configured member. */
    public static final class Unauthorized extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unauthorized(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The principal for the value of an {@code Authorization} header (null when absent).
     *
     * @throws Unauthorized for another scheme than Bearer, an empty token, or a token that is not configured
     */
    public Principal authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Principal.ANONYMOUS;
        }
        String h = authorization.strip();
        int space = h.indexOf(' ');
        if (space < 0 || !h.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            throw new Unauthorized("only Bearer tokens are accepted (Authorization: Bearer <token>)");
        }
        String token = h.substring(space + 1).strip();
        Principal p = token.isEmpty() ? null : byDigest.get(Tokens.digest(token));
        if (p == null) {
            throw new Unauthorized("the bearer token is not valid for this server");
        }
        return p;
    }
}
