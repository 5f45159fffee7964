package io.clipdesk.media.source;

import io.clipdesk.engine.MediaException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HlsSourcePlaylistTest {

    private static final URI BASE = URI.create("https://origin.example/live/cam/index.m3u8");

    @Test
    void mediaPlaylist_givesSequencesResolvedUrisAndProgramDateTimeCarriedOnByDurations() {
        HlsSourcePlaylist p = HlsSourcePlaylist.parse("""
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-TARGETDURATION:4
                #EXT-X-MEDIA-SEQUENCE:120
                #EXT-X-PROGRAM-DATE-TIME:2026-05-24T12:00:00.000Z
                #EXTINF:4.000,
                a.ts
                #EXTINF:3.500,
                b.ts
                #EXT-X-DISCONTINUITY
                #EXTINF:4.000,
                /other/c.ts
                #EXT-X-PROGRAM-DATE-TIME:2026-05-24T12:01:00+0000
                #EXTINF:4.000,
                d.ts
                """, BASE);
        long noon = Instant.parse("2026-05-24T12:00:00Z").toEpochMilli();
        assertEquals(4000, p.targetDurationMs());
        assertFalse(p.ended());
        assertFalse(p.multivariant());
        List<HlsSourcePlaylist.Item> items = p.items();
        assertEquals(List.of(120L, 121L, 122L, 123L), items.stream().map(HlsSourcePlaylist.Item::sequence).toList());
        assertEquals(URI.create("https://origin.example/live/cam/a.ts"), items.get(0).uri());
        assertEquals(URI.create("https://origin.example/other/c.ts"), items.get(2).uri());
        assertEquals(noon, items.get(0).programDateTimeMs());
        assertEquals(noon + 4000, items.get(1).programDateTimeMs(), "carried on by the first one's duration");
        assertEquals(-1, items.get(2).programDateTimeMs(), "after a discontinuity the old clock says nothing");
        assertTrue(items.get(2).discontinuity());
        assertEquals(noon + 60_000, items.get(3).programDateTimeMs(), "offsets without a colon are read too");
        assertEquals(3_500_000, items.get(1).durationUs());
    }

    @Test
    void multivariantPlaylist_offersItsBestVariant() {
        HlsSourcePlaylist p = HlsSourcePlaylist.parse("""
                #EXTM3U
                #EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360
                360/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=5000000,RESOLUTION=1920x1080
                1080/index.m3u8
                """, BASE);
        assertTrue(p.multivariant());
        assertEquals(URI.create("https://origin.example/live/cam/1080/index.m3u8"), p.best().orElseThrow().uri());
    }

    @Test
    void fragmentedMp4_encrypted_andNotAPlaylist_areRefusedSayingWhy() {
        assertTrue(assertThrows(MediaException.class, () -> HlsSourcePlaylist.parse(
                "#EXTM3U\n#EXT-X-MAP:URI=\"init.mp4\"\n#EXTINF:2,\na.m4s\n", BASE)).getMessage()
                .contains("fragmented-MP4"));
        assertTrue(assertThrows(MediaException.class, () -> HlsSourcePlaylist.parse(
                "#EXTM3U\n#EXT-X-KEY:METHOD=AES-128,URI=\"k\"\n#EXTINF:2,\na.ts\n", BASE)).getMessage()
                .contains("encrypted (AES-128)"));
        assertTrue(assertThrows(MediaException.class, () -> HlsSourcePlaylist.parse("<html>", BASE)).getMessage()
                .contains("is not an HLS playlist"));
    }

    @Test
    void endList_marksAnEndedSource() {
        assertTrue(HlsSourcePlaylist.parse("#EXTM3U\n#EXTINF:2,\na.ts\n#EXT-X-ENDLIST\n", BASE).ended());
    }
}
