package io.clipdesk.engine;

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
}
