package io.clipdesk.media.decode;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.SegmentMedia;
import io.clipdesk.engine.sound.SoundDecoder;
import io.clipdesk.media.FfmpegLog;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ShortBuffer;
import java.util.Optional;

/**
 * {@link SoundDecoder} over javacv's FFmpegFrameGrabber: one grabber per segment that demuxes but never decodes
 * the picture, resampled by FFmpeg to 48 kHz stereo s16. Offsets are taken from the video stream's first
 * timestamp (TS timestamps start near 1.4 s), the origin {@link FfmpegFrameDecoder} uses for pictures. Half speed
 * goes through FFmpeg's {@code atempo} filter, which stretches time and keeps the pitch.
 */
public final class FfmpegSoundDecoder implements SoundDecoder {

    private static final double HALF = 0.5;

    public FfmpegSoundDecoder() {
        FfmpegLog.install();
    }

    @Override
    public Optional<Cursor> open(SegmentMedia segmentFile, double tempo) {
        return open(segmentFile, new byte[0], tempo);
    }

    @Override
    public Optional<Cursor> openAfter(SegmentMedia segment, SegmentMedia previous, double tempo) {
        byte[] prefix;
        try (InputStream in = previous.open()) {
            prefix = SoundPriming.from(in.readAllBytes());
        } catch (IOException e) {
            prefix = new byte[0]; // played as if opened alone: a tick at the join, nothing worse
        }
        return open(segment, prefix, tempo);
    }

    /** @param prefix MPEG-TS packets the decoder reads first ({@link SoundPriming}), their sound before offset 0 */
    private Optional<Cursor> open(SegmentMedia segmentFile, byte[] prefix, double tempo) {
        if (tempo != 1 && !keepsPitchAt(tempo)) {
            throw new IllegalArgumentException("sound is kept at 1× and 0.5× only, not " + tempo + "×");
        }
        FFmpegFrameGrabber g = SegmentGrabbers.of(segmentFile, prefix);
        g.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
        g.setSampleRate(SAMPLE_RATE);
        g.setAudioChannels(CHANNELS);
        try {
            SegmentGrabbers.start(g, segmentFile);
        } catch (FrameGrabber.Exception e) {
            release(g);
            throw new MediaException("cannot open the sound of segment " + segmentFile.name(), e);
        }
        if (!g.hasAudio()) {
            release(g);
            return Optional.empty();
        }
        if (prefix.length > 0 && g.getVideoStream() < 0) {
            // Without a picture the offsets count from the container's start, which would be the primer's.
            release(g);
            return open(segmentFile, new byte[0], tempo);
        }
        return Optional.of(new FfmpegSoundCursor(segmentFile, g, originUs(g), tempo == 1 ? null : stretcher(g)));
    }

    @Override
    public boolean keepsPitchAt(double tempo) {
        return tempo == HALF;
    }

    /** The first video timestamp, the player's offset zero; the container's start when there is no picture. */
    private static long originUs(FFmpegFrameGrabber g) {
        AVFormatContext fc = g.getFormatContext();
        int video = g.getVideoStream();
        if (video >= 0) {
            AVStream st = fc.streams(video);
            if (st.start_time() != avutil.AV_NOPTS_VALUE) {
                return st.start_time() * 1_000_000L * st.time_base().num() / st.time_base().den();
            }
        }
        return fc.start_time() == avutil.AV_NOPTS_VALUE ? 0 : fc.start_time();
    }

    private static FFmpegFrameFilter stretcher(FFmpegFrameGrabber g) {
        FFmpegFrameFilter filter = new FFmpegFrameFilter(null, "atempo=" + HALF, 0, 0, CHANNELS);
        filter.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
        filter.setSampleRate(SAMPLE_RATE);
        try {
            filter.start();
            return filter;
        } catch (FrameFilter.Exception e) {
            release(g);
            throw new MediaException("cannot slow the sound down (atempo)", e);
        }
    }

    static void release(FFmpegFrameGrabber g) {
        try {
            g.close();
        } catch (FrameGrabber.Exception e) {
            // Closing a half-open native context: nothing left to recover.
        }
    }

    private static final class FfmpegSoundCursor implements Cursor {
        private final SegmentMedia file;
        private final FFmpegFrameGrabber grabber;
        private final long originUs;
        private final FFmpegFrameFilter stretch;
        private long stretchedFromUs = Long.MIN_VALUE;
        private long stretchedFrames;
        private boolean drained;

        FfmpegSoundCursor(SegmentMedia file, FFmpegFrameGrabber grabber, long originUs, FFmpegFrameFilter stretch) {
            this.file = file;
            this.grabber = grabber;
            this.originUs = originUs;
            this.stretch = stretch;
        }

        @Override
        public Block next() {
            try {
                return stretch == null ? decoded() : stretched();
            } catch (FrameGrabber.Exception | FrameFilter.Exception e) {
                throw new MediaException("cannot decode the sound of segment " + file.name(), e);
            }
        }

        private Block decoded() throws FrameGrabber.Exception {
            Frame frame = grabber.grabFrame(true, false, true, false, false);
            while (frame != null && frame.samples == null) {
                frame = grabber.grabFrame(true, false, true, false, false);
            }
            return frame == null ? null : new Block(frame.timestamp - originUs, copy(frame));
        }

        /** At half speed each output sample stands for half a sample of media time. */
        private Block stretched() throws FrameGrabber.Exception, FrameFilter.Exception {
            while (true) {
                Frame out = stretch.pullSamples();
                if (out != null && out.samples != null) {
                    short[] samples = copy(out);
                    long offsetUs = stretchedFromUs + Math.round(stretchedFrames * HALF * 1e6 / SAMPLE_RATE);
                    stretchedFrames += samples.length / CHANNELS;
                    return new Block(offsetUs, samples);
                }
                if (drained) {
                    return null;
                }
                Block in = decoded();
                if (in == null) {
                    drained = true;
                    stretch.push(null); // flush the filter's tail
                    continue;
                }
                if (stretchedFromUs == Long.MIN_VALUE) {
                    stretchedFromUs = in.offsetUs();
                }
                stretch.pushSamples(0, CHANNELS, SAMPLE_RATE, avutil.AV_SAMPLE_FMT_S16, ShortBuffer.wrap(in.samples()));
            }
        }

        private static short[] copy(Frame frame) {
            ShortBuffer buffer = ((ShortBuffer) frame.samples[0]).duplicate();
            short[] samples = new short[buffer.remaining()];
            buffer.get(samples);
            return samples;
        }

        @Override
        public void close() {
            if (stretch != null) {
                try {
                    stretch.close();
                } catch (FrameFilter.Exception e) {
                    // The filter graph is freed either way.
                }
            }
            release(grabber);
        }
    }
}
