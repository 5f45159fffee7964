package io.clipdesk.media.clip;

import io.clipdesk.media.FfmpegError;
import io.clipdesk.media.segment.TsSegmentReader;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

/**
 * An MP4 being filled by packet copy from TS segments, moov moved to the front at the end. Timestamps go through a
 * {@link RemuxTimeline}, so the file starts at 0 and stays monotonic across segment joins and source gaps.
 */
final class Mp4Writer implements AutoCloseable {

    /** Enough to hold both streams' first packets at a segment start. */
    private static final int LOOKAHEAD_PACKETS = 64;

    private final Path file;
    private final AVFormatContext output;
    private final AVStream[] streams = new AVStream[2];
    private final RemuxTimeline timeline = new RemuxTimeline();
    private final long[] lastDts = {Long.MIN_VALUE, Long.MIN_VALUE};
    private final long[] lastDuration = new long[2];
    private final int[] indices = {-1, -1};
    private final AVRational[] timeBases = new AVRational[2];
    private final AVPacket scratch = av_packet_alloc();

    /** Opens {@code file} with one output stream per stream of {@code first}, parameters copied, no codec tag. */
    Mp4Writer(Path file, TsSegmentReader first) {
        this.file = file;
        AVFormatContext ctx = new AVFormatContext(null);
        // The muxer needs the name: faststart re-opens the file to move the moov atom to the front.
        FfmpegError.check(avformat_alloc_output_context2(ctx, null, "mp4", "file:" + file.toAbsolutePath()),
                "cannot create an MP4 muxer");
        this.output = ctx;
        AVDictionary options = new AVDictionary(null);
        try {
            for (int slot = 0; slot < streams.length; slot++) {
                AVStream in = first.stream(slot);
                if (in != null) {
                    AVStream out = avformat_new_stream(output, null);
                    FfmpegError.check(avcodec_parameters_copy(out.codecpar(), in.codecpar()), "cannot copy stream parameters");
                    // A TS codec tag means nothing in MP4; 0 lets the muxer pick avc1 / mp4a.
                    out.codecpar().codec_tag(0);
                    out.time_base(TsSegmentReader.CLOCK_90K);
                    streams[slot] = out;
                }
            }
            AVIOContext io = new AVIOContext(null);
            FfmpegError.check(avio_open(io, "file:" + file.toAbsolutePath(), AVIO_FLAG_WRITE), "cannot create " + file);
            output.pb(io);
            av_dict_set(options, "movflags", "+faststart", 0);
            FfmpegError.check(avformat_write_header(output, options), "cannot start " + file);
            for (int slot = 0; slot < streams.length; slot++) {
                if (streams[slot] != null) {
                    indices[slot] = streams[slot].index();
                    timeBases[slot] = streams[slot].time_base();
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        } finally {
            av_dict_free(options);
        }
    }

    /**
     * Copies one segment. The first few packets are held back to find the segment's earliest timestamp (audio may
     * start a little before video); the rest stream straight through one reused packet.
     */
    void append(TsSegmentReader segment) {
        List<AVPacket> head = new ArrayList<>();
        try {
            boolean more = true;
            boolean[] seen = new boolean[streams.length];
            while (head.size() < LOOKAHEAD_PACKETS && !seenEveryStream(segment, seen)) {
                AVPacket p = av_packet_alloc();
                head.add(p);
                if (!segment.next(p)) {
                    head.remove(head.size() - 1);
                    av_packet_free(p);
                    more = false;
                    break;
                }
                seen[p.stream_index()] = true;
            }
            // Presentation times, not decode times: with B-frames the first picture shows a reorder delay after its
            // decode time, and the file must start with that picture at 0 (decode times go negative, an edit list).
            long start = Long.MAX_VALUE;
            for (AVPacket p : head) {
                long pts = p.pts() == AV_NOPTS_VALUE ? p.dts() : p.pts();
                start = streams[p.stream_index()] != null ? Math.min(start, pts) : start;
            }
            if (start == Long.MAX_VALUE) {
                return;
            }
            timeline.beginSegment(start);
            for (AVPacket p : head) {
                write(p);
            }
            while (more && segment.next(scratch)) {
                write(scratch);
            }
        } finally {
            head.forEach(p -> av_packet_free(p));
        }
    }

    private boolean seenEveryStream(TsSegmentReader segment, boolean[] seen) {
        for (int slot = 0; slot < streams.length; slot++) {
            if (streams[slot] != null && segment.has(slot) && !seen[slot]) {
                return false;
            }
        }
        return true;
    }

    /** Places, rescales and writes one packet; leaves it blank. */
    private void write(AVPacket p) {
        int slot = p.stream_index();
        AVStream out = streams[slot];
        if (out == null) {
            av_packet_unref(p); // a stream the first segment did not have
            return;
        }
        if (p.duration() <= 0) {
            // Without a full probe the demuxer leaves some durations 0; the stream's spacing tells them.
            p.duration(lastDuration[slot]);
        }
        lastDuration[slot] = p.duration();
        long pts = timeline.place(p.pts() == AV_NOPTS_VALUE ? p.dts() : p.pts());
        timeline.extendTo(pts + p.duration());
        p.pts(pts).dts(timeline.place(p.dts()));
        av_packet_rescale_ts(p, TsSegmentReader.CLOCK_90K, timeBases[slot]);
        if (p.dts() <= lastDts[slot]) {
            // Overlap at a join: MP4 needs strictly increasing decode times.
            p.dts(lastDts[slot] + 1).pts(Math.max(p.pts(), lastDts[slot] + 1));
        }
        lastDts[slot] = p.dts();
        p.stream_index(indices[slot]).pos(-1);
        FfmpegError.check(av_interleaved_write_frame(output, p), "cannot write " + file);
    }

    /** Finishes the file (this is when faststart rewrites it with moov first); returns its duration. */
    long finish() {
        FfmpegError.check(av_write_trailer(output), "cannot finish " + file);
        return timeline.endTicks() * 1_000_000L / 90_000L;
    }

    @Override
    public void close() {
        av_packet_free(scratch);
        if (output.pb() != null) {
            avio_closep(output.pb());
        }
        avformat_free_context(output);
    }
}
