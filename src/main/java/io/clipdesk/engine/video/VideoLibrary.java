package io.clipdesk.engine.video;

import io.clipdesk.engine.NotFoundException;

import java.util.List;

/** Permanent videos made from clips ({@code vod_required}). */
public interface VideoLibrary {

    /** Newest first. */
    List<Video> list();

    /** @throws NotFoundException unknown id */
    Video get(long videoId);

    void delete(long videoId);
}
