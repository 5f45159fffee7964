package io.clipdesk.api.files;

import io.clipdesk.engine.storage.MediaContent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The engine's answers for finished (immutable) media files, so a clip that many viewers watch costs a map
 * lookup instead of a database query per request. An answer is reused only while it cannot change: until
 * the clip expires, and while its file exists — a deleted clip or video, or a live segment the DVR rolled
 * past, is gone from disk first, which {@link MediaSender} notices and the caller then {@link #forget}s.
 * Playlists the engine generates on the spot, 425s and 404s are never kept.
 */
final class ResolvedMedia {

    private static final int LIMIT = 10_000;

    /** What the engine said, until when (epoch ms) it stays true, and how long a cache may keep it. */
    record Answer(MediaContent content, long validUntilMs, CachePolicy cachePolicy) {
    }

    /** How long a cache may keep an immutable answer, given what is left of its validity. */
    @FunctionalInterface
    interface CachePolicy {
        String cacheControl(Answer answer, long nowMs);
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    /**
     * @param ask        the engine call (may throw its 404/425 exceptions, which pass through)
     * @param validUntil for an immutable file the engine returned, when the answer expires (epoch ms)
     * @param policy     how long a cache may keep the file the answer names
     */
    Answer resolve(String key, long nowMs, Supplier<MediaContent> ask, ToLongFunction<MediaContent> validUntil,
                   CachePolicy policy) {
        Answer known = answers.get(key);
        if (known != null && nowMs < known.validUntilMs()) {
            return known;
        }
        MediaContent content = ask.get();
        if (!(content instanceof MediaContent.FileContent) || !content.immutable()) {
            return new Answer(content, nowMs, policy);
        }
        Answer fresh = new Answer(content, validUntil.applyAsLong(content), policy);
        if (answers.size() >= LIMIT) {
            answers.clear();
        }
        answers.put(key, fresh);
        return fresh;
    }

    /** The answer {@link #resolve} would give for {@code key} from memory, without asking the engine; else null. */
    Answer known(String key, long nowMs) {
        Answer known = answers.get(key);
        return known != null && nowMs < known.validUntilMs() ? known : null;
    }

    void forget(String key) {
        answers.remove(key);
    }
}
