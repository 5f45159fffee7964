package io.clipdesk.api.videos;

import io.clipdesk.api.wire.QueryParams;
import io.clipdesk.engine.video.Video;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The filters Gcore's {@code GET /streaming/videos} takes and its SDK sends: {@code id} (comma-separated ids),
 * {@code stream_id}, {@code status}, {@code search} (an id, or part of the name) and {@code client_user_id}
 * (Clipdesk videos carry none, so asking for one matches nothing). {@code fields} is not applied: every field
 * is always sent, which a client asking for fewer can ignore.
 */
record VideoFilter(Set<Long> ids, OptionalLong streamId, Optional<String> status, Optional<String> search,
                   boolean clientUserAsked) {

    VideoFilter {
        ids = Set.copyOf(ids);
    }

    static VideoFilter of(QueryParams query) {
        boolean clientUser = query.optionalLong("client_user_id", 0, Long.MAX_VALUE).isPresent();
        return new VideoFilter(Set.copyOf(query.positiveList("id")), query.optionalPositive("stream_id"),
                query.optionalString("status").map(s -> s.toLowerCase(Locale.ROOT)),
                query.optionalString("search").map(s -> s.toLowerCase(Locale.ROOT)), clientUser);
    }

    boolean matches(Video video) {
        return !clientUserAsked
                && (ids.isEmpty() || ids.contains(video.id()))
                && (streamId.isEmpty() || streamId.getAsLong() == video.streamId())
                && (status.isEmpty() || status.get().equals(video.status().wire()))
                && (search.isEmpty() || search.get().equals(Long.toString(video.id()))
                        || video.name().toLowerCase(Locale.ROOT).contains(search.get()));
    }
}
