package io.clipdesk.engine;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Ids and media keys that appear in URLs (clips, reframes, and the media keys of streams and videos): 12 characters
 * of [a-z0-9] from a CSPRNG, about 62 bits, unguessable. In the engine's root because every concept makes them.
 */
public final class RandomKeys {

    public static final int LENGTH = 12;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern VALID = Pattern.compile("[a-z0-9]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomKeys() {
    }

    public static String random() {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(chars);
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
