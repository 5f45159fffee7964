package io.clipdesk.ui.clips.preview;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.video.Video;
import io.clipdesk.engine.video.VideoStatus;
import io.clipdesk.ui.clips.ClipCountdownTest;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreviewSourceTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    /** 2024-05-24 14:46:40 UTC. */
    private static final long T0_S = 1_716_562_000L;
    private static final MediaLinks LINKS = new MediaLinks("http://127.0.0.1:8080");

    @Test
    void recordingClip_saysWhenItWillBeReady_andDoesNotPlay() {
        Clip c = ClipCountdownTest.clip(ClipStatus.RECORDING, T0_S, 20, T0_S + 20 + 3600);
        PreviewSource s = PreviewSource.of(c, LINKS, 2000);
        long nowMs = T0_S * 1000;
        assertFalse(s.playableAt(nowMs));
        assertEquals("Recording: ready at 14:47:02 (in 0:22).", s.messageAt(nowMs, UTC));
    }

    @Test
    void readyClip_playsUntilItsExpiration_thenSaysItExpired() {
        Clip c = ClipCountdownTest.clip(ClipStatus.READY, T0_S, 20, T0_S + 80);
        PreviewSource s = PreviewSource.of(c, LINKS, 2000);
        assertTrue(s.playableAt((T0_S + 76) * 1000));
        assertEquals("", s.messageAt((T0_S + 76) * 1000, UTC));
        assertFalse(s.playableAt((T0_S + 77) * 1000), "let go of just before the media goes");
        assertEquals("Expires at 14:48:00.", s.messageAt((T0_S + 77) * 1000, UTC));
        assertFalse(s.playableAt((T0_S + 80) * 1000));
        assertEquals("Expired at 14:48:00: its media is gone.", s.messageAt((T0_S + 80) * 1000, UTC));
    }

    @Test
    void url_autoIsTheMaster_aRenditionItsOwnPlaylistOrMp4() {
        Clip c = ClipCountdownTest.clip(ClipStatus.READY, T0_S, 20, T0_S + 3620);
        PreviewSource s = PreviewSource.of(c, LINKS, 2000);
        String rec = "http://127.0.0.1:8080/rec/1/rec_abcdefabcdef_";
        assertEquals(rec + "master.m3u8", s.url(PreviewFormat.HLS, ""));
        assertEquals(rec + "master.mp4", s.url(PreviewFormat.MP4, ""));
        assertEquals(rec + "media_1_360.m3u8", s.url(PreviewFormat.HLS, "media_1_360"));
        assertEquals(rec + "media_2_720.mp4", s.url(PreviewFormat.MP4, "media_2_720"));
        assertEquals(List.of(360, 720), s.links().renditions().stream().map(PreviewSource.Rendition::height).toList());
    }

    @Test
    void withoutAnHttpAddress_nothingPlays_andThePreviewSaysWhy() {
        Clip c = ClipCountdownTest.clip(ClipStatus.READY, T0_S, 20, T0_S + 3620);
        PreviewSource s = PreviewSource.of(c, new MediaLinks("embedded"), 2000);
        assertFalse(s.playableAt(T0_S * 1000));
        assertEquals("Previews need the engine's HTTP address.", s.messageAt(T0_S * 1000, UTC));
    }

    @Test
    void video_neverExpires_andItsMp4IsTheHighestRendition() {
        Video v = new Video(7, "k2k2k2k2k2k2", 1, "abcdefabcdef", "Goal", VideoStatus.READY, "", 20_000, 0,
                List.of("media_2_720", "media_1_360"));
        PreviewSource s = PreviewSource.of(v, LINKS, 0);
        assertTrue(s.playableAt(Long.MAX_VALUE));
        assertEquals("http://127.0.0.1:8080/videos/7_k2k2k2k2k2k2/master.m3u8", s.url(PreviewFormat.HLS, ""));
        assertEquals("http://127.0.0.1:8080/videos/7_k2k2k2k2k2k2/media_2_720.mp4", s.url(PreviewFormat.MP4, ""));
        PreviewSource pending = PreviewSource.of(v.withStatus(VideoStatus.PENDING, ""), LINKS, 0);
        assertFalse(pending.playableAt(T0_S * 1000));
        assertTrue(pending.messageAt(T0_S * 1000, UTC).startsWith("VOD pending"));
    }
}
