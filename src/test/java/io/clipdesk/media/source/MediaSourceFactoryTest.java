package io.clipdesk.media.source;

import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.PushAddress;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.media.MediaRuntime;
import io.clipdesk.media.testsignal.TestSignalSource;
import io.clipdesk.testing.FfmpegCli;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avformat.avio_enum_protocols;

import static org.junit.jupiter.api.Assertions.*;

class MediaSourceFactoryTest {

    private final MediaSourceFactory factory = new MediaSourceFactory();

    @Test
    void open_testSignal_givesTheTestSignalSource() {
        try (var source = factory.open(stream(SourceSpec.TEST_SIGNAL), 2000, Clock.systemUTC())) {
            assertInstanceOf(TestSignalSource.class, source);
        }
    }

    @Test
    void open_eachKind_givesItsAdapter() {
        assertInstanceOf(HlsPullSource.class, factory.open(stream(new SourceSpec(SourceKind.HLS_PULL,
                "http://127.0.0.1:1/live.m3u8")), 2000, Clock.systemUTC()));
        assertInstanceOf(PushSource.class, factory.open(stream(PushAddress.rtmp(19350).spec()), 2000,
                Clock.systemUTC()));
        assertInstanceOf(PushSource.class, factory.open(stream(PushAddress.srt(19000, "").spec()), 2000,
                Clock.systemUTC()));
        assertInstanceOf(FileLoopSource.class, factory.open(stream(new SourceSpec(SourceKind.FILE_LOOP, "/x.mp4")),
                2000, Clock.systemUTC()));
    }

    @Test
    void check_aFileThatIsNotMedia_isRefusedWithASentence(@TempDir Path dir) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a video");
        var e = assertThrows(InvalidRequestException.class,
                () -> factory.check(new SourceSpec(SourceKind.FILE_LOOP, notes.toString())));
        assertTrue(e.getMessage().startsWith("file " + notes + " is not a media file with video"), e.getMessage());
    }

    @Test
    void check_aMediaFile_andUnreachableUrls_areAccepted(@TempDir Path dir) {
        Path file = FfmpegCli.h264File(dir.resolve("ok.mp4"), 1);
        factory.check(new SourceSpec(SourceKind.FILE_LOOP, file.toString()));
        factory.check(new SourceSpec(SourceKind.HLS_PULL, "http://127.0.0.1:1/nobody-here.m3u8"));
    }

    /** Evidence for the push sources: the bytedeco GPL build listens natively (no librtmp) and carries libsrt. */
    @Test
    void ffmpegBuild_hasNativeRtmpAndLibsrt() {
        MediaRuntime.warmUp();
        List<String> inputs = new ArrayList<>();
        PointerPointer<Pointer> opaque = new PointerPointer<>(1);
        opaque.put(0L, (Pointer) null); // FFmpeg starts the walk from a NULL cursor; the allocation is not zeroed
        for (BytePointer name = avio_enum_protocols(opaque, 0); name != null; name = avio_enum_protocols(opaque, 0)) {
            inputs.add(name.getString());
        }
        assertTrue(inputs.containsAll(List.of("rtmp", "srt", "http", "https", "file")), inputs.toString());
        assertFalse(inputs.contains("librtmp"), "FFmpeg's own RTMP, which can listen");
    }

    @Test
    void open_segmentNotAWholeNumberOfFrames_isRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> factory.open(stream(SourceSpec.TEST_SIGNAL), 1010, Clock.systemUTC()));
    }

    private static LiveStream stream(SourceSpec source) {
        return new LiveStream(3, "Factory", source, true, 3600, "abcdefabcdef", 0, Rendition.DEFAULT_LADDER);
    }
}
