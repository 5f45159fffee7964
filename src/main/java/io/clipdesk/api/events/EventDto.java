package io.clipdesk.api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.clipdesk.api.clips.ClipDto;
import io.clipdesk.api.streams.StreamDto;
import io.clipdesk.api.videos.VideoDto;

/**
 * (ext) The data of one change on /streaming/events: what changed ({@code type}, the event's name), the ids
 * ({@code clip_id} "" and {@code video_id} null where there is none), when ({@code at}, the engine's wall clock), and
 * the object as it is now in its Gcore JSON (Clip, Video or Stream) so a follower needs no GET — absent when it is
 * gone (deleted, expired) by the time the event is sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EventDto(
        String id,
        String type,
        long streamId,
        String clipId,
        Long videoId,
        String at,
        ClipDto clip,
        VideoDto video,
        StreamDto stream) {
}
