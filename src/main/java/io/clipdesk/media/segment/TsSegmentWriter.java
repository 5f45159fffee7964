package io.clipdesk.media.segment;

import io.clipdesk.engine.MediaException;
import io.clipdesk.media.DurableFile;
import io.clipdesk.media.Encoder;
import io.clipdesk.media.FfmpegError;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;

import java.nio.file.Path;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

/**
 * Writes one MPEG-TS segment from already encoded packets, then fsyncs it. Each segment gets a fresh muxer, so
 * each file starts with its own PAT/PMT and can be played, copied or deleted on its own; the packets keep the
 * stream's running timestamps, so consecutive files concatenate into one continuous stream.
 */
public final class TsSegmentWriter {

    /**
     * Added to every timestamp: AAC's priming packet sits 1024 samples before media time 0 and MPEG-TS has no
     * negative timestamps. A constant, so continuity across segments is untouched.
     */
    static final long ORIGIN_US = 1_000_000;

    /** What one elementary stream of the file is: codec parameters and the time base its packets are in. */
    public record Track(AVCodecParameters params, AVRational timeBase) {

        public static Track of(Encoder encoder) {
            AVCodecParameters params = avcodec_parameters_alloc();
            FfmpegError.check(avcodec_parameters_from_context(params, encoder.context()),
                    "cannot describe the encoded stream");
            return new Track(params, encoder.timeBase());
        }
    }

    private TsSegmentWriter() {
    }

    /**
     * Packets of each track in that track's time base, in decode order; neither list is consumed or freed.
     * {@code audio} may be null (a source without sound).
     */
    public static void write(Path file, Track video, List<AVPacket> videoPackets, Track audio, List<AVPacket> audioPackets) {
        write(file, video, videoPackets, audio, audioPackets, false);
    }

    /**
     * Like {@link #write(Path, Track, List, Track, List)} for packets read back from a segment this class wrote
     * (timestamps as in that file, 90 kHz): they go into the new file unchanged, so it splices with its neighbours.
     */
    public static void rewrite(Path file, Track video, List<AVPacket> videoPackets, Track audio, List<AVPacket> audioPackets) {
        write(file, video, videoPackets, audio, audioPackets, true);
    }

    private static void write(Path file, Track video, List<AVPacket> videoPackets, Track audio,
                              List<AVPacket> audioPackets, boolean asRead) {
        AVFormatContext out = new AVFormatContext(null);
        FfmpegError.check(avformat_alloc_output_context2(out, null, "mpegts", (String) null),
                "cannot create an MPEG-TS muxer");
        AVPacket scratch = av_packet_alloc();
        try {
            AVStream vs = addStream(out, video);
            AVStream as = audio == null ? null : addStream(out, audio);
            AVIOContext io = new AVIOContext(null);
            FfmpegError.check(avio_open(io, "file:" + file.toAbsolutePath(), AVIO_FLAG_WRITE), "cannot create " + file);
            out.pb(io);
            // The muxer adds its own delay to every timestamp; stamps read back from a segment already carry it.
            AVDictionary options = new AVDictionary(null);
            if (asRead) {
                av_dict_set(options, "mpegts_copyts", "1", 0);
            }
            try {
                FfmpegError.check(avformat_write_header(out, options), "cannot start " + file);
            } finally {
                av_dict_free(options);
            }
            long originUs = asRead ? 0 : ORIGIN_US;
            int v = 0;
            int a = 0;
            while (v < videoPackets.size() || a < audioPackets.size()) {
                boolean takeVideo = a == audioPackets.size() || (v < videoPackets.size()
                        && av_compare_ts(videoPackets.get(v).dts(), video.timeBase(),
                        audioPackets.get(a).dts(), audio.timeBase()) <= 0);
                if (takeVideo) {
                    write(out, scratch, videoPackets.get(v++), video.timeBase(), vs, originUs);
                } else {
                    write(out, scratch, audioPackets.get(a++), audio.timeBase(), as, originUs);
                }
            }
            FfmpegError.check(av_write_trailer(out), "cannot finish " + file);
        } finally {
            av_packet_free(scratch);
            if (out.pb() != null) {
                avio_closep(out.pb());
            }
            avformat_free_context(out);
        }
        DurableFile.sync(file);
    }

    static AVStream addStream(AVFormatContext out, Track track) {
        AVStream st = avformat_new_stream(out, null);
        if (st == null) {
            throw new MediaException("cannot add a stream to the MPEG-TS muxer");
        }
        FfmpegError.check(avcodec_parameters_copy(st.codecpar(), track.params()), "cannot describe the stream");
        st.codecpar().codec_tag(0); // tags of the source container (FLV, MP4) mean nothing in TS
        st.time_base(track.timeBase());
        return st;
    }

    static void write(AVFormatContext out, AVPacket scratch, AVPacket packet, AVRational from, AVStream st,
                              long originUs) {
        FfmpegError.check(av_packet_ref(scratch, packet), "cannot reference a packet");
        long origin = av_rescale(originUs, from.den(), 1_000_000L * from.num());
        scratch.pts(scratch.pts() + origin).dts(scratch.dts() + origin);
        av_packet_rescale_ts(scratch, from, st.time_base());
        scratch.stream_index(st.index());
        int ret = av_write_frame(out, scratch);
        av_packet_unref(scratch);
        FfmpegError.check(ret, "cannot write a packet");
    }
}
