package io.clipdesk.engine.dvr;

import java.util.List;

/**
 * A clip's segments and the DVR's extent read at one instant: a segment stored meanwhile is in both or in neither,
 * so "the DVR reaches past the clip's end" always means every segment up to there is in {@code segments}.
 */
public record DvrSlice(List<Segment> segments, DvrWindow window) {

    public DvrSlice {
        segments = List.copyOf(segments);
    }
}
