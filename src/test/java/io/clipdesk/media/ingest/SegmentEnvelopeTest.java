package io.clipdesk.media.ingest;

import io.clipdesk.engine.dvr.SegmentDraft;
import io.clipdesk.engine.sound.AudioEnvelope;
import io.clipdesk.engine.sound.WaveformRange;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.media.RecordingSink;
import io.clipdesk.media.source.FileLoopSource;
import io.clipdesk.testing.Beeps;
import io.clipdesk.testing.FfmpegCli;
import io.clipdesk.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every segment a source delivers carries the envelope of its own decoded audio, on the segment's clock: a file
 * that beeps on each of its whole seconds (where its keyframes, so its segments, start), remuxed with its AAC
 * copied, and transcoded from MPEG-4 and MP3, looped past its end.
 */
class SegmentEnvelopeTest {

    private static final int SEGMENT_MS = 1000;
    private static final long BEEP_MS = 100;
    private static final long TOLERANCE_MS = 20;

    @TempDir
    Path dir;

    @Test
    void remuxedAacSource_envelope_beepsWhereFfmpegHearsTheFile() {
        Path file = beepingFile(dir.resolve("beeps.mp4"), "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac");
        assertBeepsAtSegmentStarts(file, play(file, Rendition.DEFAULT_LADDER, 5));
    }

    @Test
    void transcodedMp3Source_envelope_beepsWhereFfmpegHearsTheFile() {
        // Matroska keeps no MP3 encoder delay, so every player hears these beeps a little late; so must we.
        Path file = beepingFile(dir.resolve("beeps.mkv"), "-c:v", "mpeg4", "-c:a", "libmp3lame");
        assertBeepsAtSegmentStarts(file, play(file, List.of(new Rendition("media_1_144", 256, 144, 300)), 5));
    }

    /**
     * Every segment measured its second of sound, and the segments' envelopes together (as the DVR serves them)
     * beep once per segment, as far after its program date-time as ffmpeg's own decoder hears the beep after the
     * file's keyframe, and are silent between.
     */
    private static void assertBeepsAtSegmentStarts(Path file, List<SegmentDraft> segments) {
        long offsetMs = beepOffsetMs(file);
        List<AudioEnvelope> envelopes = new ArrayList<>();
        for (SegmentDraft segment : segments) {
            assertTrue(segment.envelope().size() >= SEGMENT_MS / AudioEnvelope.BUCKET_MS - 2,
                    "each segment measured its second of sound: " + segment.envelope());
            envelopes.add(segment.envelope());
        }
        long fromMs = segments.get(0).startMs();
        SegmentDraft last = segments.get(segments.size() - 1);
        // The last segment's final AAC frame may reach into the next second's beep: stop short of it.
        long toMs = last.startMs() + last.durationUs() / 1000 - 2 * TOLERANCE_MS;
        AudioEnvelope all = WaveformRange.of(fromMs, toMs, 10_000).collect(envelopes);
        List<Long> onsets = Beeps.onsets(all);
        assertEquals(segments.size(), onsets.size(), "a beep per segment: " + onsets);
        for (int i = 0; i < segments.size(); i++) {
            assertEquals(segments.get(i).startMs() + offsetMs, onsets.get(i), TOLERANCE_MS,
                    "beep " + i + " sounds " + offsetMs + " ms after its segment's program date-time");
        }
        assertEquals(List.of(), Beeps.noiseOutside(all, onsets, BEEP_MS, 2 * TOLERANCE_MS), "silence between");
    }

    /** Where ffmpeg hears the second beep of the file begin, less the second it is on. */
    private static long beepOffsetMs(Path file) {
        String out = FfmpegCli.runForOutput("-i", file.toString(), "-af", "silencedetect=n=-30dB:d=0.05", "-f",
                "null", "-");
        Matcher end = Pattern.compile("silence_end: ([0-9.]+)").matcher(out);
        assertTrue(end.find(), "ffmpeg hears the silence after the first beep end:\n" + out);
        return Math.round(Double.parseDouble(end.group(1)) * 1000) - 1000;
    }

    /** Plays the file as live until {@code count} segments came, past its loop point (it is 3 s long). */
    private List<SegmentDraft> play(Path file, List<Rendition> ladder, int count) {
        LiveStream stream = new LiveStream(4, "Beeps", new SourceSpec(SourceKind.FILE_LOOP, file.toString()), true,
                3600, "abcdefabcdef", 0, ladder);
        MutableClock clock = MutableClock.atWholeSecond();
        RecordingSink sink = new RecordingSink(dir);
        try (FileLoopSource source = new FileLoopSource(stream, SEGMENT_MS, clock)) {
            source.start(sink);
            for (int i = 1; i <= count; i++) {
                clock.advance(Duration.ofMillis(SEGMENT_MS));
                sink.awaitSegments(i);
            }
        }
        return List.copyOf(sink.segments.subList(0, count));
    }

    /** 3 s of the test picture (a keyframe a second) with a 100 ms 1 kHz beep at each of its whole seconds. */
    private static Path beepingFile(Path file, String... codecs) {
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25",
                "-f", "lavfi", "-i", "aevalsrc=if(lt(mod(t\\,1)\\,0.1)\\,0.5*sin(2*PI*1000*t)\\,0):s=48000", "-ac", "2",
                "-g", "25", "-keyint_min", "25", "-sc_threshold", "0", "-pix_fmt", "yuv420p", "-t", "3"));
        args.addAll(List.of(codecs));
        args.add(file.toString());
        FfmpegCli.run(args.toArray(String[]::new));
        return file;
    }
}
