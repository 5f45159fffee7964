package io.clipdesk.api;

import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.change.ChangeLog;
import io.clipdesk.engine.clip.ClipService;
import io.clipdesk.engine.health.HealthService;
import io.clipdesk.engine.reframe.ReframeService;
import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.storage.MediaFiles;
import io.clipdesk.engine.stream.PushAddress;
import io.clipdesk.engine.stream.StreamService;
import io.clipdesk.engine.video.VideoLibrary;

import java.time.Clock;
import java.util.Objects;

/**
 * The engine services the HTTP layer drives; nothing else of the engine is reachable from a request.
 * {@code ingestBind} is where the engine's push listeners listen, for the push URLs the API hands out;
 * {@code changes} is what /streaming/events follows.
 */
public record ApiBackend(
        StreamService streams,
        ClipService clips,
        VideoLibrary videos,
        MediaFiles media,
        Clock clock,
        DataLayout layout,
        HealthService health,
        ChangeLog changes,
        ReframeService reframes,
        String ingestBind) {

    public ApiBackend {
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(clips, "clips");
        Objects.requireNonNull(videos, "videos");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(reframes, "reframes");
        Objects.requireNonNull(ingestBind, "ingestBind");
    }

    /** A backend whose push listeners listen on every interface. */
    public ApiBackend(StreamService streams, ClipService clips, VideoLibrary videos, MediaFiles media, Clock clock,
                      DataLayout layout, HealthService health, ChangeLog changes, ReframeService reframes) {
        this(streams, clips, videos, media, clock, layout, health, changes, reframes, PushAddress.ANY_INTERFACE);
    }

    public static ApiBackend of(ClipEngine engine) {
        return new ApiBackend(engine.streams(), engine.clips(), engine.videos(), engine.media(), engine.clock(),
                engine.layout(), engine.health(), engine.changes(), engine.reframes(), engine.config().ingestBind());
    }
}
