package io.clipdesk.engine.clip;

import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.NotFoundException;

import java.util.List;

/**
 * Instant clips, as in Gcore's clip_recording API. The embedded engine and a remote server
 * ({@code client.RemoteClipService}) both implement it.
 */
public interface ClipService {

    /**
     * @throws NotFoundException      unknown stream
     * @throws ClipRejectedException  a rule of {@link ClipPolicy} is broken
     */
    Clip create(ClipRequest request);

    /** The stream's clips that have not expired, newest first. */
    List<Clip> list(long streamId);

    /** @throws NotFoundException unknown or expired */
    Clip get(String clipId);

    /**
     * Removes the clip and its files now. Its permanent video, if any, stays: made first when the clip is ready,
     * in error with the reason when the clip had not got its media yet.
     */
    void delete(String clipId);

    /** Makes a permanent video of a clip that did not ask for one (while the clip exists). */
    Clip keepPermanent(String clipId);

    /**
     * Gives the clip a new title ({@code name}) and description; its permanent video, if any, takes them too.
     *
     * @throws NotFoundException       unknown or expired
     * @throws InvalidRequestException the title breaks {@link ClipPolicy#title}
     */
    Clip describe(String clipId, String name, ClipDescription description);

    /**
     * Makes the clip again at [{@code fromMs}, {@code toMs}) (wall-clock ms) from the DVR, with its title, description,
     * permanent copy, accuracy and expiry rule ({@link ClipPolicy#adjusted}), then removes the old clip (and its
     * permanent video, which the corrected clip makes anew). Nothing changes when a rule refuses.
     *
     * @return the corrected clip, a new id
     * @throws NotFoundException      unknown or expired
     * @throws ClipRejectedException  ADJUST_OUTSIDE_DVR, or another rule of {@link ClipPolicy#plan}
     */
    Clip adjust(String clipId, long fromMs, long toMs);

    /**
     * Cuts a ready clip down to [{@code fromMs}, {@code toMs}) inside its own media — for when the DVR no longer
     * holds its range — keeping what {@link #adjust} keeps, and its expiration; then removes the old clip.
     *
     * @throws ClipRejectedException TRIM_OUTSIDE_CLIP
     */
    Clip trim(String clipId, long fromMs, long toMs);
}
