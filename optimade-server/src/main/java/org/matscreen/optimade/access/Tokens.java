package org.matscreen.optimade.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Bearer tokens and their stored form. A token is 32 random bytes (256 bits) from {@link SecureRandom}, written in
 * URL-safe base64 after a {@code msk_} prefix that makes leaked tokens easy to recognise. The server configuration
 * keeps only {@code sha256:<hex>} of the token: with 256 bits of entropy no guessing or precomputation can invert a
 * plain SHA-256, so a slow password hash (PBKDF2, which exists for low-entropy passwords) would only slow down every
 * request. Because the look-up is by digest, comparison time reveals nothing about the token itself.
 */
public final class Tokens {
    public static final String DIGEST_PREFIX = "sha256:";
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    /** A new random token. */
    public static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return "msk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The stored form of {@code token}: {@code sha256:} and the hex SHA-256 of its UTF-8 bytes. */
    public static String digest(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return DIGEST_PREFIX + HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether {@code text} is a stored digest ({@code sha256:} and 64 lower-case hex digits). */
    public static boolean isDigest(String text) {
        return text != null && DIGEST.matcher(text).matches();
    }
}
