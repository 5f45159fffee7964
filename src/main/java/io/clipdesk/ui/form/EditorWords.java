package io.clipdesk.ui.form;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's refusals name the API's fields, which scripts send; an editor filled in a form with other words.
 * This puts the form's words in place of the field names before a sentence is shown.
 */
public final class EditorWords {

    private static final Map<String, String> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("pull_url", "the URL");
        WORDS.put("push_url", "the push URL");
        WORDS.put("dvr_duration", "DVR depth");
        WORDS.put("dvr_enabled false", "the DVR off");
        WORDS.put("dvr_enabled", "DVR");
        WORDS.put("vod_required", "permanent copy");
        WORDS.put("expiration", "expiry");
        WORDS.put("passphrase", "passphrase");
    }

    private EditorWords() {
    }

    /** {@code sentence} with each API field name in the form's words, starting with a capital. */
    public static String of(String sentence) {
        String text = sentence == null ? "" : sentence;
        for (Map.Entry<String, String> w : WORDS.entrySet()) {
            text = text.replace(w.getKey(), w.getValue());
        }
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
