package io.clipdesk.api.videos;

import io.clipdesk.api.http.ApiExchange;
import io.clipdesk.api.http.Route;
import io.clipdesk.api.wire.ListPage;
import io.clipdesk.api.wire.QueryParams;
import io.clipdesk.engine.video.Video;
import io.clipdesk.engine.video.VideoLibrary;

import java.util.List;

/** /streaming/videos: the permanent videos made from clips with vod_required. */
public final class VideosHandler {

    static final String VIDEOS = "/streaming/videos";
    static final String ONE = VIDEOS + "/([0-9]{1,18})";

    private final VideoLibrary videos;

    public VideosHandler(VideoLibrary videos) {
        this.videos = videos;
    }

    public List<Route> routes() {
        return List.of(
                Route.of("GET", VIDEOS, this::list),
                Route.of("GET", ONE, ex -> ex.sendJson(200, VideoDto.of(videos.get(ex.longParam(0)), ex))),
                Route.of("DELETE", ONE, ex -> {
                    videos.get(ex.longParam(0)); // 404 for an unknown id, as GET
                    videos.delete(ex.longParam(0));
                    ex.sendNoContent();
                }));
    }

    /** Newest first, filtered and paged as Gcore's SDK asks ({@code ?stream_id=1&status=ready&page=1}). */
    private void list(ApiExchange ex) {
        QueryParams query = ex.query();
        VideoFilter filter = VideoFilter.of(query);
        ListPage page = ListPage.of(query);
        List<Video> matching = videos.list().stream().filter(filter::matches).toList();
        ex.sendJson(200, page.slice(matching).stream().map(v -> VideoDto.of(v, ex)).toList());
    }
}
