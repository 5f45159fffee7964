package io.clipdesk.media;

import io.clipdesk.engine.MediaException;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
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
 * Reads one MPEG-TS segment: its first video and first audio stream, all packets at once (a segment is a
 * couple of seconds), timestamps converted to the 90 kHz MPEG clock.
 */
final class TsSegmentReader implements AutoCloseable {

    static final AVRational CLOCK_90K = av_make_q(1, 90_000);
    static final int VIDEO = 0;
    static final int AUDIO = 1;

    private final Path file;
    private final AVFormatContext input;
    private final AVStream[] streams = new AVStream[2];

    /**
     * @param probe analyse the streams fully (codec parameters for an output); later segments of the same stream
     *              skip it, which is where most of the open cost goes
     */
    TsSegmentReader(Path file, boolean probe) {
        this.file = file;
        AVFormatContext ctx = new AVFormatContext(null);
        FfmpegError.check(avformat_open_input(ctx, "file:" + file.toAbsolutePath(), av_find_input_format("mpegts"),
                (AVDictionary) null), "cannot read segment " + file);
        this.input = ctx;
        try {
            if (probe) {
                FfmpegError.check(avformat_find_stream_info(input, (AVDictionary) null), "cannot read segment " + file);
            }
            for (int i = 0; i < input.nb_streams(); i++) {
                AVStream st = input.streams(i);
                int type = st.codecpar().codec_type();
                int slot = type == AVMEDIA_TYPE_VIDEO ? VIDEO : type == AVMEDIA_TYPE_AUDIO ? AUDIO : -1;
                if (slot >= 0 && streams[slot] == null) {
                    streams[slot] = st;
                }
            }
            if (streams[VIDEO] == null && streams[AUDIO] == null) {
                throw new MediaException("cannot read segment " + file + ": it holds no audio or video");
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The stream in {@code slot} ({@link #VIDEO} or {@link #AUDIO}), or null when the segment has none. */
    AVStream stream(int slot) {
        return streams[slot];
    }

    /**
     * Every packet of the two streams in file order, {@code stream_index} set to the slot and timestamps in
     * {@link #CLOCK_90K}. The caller owns the packets.
     */
    List<AVPacket> readAll() {
        List<AVPacket> packets = new ArrayList<>();
        try {
            while (true) {
                AVPacket p = av_packet_alloc();
                int ret = av_read_frame(input, p);
                if (ret == AVERROR_EOF()) {
                    av_packet_free(p);
                    fillDurations(packets);
                    return packets;
                }
                if (ret < 0) {
                    av_packet_free(p);
                    FfmpegError.check(ret, "cannot read segment " + file);
                }
                int slot = slotOf(p.stream_index());
                if (slot < 0 || (p.dts() == AV_NOPTS_VALUE && p.pts() == AV_NOPTS_VALUE)) {
                    av_packet_free(p);
                    continue;
                }
                if (p.dts() == AV_NOPTS_VALUE) {
                    p.dts(p.pts());
                }
                av_packet_rescale_ts(p, streams[slot].time_base(), CLOCK_90K);
                p.stream_index(slot);
                packets.add(p);
            }
        } catch (RuntimeException e) {
            packets.forEach(p -> av_packet_free(p));
            throw e;
        }
    }

    /**
     * Without a full probe the demuxer leaves some durations 0: the next packet of the stream tells them, and a
     * stream's last packet lasts as long as the one before it.
     */
    private static void fillDurations(List<AVPacket> packets) {
        AVPacket[] previous = new AVPacket[2];
        long[] lastKnown = new long[2];
        for (AVPacket p : packets) {
            int slot = p.stream_index();
            AVPacket prev = previous[slot];
            if (prev != null && prev.duration() <= 0 && p.dts() > prev.dts()) {
                prev.duration(p.dts() - prev.dts());
            }
            if (prev != null && prev.duration() > 0) {
                lastKnown[slot] = prev.duration();
            }
            previous[slot] = p;
        }
        for (int slot = 0; slot < previous.length; slot++) {
            if (previous[slot] != null && previous[slot].duration() <= 0) {
                previous[slot].duration(lastKnown[slot]);
            }
        }
    }

    private int slotOf(int streamIndex) {
        for (int slot = 0; slot < streams.length; slot++) {
            if (streams[slot] != null && streams[slot].index() == streamIndex) {
                return slot;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        avformat_close_input(input);
    }
}
