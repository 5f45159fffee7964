package io.clipdesk.engine.hls;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaPlaylistTest {

    private static final String FIXTURE = """
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-TARGETDURATION:2
            #EXT-X-MEDIA-SEQUENCE:0
            #EXT-X-PLAYLIST-TYPE:VOD
            #EXT-X-INDEPENDENT-SEGMENTS
            #EXT-X-PROGRAM-DATE-TIME:2024-05-24T14:00:00.000Z
            #EXTINF:2.000,
            rec_abcdefghijkl_media_2_720_00000.ts
            #EXT-X-DISCONTINUITY
            #EXT-X-PROGRAM-DATE-TIME:2024-05-24T14:00:05.040Z
            #EXTINF:1.960,
            rec_abcdefghijkl_media_2_720_00001.ts
            #EXT-X-ENDLIST
            """;

    @Test
    void readWriteRead_fixture_isIdentical() {
        MediaPlaylist first = MediaPlaylist.parse(FIXTURE);
        String written = first.write();
        assertEquals(FIXTURE, written);
        assertEquals(first, MediaPlaylist.parse(written));
    }

    @Test
    void parse_fixture_readsEveryTag() {
        MediaPlaylist p = MediaPlaylist.parse(FIXTURE);
        assertTrue(p.ended());
        assertEquals(MediaPlaylist.Type.VOD, p.type().orElseThrow());
        assertEquals(2, p.entries().size());
        assertEquals(1_716_559_205_040L, p.entries().get(1).programDateTimeMs());
        assertEquals(1_960_000, p.entries().get(1).durationUs());
        assertTrue(p.entries().get(1).discontinuity());
    }

    @Test
    void write_live_hasNoEndListAndCarriesSequence() {
        String text = MediaPlaylist.live(42, List.of(new MediaPlaylist.Entry("a_42.ts", 2_000_000, 0, false))).write();
        assertTrue(text.contains("#EXT-X-MEDIA-SEQUENCE:42\n"));
        assertTrue(!text.contains("#EXT-X-ENDLIST"));
        assertTrue(!text.contains("#EXT-X-PLAYLIST-TYPE"));
    }

    @Test
    void targetDuration_roundsUpTheLongestSegment() {
        MediaPlaylist p = MediaPlaylist.vod(List.of(new MediaPlaylist.Entry("a.ts", 2_040_000, 0, false)));
        assertEquals(3, p.targetDurationS());
    }

    @Test
    void parse_notAPlaylist_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> MediaPlaylist.parse("<html>"));
    }

    @Test
    void multivariant_readWriteRead_keepsVariants() {
        MultivariantPlaylist p = new MultivariantPlaylist(List.of(
                new MultivariantPlaylist.Variant("rec_x_media_1_360.m3u8", 1_020_800, 640, 360, 25),
                new MultivariantPlaylist.Variant("rec_x_media_2_720.m3u8", 2_890_800, 1280, 720, 25)));
        assertEquals(p, MultivariantPlaylist.parse(p.write()));
    }
}
