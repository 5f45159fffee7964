package io.clipdesk.media.segment;

import io.clipdesk.engine.MediaException;
import io.clipdesk.media.FfmpegError;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;

import java.nio.file.Path;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

/**
 * Reads one MPEG-TS segment packet by packet: its first video and first audio stream, timestamps converted to
 * the 90 kHz MPEG clock.
 */
public final class TsSegmentReader implements AutoCloseable {

    public static final AVRational CLOCK_90K = av_make_q(1, 90_000);
    public static final int VIDEO = 0;
    public static final int AUDIO = 1;

    private final Path file;
    private final AVFormatContext input;
    private final AVStream[] streams = new AVStream[2];
    private final int[] indices = {-1, -1};
    private final AVRational[] timeBases = new AVRational[2];

    /**
     * @param probe analyse the streams fully (codec parameters for an output); later segments of the same stream
     *              skip it, which is where most of the open cost goes
     */
    public TsSegmentReader(Path file, boolean probe) {
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
                    indices[slot] = i;
                    timeBases[slot] = st.time_base();
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
    public AVStream stream(int slot) {
        return streams[slot];
    }

    /** Whether the segment has a stream in {@code slot}. */
    public boolean has(int slot) {
        return streams[slot] != null;
    }

    /**
     * Reads the next packet of the two streams into {@code packet}: {@code stream_index} set to the slot,
     * timestamps in {@link #CLOCK_90K}, dts never missing. False at the end of the segment.
     */
    public boolean next(AVPacket packet) {
        while (true) {
            int ret = av_read_frame(input, packet);
            if (ret == AVERROR_EOF()) {
                return false;
            }
            FfmpegError.check(ret, "cannot read segment " + file);
            int slot = slotOf(packet.stream_index());
            if (packet.dts() == AV_NOPTS_VALUE) {
                packet.dts(packet.pts());
            }
            if (slot < 0 || packet.dts() == AV_NOPTS_VALUE) {
                av_packet_unref(packet);
                continue;
            }
            av_packet_rescale_ts(packet, timeBases[slot], CLOCK_90K);
            packet.stream_index(slot);
            return true;
        }
    }

    private int slotOf(int streamIndex) {
        for (int slot = 0; slot < indices.length; slot++) {
            if (indices[slot] == streamIndex) {
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
