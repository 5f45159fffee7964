package io.clipdesk.media.clip;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.clip.SegmentTrimmer;
import io.clipdesk.media.DurableFile;
import io.clipdesk.media.MediaRuntime;
import io.clipdesk.media.ingest.SegmentCutter;
import io.clipdesk.media.ingest.VideoLadder;
import io.clipdesk.media.segment.TsSegmentReader;
import io.clipdesk.media.segment.TsSegmentWriter;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

/**
 * {@link SegmentTrimmer} in-process: reads the whole segment (one GOP or a few), keeps a decode-order prefix by
 * packet copy when that is exactly the frames wanted, else re-encodes them with {@link GopReencoder}. Audio is
 * copied whole AAC frames: from the first one at or after the first kept picture, up to the last one that ends
 * by the last kept picture's end. Stateless and thread-safe: each call has its own demuxer, codecs and muxer.
 */
public final class FfmpegSegmentTrimmer implements SegmentTrimmer {

    private static final long DEFAULT_FRAME_TICKS = 3_600; // 25 fps in 90 kHz
    private static final long AAC_FRAME_SAMPLES = 1024;
    /** One millisecond: audio ending this little after the last picture still counts as inside. */
    private static final long AUDIO_SLACK_TICKS = 90;

    public FfmpegSegmentTrimmer() {
        MediaRuntime.warmUp();
    }

    @Override
    public Optional<Trimmed> trim(Path source, Path target, Range range) {
        List<AVPacket> video = new ArrayList<>();
        List<AVPacket> audio = new ArrayList<>();
        Path temp = tempFile(target);
        try (TsSegmentReader reader = new TsSegmentReader(source, true)) {
            read(reader, video, audio);
            if (video.isEmpty()) {
                throw new MediaException("segment " + source.getFileName() + " holds no video to trim");
            }
            AVStream videoStream = reader.stream(TsSegmentReader.VIDEO);
            GopSelection gop = GopSelection.of(video, frameTicks(video, videoStream),
                    ticks(range.fromUs()), ticks(range.toUs()));
            if (gop.isEmpty()) {
                return Optional.empty();
            }
            List<AVPacket> audioKept = gop.audio(audio, audioFrameTicks(reader.stream(TsSegmentReader.AUDIO)),
                    AUDIO_SLACK_TICKS);
            TsSegmentWriter.Track audioTrack = audioKept.isEmpty() ? null : new TsSegmentWriter.Track(
                    reader.stream(TsSegmentReader.AUDIO).codecpar(), TsSegmentReader.CLOCK_90K);
            boolean foreign = false;
            if (gop.copyable()) {
                TsSegmentWriter.rewrite(temp, new TsSegmentWriter.Track(videoStream.codecpar(),
                        TsSegmentReader.CLOCK_90K), gop.copied(), audioTrack, audioKept);
            } else {
                foreign = reencode(temp, videoStream, range, video, gop, audioTrack, audioKept);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            DurableFile.syncDirectory(target.toAbsolutePath().getParent());
            return Optional.of(new Trimmed(ticksToUs(gop.firstKeptTicks() - gop.firstTicks()),
                    ticksToUs(gop.keptTicks()), !gop.copyable(), foreign));
        } catch (IOException e) {
            throw new MediaException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            SegmentCutter.freeAll(video);
            SegmentCutter.freeAll(audio);
            temp.toFile().delete();
        }
    }

    /** Writes the re-encoded GOP; true when its parameter sets differ from the segment's own. */
    private static boolean reencode(Path temp, AVStream videoStream, Range range, List<AVPacket> video,
                                    GopSelection gop, TsSegmentWriter.Track audioTrack, List<AVPacket> audioKept) {
        int fps = fps(videoStream);
        int gopFrames = Math.max(1, Math.round(fps * range.gopMs() / 1000f));
        List<AVPacket> encoded = List.of();
        AVCodecParameters params = null;
        try (GopReencoder reencoder = new GopReencoder(videoStream.codecpar(), range.rendition(), fps, gopFrames)) {
            long delay = video.get(0).pts() - video.get(0).dts();
            encoded = reencoder.reencode(video, gop::keeps, delay);
            params = reencoder.parameters();
            TsSegmentWriter.rewrite(temp, new TsSegmentWriter.Track(params, TsSegmentReader.CLOCK_90K), encoded,
                    audioTrack, audioKept);
            H264ParameterSets ours = H264ParameterSets.of(encoded.get(0));
            return ours.isEmpty() || !ours.sameAs(H264ParameterSets.of(video.get(0)));
        } finally {
            SegmentCutter.freeAll(encoded);
            avcodec_parameters_free(params);
        }
    }

    private static void read(TsSegmentReader reader, List<AVPacket> video, List<AVPacket> audio) {
        while (true) {
            AVPacket p = av_packet_alloc();
            if (!reader.next(p)) {
                av_packet_free(p);
                return;
            }
            if (p.pts() == AV_NOPTS_VALUE) {
                p.pts(p.dts());
            }
            (p.stream_index() == TsSegmentReader.VIDEO ? video : audio).add(p);
        }
    }

    /** The spacing of the pictures: the smallest step between presentation times, else the declared rate. */
    private static long frameTicks(List<AVPacket> video, AVStream stream) {
        long[] pts = video.stream().mapToLong(AVPacket::pts).sorted().toArray();
        long step = Long.MAX_VALUE;
        for (int i = 1; i < pts.length; i++) {
            if (pts[i] > pts[i - 1]) {
                step = Math.min(step, pts[i] - pts[i - 1]);
            }
        }
        if (step != Long.MAX_VALUE) {
            return step;
        }
        AVRational rate = stream.avg_frame_rate().num() > 0 ? stream.avg_frame_rate() : stream.r_frame_rate();
        return rate.num() > 0 && rate.den() > 0 ? 90_000L * rate.den() / rate.num() : DEFAULT_FRAME_TICKS;
    }

    private static long audioFrameTicks(AVStream audio) {
        if (audio == null || audio.codecpar().sample_rate() <= 0) {
            return 0;
        }
        long samples = audio.codecpar().frame_size() > 0 ? audio.codecpar().frame_size() : AAC_FRAME_SAMPLES;
        return samples * 90_000 / audio.codecpar().sample_rate();
    }

    /** The rate the DVR's encoder was opened with: the stream's, rounded, as {@link VideoLadder} does. */
    private static int fps(AVStream stream) {
        AVRational rate = stream.avg_frame_rate().num() > 0 ? stream.avg_frame_rate() : stream.r_frame_rate();
        int guessed = rate.num() > 0 && rate.den() > 0 ? (int) Math.round((double) rate.num() / rate.den()) : 25;
        return Math.max(1, Math.min(60, guessed));
    }

    private static long ticks(long micros) {
        return av_rescale_q(micros, SegmentCutter.MICROS, TsSegmentReader.CLOCK_90K);
    }

    private static long ticksToUs(long ticks) {
        return av_rescale_q(ticks, TsSegmentReader.CLOCK_90K, SegmentCutter.MICROS);
    }

    private static Path tempFile(Path target) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            return Files.createTempFile(dir, "." + target.getFileName() + "-", ".part");
        } catch (IOException e) {
            throw new MediaException("cannot write into " + target.getParent() + ": " + e.getMessage(), e);
        }
    }
}
