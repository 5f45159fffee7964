package io.clipdesk.desk;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.storage.MediaPaths;
import io.clipdesk.engine.video.Video;

/**
 * Where a clip's or video's media plays over HTTP (JavaFX plays HLS only over http), and the links an editor copies:
 * media needs no API key. {@code ""} where there is no such link (an engine without an HTTP address, or a server that
 * does not say).
 */
public interface MediaUrls {

    /** No HTTP address: lists work, nothing plays. */
    MediaUrls NONE = under("");

    boolean available();

    String clipMaster(Clip clip);

    String clipMasterMp4(Clip clip);

    String clipPlaylist(Clip clip, String rendition);

    String clipMp4(Clip clip, String rendition);

    String videoMaster(Video video);

    String videoPlaylist(Video video, String rendition);

    String videoMp4(Video video, String rendition);

    /** Clipdesk's media layout ({@link MediaPaths}) under an engine's base URL, e.g. {@code http://127.0.0.1:8080}. */
    static MediaUrls under(String baseUrl) {
        String base = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
        boolean http = base.startsWith("http://") || base.startsWith("https://");
        return new MediaUrls() {
            @Override
            public boolean available() {
                return http;
            }

            private String at(String path) {
                return http ? base + path : "";
            }

            @Override
            public String clipMaster(Clip clip) {
                return at(MediaPaths.clipUrl(clip.streamId(), MediaPaths.clipMaster(clip.id())));
            }

            @Override
            public String clipMasterMp4(Clip clip) {
                return at(MediaPaths.clipUrl(clip.streamId(), MediaPaths.clipMasterMp4(clip.id())));
            }

            @Override
            public String clipPlaylist(Clip clip, String rendition) {
                return at(MediaPaths.clipUrl(clip.streamId(), MediaPaths.clipPlaylist(clip.id(), rendition)));
            }

            @Override
            public String clipMp4(Clip clip, String rendition) {
                return at(MediaPaths.clipUrl(clip.streamId(), MediaPaths.clipMp4(clip.id(), rendition)));
            }

            @Override
            public String videoMaster(Video video) {
                return at(MediaPaths.videoUrl(video.pathKey(), MediaPaths.VIDEO_MASTER));
            }

            @Override
            public String videoPlaylist(Video video, String rendition) {
                return at(MediaPaths.videoUrl(video.pathKey(), MediaPaths.videoPlaylist(rendition)));
            }

            @Override
            public String videoMp4(Video video, String rendition) {
                return at(MediaPaths.videoUrl(video.pathKey(), MediaPaths.videoMp4(rendition)));
            }

            @Override
            public String toString() {
                return http ? base : "no media links";
            }
        };
    }
}
