package io.clipdesk.media.segment;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.media.DurableFile;
import io.clipdesk.media.FfmpegError;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.av_free;

/**
 * Writes one rendition of one MPEG-TS segment packet by packet as the encoders make them, into memory, and hands
 * what the muxer has written to a {@link LiveSegment} at every {@link #flush()}, so a player can decode the segment
 * while it is made. At the end the same bytes become the segment's file, fsynced: what a player read live and what
 * the DVR keeps are one and the same. Timestamps as {@link TsSegmentWriter} writes them (its origin, a fresh muxer
 * per segment), so the segments splice. One owner thread.
 */
public final class GrowingTsWriter implements AutoCloseable {

    private final LiveSegment live;
    private final TsSegmentWriter.Track videoTrack;
    private final TsSegmentWriter.Track audioTrack;
    private final AVFormatContext out;
    private final AVStream videoStream;
    private final AVStream audioStream;
    private final AVPacket scratch = av_packet_alloc();
    private final PointerPointer<BytePointer> buffer = new PointerPointer<>(1);
    private byte[] copy = new byte[64 * 1024];
    private int handedOver;
    private boolean open;

    /** @param audio null for a source without sound */
    public GrowingTsWriter(LiveSegment live, TsSegmentWriter.Track video, TsSegmentWriter.Track audio) {
        this.live = live;
        this.videoTrack = video;
        this.audioTrack = audio;
        AVFormatContext ctx = new AVFormatContext(null);
        FfmpegError.check(avformat_alloc_output_context2(ctx, null, "mpegts", (String) null),
                "cannot create an MPEG-TS muxer");
        this.out = ctx;
        try {
            videoStream = TsSegmentWriter.addStream(out, video);
            audioStream = audio == null ? null : TsSegmentWriter.addStream(out, audio);
            AVIOContext io = new AVIOContext(null);
            FfmpegError.check(avio_open_dyn_buf(io), "cannot allocate a segment in memory");
            out.pb(io);
            open = true;
            FfmpegError.check(avformat_write_header(out, (org.bytedeco.ffmpeg.avutil.AVDictionary) null),
                    "cannot start " + live);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** One video packet in the video track's time base (not consumed). */
    public void video(AVPacket packet) {
        TsSegmentWriter.write(out, scratch, packet, videoTrack.timeBase(), videoStream, TsSegmentWriter.ORIGIN_US);
    }

    /** One audio packet in the audio track's time base (not consumed). */
    public void audio(AVPacket packet) {
        TsSegmentWriter.write(out, scratch, packet, audioTrack.timeBase(), audioStream, TsSegmentWriter.ORIGIN_US);
    }

    /** Hands what the muxer has written so far to the live segment. */
    public void flush() {
        avio_flush(out.pb());
        int size = avio_get_dyn_buf(out.pb(), buffer);
        int n = size - handedOver;
        if (n <= 0) {
            return;
        }
        if (copy.length < n) {
            copy = new byte[Math.max(n, copy.length * 2)];
        }
        BytePointer data = buffer.get(BytePointer.class, 0);
        data.position(handedOver).get(copy, 0, n);
        handedOver = size;
        live.append(copy, 0, n);
    }

    /** Ends the segment and writes it whole to {@code file}, fsynced; the live segment holds the same bytes. */
    public void finish(Path file) {
        FfmpegError.check(av_write_trailer(out), "cannot finish " + live);
        flush();
        try {
            Files.write(file, live.copyBytes());
        } catch (IOException e) {
            throw new MediaException("cannot write " + file + ": " + e.getMessage(), e);
        }
        DurableFile.sync(file);
    }

    @Override
    public void close() {
        av_packet_free(scratch);
        if (open) {
            avio_close_dyn_buf(out.pb(), buffer);
            av_free(buffer.get(0));
            out.pb(null);
            open = false;
        }
        avformat_free_context(out);
        buffer.close();
    }
}
