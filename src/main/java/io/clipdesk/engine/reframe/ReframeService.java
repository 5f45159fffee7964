package io.clipdesk.engine.reframe;

import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.clip.ClipRejectedException;

import java.util.List;

/** Social versions of clips ({@link Reframe}), made in the background one at a time. */
public interface ReframeService {

    /**
     * Queues a version of a ready clip in {@code aspect} with the window along {@code crop}; one made before in
     * that aspect is replaced.
     *
     * @throws NotFoundException       unknown or expired clip
     * @throws ClipRejectedException   REFRAME_NOT_READY: the clip has no media yet, or that aspect is being made
     */
    Reframe request(String clipId, ReframeAspect aspect, CropPath crop);

    /** The clip's reframes, in aspect order. @throws NotFoundException unknown or expired clip */
    List<Reframe> list(String clipId);
}
