package io.clipdesk.client;

import io.clipdesk.engine.dvr.DvrWindow;

import java.util.Objects;

/**
 * A stream on a remote server, as much as the editor needs to pick one and cut from it. {@code dvrStartS}
 * and {@code dvrEndS} are 0 when the server does not report them (Gcore).
 */
public record RemoteStream(long id, String name, boolean live, boolean dvrEnabled, int dvrDurationS,
                           String hlsMpegtsUrl, String screenshotUrl, long dvrStartS, long dvrEndS) {

    public RemoteStream {
        Objects.requireNonNull(name, "name");
        hlsMpegtsUrl = hlsMpegtsUrl == null ? "" : hlsMpegtsUrl;
        screenshotUrl = screenshotUrl == null ? "" : screenshotUrl;
    }

    /** The DVR range in wall-clock ms, empty when unknown. */
    public DvrWindow dvrWindow() {
        return dvrEndS > dvrStartS ? new DvrWindow(dvrStartS * 1000, dvrEndS * 1000) : DvrWindow.EMPTY;
    }
}
