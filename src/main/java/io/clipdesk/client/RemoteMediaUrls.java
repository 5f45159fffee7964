package io.clipdesk.client;

import io.clipdesk.desk.MediaUrls;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.video.Video;

/**
 * Links as the server gave them in each clip's and video's JSON (a plain Gcore server puts its media on other
 * hosts); a Clipdesk server's layout under its base URL fills in what the JSON does not list (per rendition).
 */
final class RemoteMediaUrls implements MediaUrls {

    private final MediaUrls layout;
    private final RemoteClipService clips;
    private final RemoteVideos videos;

    RemoteMediaUrls(MediaUrls layout, RemoteClipService clips, RemoteVideos videos) {
        this.layout = layout;
        this.clips = clips;
        this.videos = videos;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public String clipMaster(Clip clip) {
        return clips.links(clip.id()).map(ClipLinks::hlsMaster).filter(s -> !s.isEmpty())
                .orElseGet(() -> layout.clipMaster(clip));
    }

    @Override
    public String clipMasterMp4(Clip clip) {
        return clips.links(clip.id()).map(ClipLinks::mp4Master).filter(s -> !s.isEmpty())
                .orElseGet(() -> layout.clipMasterMp4(clip));
    }

    @Override
    public String clipPlaylist(Clip clip, String rendition) {
        return layout.clipPlaylist(clip, rendition);
    }

    @Override
    public String clipMp4(Clip clip, String rendition) {
        return layout.clipMp4(clip, rendition);
    }

    @Override
    public String videoMaster(Video video) {
        return videos.links(video.id()).map(RemoteVideos.VideoLinks::hls).filter(s -> !s.isEmpty())
                .orElseGet(() -> layout.videoMaster(video));
    }

    @Override
    public String videoPlaylist(Video video, String rendition) {
        return layout.videoPlaylist(video, rendition);
    }

    @Override
    public String videoMp4(Video video, String rendition) {
        String given = videos.links(video.id()).map(known -> known.mp4().getOrDefault(rendition, "")).orElse("");
        return given.isEmpty() ? layout.videoMp4(video, rendition) : given;
    }
}
