package io.clipdesk.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The one API token of a server. Checked against {@code Authorization: APIKey <token>} in constant time:
 * both sides are hashed first so neither length nor content leaks through timing.
 */
public final class ApiKey {

    public static final String SCHEME = "APIKey";
    /** 32 characters of [a-z0-9]: about 165 bits, easy to copy from a terminal. */
    static final int LENGTH = 32;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final String token;
    private final byte[] tokenDigest;

    private ApiKey(String token) {
        this.token = token;
        this.tokenDigest = sha256(token);
    }

    public static ApiKey of(String token) {
        if (token == null || token.isBlank() || !token.strip().equals(token) || token.length() < 16) {
            throw new IllegalArgumentException("an API key needs at least 16 characters and no spaces");
        }
        return new ApiKey(token);
    }

    public static ApiKey random(SecureRandom random) {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new ApiKey(new String(chars));
    }

    /** The token itself, for printing once and for storing in the owner-only key file. */
    public String token() {
        return token;
    }

    /** True when the header is {@code APIKey <this token>}; the scheme name is case-insensitive. */
    public boolean acceptsHeader(String authorization) {
        Optional<String> presented = tokenIn(authorization);
        byte[] digest = sha256(presented.orElse(""));
        // Always compare, even when the header was malformed, so a bad scheme costs the same as a bad key.
        return MessageDigest.isEqual(digest, tokenDigest) && presented.isPresent();
    }

    static Optional<String> tokenIn(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space <= 0) {
            return Optional.empty();
        }
        String scheme = value.substring(0, space);
        if (!scheme.toLowerCase(Locale.ROOT).equals(SCHEME.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String presented = value.substring(space + 1).strip();
        return presented.isEmpty() ? Optional.empty() : Optional.of(presented);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }
}
