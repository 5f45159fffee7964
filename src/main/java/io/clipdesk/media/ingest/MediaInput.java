package io.clipdesk.media.ingest;

import io.clipdesk.engine.MediaException;
import io.clipdesk.media.FfmpegError;
import io.clipdesk.media.InterruptCallback;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;

import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

/**
 * One open FFmpeg input — a URL FFmpeg listens on, or a file — read packet by packet: its best video stream and
 * the audio stream that goes with it. Every blocking call gives up as soon as {@code abort} says so (the owner
 * stopping, or the source silent too long by the injected clock): FFmpeg polls the {@link InterruptCallback} about
 * every 100 ms while it waits on the network. Owned by one ingest thread.
 */
public final class MediaInput implements AutoCloseable {

    public static final int VIDEO = 0;
    static final int AUDIO = 1;

    private final String name;
    private final AVFormatContext context;
    private final InterruptCallback.Registration interrupt;
    private final BooleanSupplier abort;
    private final AVStream[] streams = new AVStream[2];
    private final int[] indices = {-1, -1};

    /**
     * @param name    how errors name the input (never a passphrase)
     * @param format  demuxer name, or null to probe
     * @param options protocol and demuxer options (listen, passphrase, …)
     */
    public MediaInput(String name, String url, String format, Map<String, String> options, BooleanSupplier abort) {
        this.name = name;
        this.abort = abort;
        AVFormatContext ctx = avformat_alloc_context();
        this.interrupt = InterruptCallback.attach(ctx, abort);
        AVDictionary dict = new AVDictionary(null);
        options.forEach((k, v) -> av_dict_set(dict, k, v, 0));
        AVInputFormat input = format == null ? null : av_find_input_format(format);
        try {
            // On failure avformat_open_input frees the context itself.
            check(avformat_open_input(ctx, url, input, dict), "cannot open");
        } catch (RuntimeException e) {
            interrupt.close();
            throw e;
        } finally {
            av_dict_free(dict);
        }
        this.context = ctx;
        try {
            check(avformat_find_stream_info(context, (AVDictionary) null), "cannot read the stream layout of");
            int video = av_find_best_stream(context, AVMEDIA_TYPE_VIDEO, -1, -1, (org.bytedeco.ffmpeg.avcodec.AVCodec) null, 0);
            if (video < 0) {
                throw new MediaException(name + " carries no video");
            }
            int audio = av_find_best_stream(context, AVMEDIA_TYPE_AUDIO, -1, video, (org.bytedeco.ffmpeg.avcodec.AVCodec) null, 0);
            take(VIDEO, video);
            if (audio >= 0) {
                take(AUDIO, audio);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void take(int slot, int index) {
        indices[slot] = index;
        streams[slot] = context.streams(index);
    }

    /** The video's frame rate as FFmpeg guesses it (0/1 when it cannot tell). */
    AVRational frameRate() {
        AVRational guess = av_guess_frame_rate(context, streams[VIDEO], null);
        return av_make_q(guess.num(), guess.den());
    }

    /** The stream in {@code slot} ({@link #VIDEO} or {@link #AUDIO}); null when there is no audio. */
    public AVStream stream(int slot) {
        return streams[slot];
    }

    /**
     * Reads the next packet of the two streams: {@code stream_index} set to the slot, timestamps in that stream's
     * time base, dts never missing. False at the end of the input.
     *
     * @throws MediaException on a read error or when aborted, saying only why (the caller knows what it read)
     */
    public boolean read(AVPacket packet) {
        while (true) {
            int ret = av_read_frame(context, packet);
            if (ret == AVERROR_EOF()) {
                return false;
            }
            if (ret < 0) {
                throw new MediaException(abort.getAsBoolean() ? "interrupted" : FfmpegError.describe(ret));
            }
            int slot = packet.stream_index() == indices[VIDEO] ? VIDEO
                    : packet.stream_index() == indices[AUDIO] ? AUDIO : -1;
            if (packet.dts() == AV_NOPTS_VALUE) {
                packet.dts(packet.pts());
            }
            if (packet.pts() == AV_NOPTS_VALUE) {
                packet.pts(packet.dts());
            }
            if (slot < 0 || packet.dts() == AV_NOPTS_VALUE) {
                av_packet_unref(packet);
                continue;
            }
            packet.stream_index(slot);
            return true;
        }
    }

    /** Back to the start (a file played in a loop). */
    public void rewind() {
        check(avformat_seek_file(context, -1, Long.MIN_VALUE, 0, 0, 0), "cannot rewind");
    }

    private int check(int ret, String what) {
        if (ret < 0) {
            String reason = abort.getAsBoolean() ? "interrupted" : FfmpegError.describe(ret);
            throw new MediaException(what + " " + name + ": " + reason);
        }
        return ret;
    }

    @Override
    public void close() {
        avformat_close_input(context);
        interrupt.close();
    }
}
