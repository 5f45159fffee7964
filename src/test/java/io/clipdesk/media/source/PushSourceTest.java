package io.clipdesk.media.source;

import io.clipdesk.engine.dvr.SegmentDraft;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.PushAddress;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.media.RecordingSink;
import io.clipdesk.testing.FfmpegCli;
import io.clipdesk.testing.Ffprobe;
import io.clipdesk.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RTMP and SRT pushed by the ffmpeg CLI into the push source, without the engine. */
class PushSourceTest {

    private static final int SEGMENT_MS = 1000;

    @TempDir
    Path dir;

    private static LiveStream stream(PushAddress address) {
        return new LiveStream(9, "Push", address.spec(), true, 3600, "abcdefabcdef", 0, Rendition.DEFAULT_LADDER);
    }

    @Test
    void rtmpPush_ofH264Aac_isRemuxedIntoKeyframeLedSegmentsOfOneRenditionAtTheSourceSize() throws Exception {
        int port = FfmpegCli.freeTcpPort();
        MutableClock clock = MutableClock.atWholeSecond();
        RecordingSink sink = new RecordingSink(dir);
        LiveStream stream = stream(PushAddress.rtmp(port));
        try (PushSource source = new PushSource(stream, SEGMENT_MS, clock, PushAddress.ANY_INTERFACE)) {
            source.start(sink);
            sink.awaitHealth(SourceHealth.DISCONNECTED, "waiting for an encoder on RTMP port " + port);
            Process encoder = FfmpegCli.push(PushAddress.rtmp(port).pushUrl("127.0.0.1", stream.mediaKey()), "flv", 3);
            assertEquals(0, encoder.waitFor(), "the encoder pushed to the end");
            sink.awaitHealth(SourceHealth.DISCONNECTED, "the encoder disconnected");
        }
        List<SegmentDraft> segments = sink.segments;
        assertTrue(segments.size() >= 3, "3 s in 1 s segments, the last one flushed at disconnect: " + segments);
        assertEquals(List.of(List.of(new Rendition("media_1_180", 320, 180, sink.renditions.get(0).get(0).videoKbps()))),
                sink.renditions, "one rendition at the source's size, told before the first segment");
        assertTrue(segments.get(0).discontinuity(), "a connection starts a new timeline");
        assertFalse(segments.get(1).discontinuity());
        SegmentDraft second = segments.get(1);
        assertEquals(1_000_000, second.durationUs(), 1_000, "cut at the source's keyframe, one per second");
        assertEquals(segments.get(0).startMs() + segments.get(0).durationUs() / 1000, second.startMs(), 1,
                "stamped by media time from one anchor: no gaps between segments of a session");
        Path ts = second.renditionFiles().get("media_1_180");
        assertEquals(List.of("h264", "aac"), Ffprobe.codecs(ts));
        assertTrue(Ffprobe.firstVideoPacketFlags(ts).startsWith("K"), "segment starts on a keyframe");
        assertEquals("", Ffprobe.decodeErrors(ts.toString()));
        assertTrue(second.thumbnailFile().toFile().length() > 500, "a thumbnail of the keyframe");
    }

    @Test
    void rtmpPush_withAWrongStreamKey_isDroppedBeforeAnyMedia_andTheRightKeyIsTakenOnTheSamePortAfterwards()
            throws Exception {
        int port = FfmpegCli.freeTcpPort();
        RecordingSink sink = new RecordingSink(dir);
        LiveStream stream = stream(PushAddress.rtmp(port));
        try (PushSource source = new PushSource(stream, SEGMENT_MS, MutableClock.atWholeSecond(),
                PushAddress.ANY_INTERFACE)) {
            source.start(sink);
            sink.awaitHealth(SourceHealth.DISCONNECTED, "waiting for an encoder on RTMP port " + port);
            Process intruder = pushUntilRefused(sink, PushAddress.rtmp(port).pushUrl("127.0.0.1", "not-the-key"));
            assertTrue(intruder.exitValue() != 0, "the encoder with the wrong key is cut off, not served to its end");
            sink.awaitHealth(SourceHealth.DISCONNECTED, "refused a push with the wrong stream key from 127.0.0.1; "
                    + "check the key in the encoder; waiting for an encoder on RTMP port " + port);
            assertEquals(List.of(), sink.segments, "nothing of the wrong key's media reached the DVR");
            assertEquals(List.of(), sink.renditions);

            Process encoder = FfmpegCli.push(PushAddress.rtmp(port).pushUrl("127.0.0.1", stream.mediaKey()), "flv", 2);
            assertEquals(0, encoder.waitFor(), "the right key is taken on the same port");
            sink.awaitSegments(2);
        }
        Path ts = sink.segments.get(1).renditionFiles().get("media_1_180");
        assertEquals(List.of("h264", "aac"), Ffprobe.codecs(ts));
        assertEquals("", Ffprobe.decodeErrors(ts.toString()));
    }

    /** Pushes with a wrong key until the listener has turned one push away (the first may come before it listens). */
    private static Process pushUntilRefused(RecordingSink sink, String url) throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            Process push = FfmpegCli.startPush(url, "flv", 2);
            if (!push.waitFor(30, TimeUnit.SECONDS)) {
                push.destroyForcibly();
                throw new AssertionError("a push with the wrong key was neither refused nor ended");
            }
            if (sink.health.stream().anyMatch(h -> h.detail().contains("wrong stream key"))) {
                return push;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no push with the wrong key was refused; health: " + sink.health);
    }

    @Test
    void srtPush_withPassphrase_isListenedForOnItsPortAndRemuxed() throws Exception {
        int port = FfmpegCli.freeUdpPort();
        PushAddress address = PushAddress.srt(port, "correct-horse-battery");
        MutableClock clock = MutableClock.atWholeSecond();
        RecordingSink sink = new RecordingSink(dir);
        LiveStream stream = stream(address);
        try (PushSource source = new PushSource(stream, SEGMENT_MS, clock, PushAddress.ANY_INTERFACE)) {
            source.start(sink);
            sink.awaitHealth(SourceHealth.DISCONNECTED, "waiting for an encoder on SRT port " + port);
            Process encoder = FfmpegCli.push(address.pushUrl("127.0.0.1", stream.mediaKey()), "mpegts", 3);
            assertEquals(0, encoder.waitFor(), "the encoder pushed to the end");
            sink.awaitSegments(2);
        }
        SegmentDraft second = sink.segments.get(1);
        Path ts = second.renditionFiles().get("media_1_180");
        assertEquals(List.of("h264", "aac"), Ffprobe.codecs(ts));
        assertTrue(Ffprobe.firstVideoPacketFlags(ts).startsWith("K"), "segment starts on a keyframe");
        assertEquals(1_000_000, second.durationUs(), 1_000);
    }

    @Test
    void srtPush_withAWrongPassphrase_isRefusedAndNothingIsRecorded() throws Exception {
        int port = FfmpegCli.freeUdpPort();
        MutableClock clock = MutableClock.atWholeSecond();
        RecordingSink sink = new RecordingSink(dir);
        LiveStream stream = stream(PushAddress.srt(port, "correct-horse-battery"));
        try (PushSource source = new PushSource(stream, SEGMENT_MS, clock, PushAddress.ANY_INTERFACE)) {
            source.start(sink);
            sink.awaitHealth(SourceHealth.DISCONNECTED, "waiting for an encoder on SRT port " + port);
            Process intruder = FfmpegCli.startPush(PushAddress.srt(port, "wrong-horse-battery").pushUrl("127.0.0.1", "x"),
                    "mpegts", 2);
            assertTrue(intruder.waitFor() != 0, "the caller with the wrong passphrase is turned away");
        }
        assertEquals(List.of(), sink.segments);
    }

    /** JavaCPP allows ten live callbacks per type; every listener must still give up its blocking accept on close. */
    @Test
    void twelveListeners_waitingForEncoders_allStopWhenClosed() {
        List<PushSource> sources = new java.util.ArrayList<>();
        List<RecordingSink> sinks = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            LiveStream s = new LiveStream(100 + i, "Listener " + i, PushAddress.rtmp(FfmpegCli.freeTcpPort()).spec(),
                    true, 3600, "abcdefabcdef", 0, Rendition.DEFAULT_LADDER);
            PushSource source = new PushSource(s, SEGMENT_MS, MutableClock.atWholeSecond(), PushAddress.ANY_INTERFACE);
            RecordingSink sink = new RecordingSink(dir);
            source.start(sink);
            sources.add(source);
            sinks.add(sink);
        }
        sinks.forEach(sink -> sink.awaitHealth(SourceHealth.DISCONNECTED, "waiting for an encoder"));
        sources.forEach(PushSource::close);
        List<String> stillRunning = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.matches("ingest-1[01][0-9]")).toList();
        assertEquals(List.of(), stillRunning);
    }
}
