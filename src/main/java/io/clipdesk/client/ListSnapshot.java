package io.clipdesk.client;

import io.clipdesk.engine.change.ChangeEvent;
import io.clipdesk.engine.change.ChangeType;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The streams and clips of a server at one moment, for a server without events: what differs from the last look is
 * said as the events such a server would have sent.
 */
record ListSnapshot(Map<Long, RemoteStream> streams, Map<String, Clip> clips) {

    static ListSnapshot take(RemoteServer server, RemoteClipService clipService) {
        Map<Long, RemoteStream> streams = new LinkedHashMap<>();
        Map<String, Clip> clips = new LinkedHashMap<>();
        for (RemoteStream stream : new RemoteStreams(server).list()) {
            streams.put(stream.id(), stream);
            for (Clip clip : clipService.list(stream.id())) {
                clips.put(clip.id(), clip);
            }
        }
        return new ListSnapshot(streams, clips);
    }

    /** What differs from {@code before}, as the events a server with events would have sent. */
    List<RemoteChange> changesSince(ListSnapshot before, long nowMs,
                                              Supplier<String> ids) {
        List<RemoteChange> out = new ArrayList<>();
        Map<Long, RemoteStream> oldStreams = new HashMap<>(before.streams());
        for (RemoteStream stream : streams.values()) {
            RemoteStream old = oldStreams.remove(stream.id());
            if (old == null || !sameStream(old, stream)) {
                out.add(streamChange(ids.get(), old == null ? ChangeType.STREAM_CREATED
                        : ChangeType.STREAM_UPDATED, stream.id(), Optional.of(stream), nowMs));
            }
        }
        for (RemoteStream gone : oldStreams.values()) {
            out.add(streamChange(ids.get(), ChangeType.STREAM_DELETED, gone.id(), Optional.empty(), nowMs));
        }
        Map<String, Clip> oldClips = new HashMap<>(before.clips());
        for (Clip clip : clips.values()) {
            Clip old = oldClips.remove(clip.id());
            ChangeType type;
            if (old == null) {
                type = ChangeType.CLIP_CREATED;
            } else if (old.equals(clip)) {
                continue;
            } else if (clip.status() != old.status() && clip.status() == ClipStatus.READY) {
                type = ChangeType.CLIP_READY;
            } else if (clip.status() != old.status() && clip.status() == ClipStatus.FAILED) {
                type = ChangeType.CLIP_FAILED;
            } else {
                type = ChangeType.CLIP_UPDATED;
            }
            out.add(new RemoteChange(new ChangeEvent(ids.get(), type, clip.streamId(), clip.id(),
                    clip.videoId(), nowMs), Optional.of(clip), Optional.empty()));
        }
        for (Clip gone : oldClips.values()) {
            // A list only says it is gone; past its expiration it expired, else someone deleted it.
            ChangeType type = nowMs >= gone.expirationS() * 1000 ? ChangeType.CLIP_EXPIRED
                    : ChangeType.CLIP_DELETED;
            out.add(new RemoteChange(new ChangeEvent(ids.get(), type, gone.streamId(), gone.id(), gone.videoId(),
                    nowMs), Optional.empty(), Optional.empty()));
        }
        return out;
    }

    /** The DVR's edges move with every segment: not a change of the stream. */
    private static boolean sameStream(RemoteStream a, RemoteStream b) {
        return a.name().equals(b.name()) && a.live() == b.live() && a.dvrEnabled() == b.dvrEnabled()
                && a.dvrDurationS() == b.dvrDurationS() && a.hlsMpegtsUrl().equals(b.hlsMpegtsUrl());
    }

    private static RemoteChange streamChange(String id, ChangeType type, long streamId,
                                             Optional<RemoteStream> stream, long nowMs) {
        return new RemoteChange(new ChangeEvent(id, type, streamId, "", 0, nowMs), Optional.empty(), stream);
    }
}
