package io.clipdesk.engine.clip;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Clip ids and media keys: 12 characters of [a-z0-9] from a CSPRNG, about 62 bits, unguessable in URLs. */
public final class ClipIds {

    public static final int LENGTH = 12;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern VALID = Pattern.compile("[a-z0-9]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClipIds() {
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
