package io.clipdesk.engine.stream;

import io.clipdesk.engine.dvr.DvrWindow;
/** What is happening on a stream right now (for the status bar and the API's live fields). */
public record StreamState(
        long streamId,
        SourceHealth health,
        String healthDetail,
        DvrWindow window,
        int segmentCount,
        long startedAtMs,
        long dvrBytes) {

    public boolean live() {
        return health == SourceHealth.LIVE;
    }
}
