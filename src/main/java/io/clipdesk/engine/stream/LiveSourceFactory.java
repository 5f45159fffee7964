package io.clipdesk.engine.stream;

import io.clipdesk.engine.InvalidRequestException;

import java.time.Clock;

/** Opens the media adapter for a stream's source (implemented in {@code media}). */
public interface LiveSourceFactory {

    /**
     * @param segmentDurationMs target segment length; sources that encode use it as the GOP length
     * @param clock             wall-clock source for #EXT-X-PROGRAM-DATE-TIME stamps
     */
    LiveSource open(LiveStream stream, int segmentDurationMs, Clock clock);

    /**
     * Refuses a source that can never work (say, a file that is not media), before the stream is stored. Never
     * connects anywhere: an unreachable source is not wrong, only disconnected.
     *
     * @throws InvalidRequestException saying what is wrong
     */
    default void check(SourceSpec source) {
    }
}
