package io.clipdesk.media.ingest;

import io.clipdesk.engine.MediaException;
import io.clipdesk.media.Encoder;
import io.clipdesk.media.FfmpegError;
import io.clipdesk.media.segment.TsSegmentWriter;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVAudioFifo;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swresample.SwrContext;

import java.util.function.Consumer;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swresample.*;

/**
 * Decodes any audio and encodes it as stereo 48 kHz AAC-LC. The output's sample clock starts at the first
 * decoded frame's timestamp and then counts samples, so it stays on the source's timeline without drift.
 */
final class AacTranscoder implements AutoCloseable {

    static final int SAMPLE_RATE = 48_000;
    private static final int CHANNELS = 2;

    private final AVCodecContext decoder;
    private final AVRational sourceTimeBase;
    private final Encoder encoder;
    private final SwrContext resampler;
    private final AVAudioFifo fifo;
    private final AVFrame decoded = av_frame_alloc();
    private final AVFrame resampled = av_frame_alloc();
    private final AVFrame chunk;
    private long nextSample = Long.MIN_VALUE;

    AacTranscoder(AVStream source) {
        sourceTimeBase = av_make_q(source.time_base().num(), source.time_base().den());
        AVCodec codec = avcodec_find_decoder(source.codecpar().codec_id());
        if (codec == null) {
            throw new MediaException("no decoder for the source's audio codec");
        }
        decoder = avcodec_alloc_context3(codec);
        FfmpegError.check(avcodec_parameters_to_context(decoder, source.codecpar()), "cannot set up the audio decoder");
        decoder.pkt_timebase(sourceTimeBase);
        FfmpegError.check(avcodec_open2(decoder, codec, (org.bytedeco.ffmpeg.avutil.AVDictionary) null),
                "cannot open the audio decoder");
        encoder = Encoder.aac(SAMPLE_RATE, CHANNELS, 128_000);
        SwrContext swr = new SwrContext(null);
        FfmpegError.check(swr_alloc_set_opts2(swr, encoder.context().ch_layout(), AV_SAMPLE_FMT_FLTP, SAMPLE_RATE,
                decoder.ch_layout(), decoder.sample_fmt(), decoder.sample_rate(), 0, null),
                "cannot set up audio resampling");
        FfmpegError.check(swr_init(swr), "cannot set up audio resampling");
        resampler = swr;
        fifo = av_audio_fifo_alloc(AV_SAMPLE_FMT_FLTP, CHANNELS, 4096);
        chunk = av_frame_alloc();
        chunk.nb_samples(encoder.context().frame_size()).format(AV_SAMPLE_FMT_FLTP).sample_rate(SAMPLE_RATE);
        av_channel_layout_copy(chunk.ch_layout(), encoder.context().ch_layout());
        FfmpegError.check(av_frame_get_buffer(chunk, 0), "cannot allocate an audio frame");
    }

    TsSegmentWriter.Track track() {
        return TsSegmentWriter.Track.of(encoder);
    }

    AVRational timeBase() {
        return encoder.timeBase();
    }

    /** Decodes {@code packet} (source time base) and hands every AAC packet (1/48000) to {@code out}. */
    void transcode(AVPacket packet, Consumer<AVPacket> out) {
        if (avcodec_send_packet(decoder, packet) < 0) {
            return; // a damaged audio packet costs a moment of sound, not the stream
        }
        while (avcodec_receive_frame(decoder, decoded) >= 0) {
            if (nextSample == Long.MIN_VALUE && decoded.best_effort_timestamp() != AV_NOPTS_VALUE) {
                nextSample = av_rescale_q(decoded.best_effort_timestamp(), sourceTimeBase, encoder.timeBase());
            }
            av_frame_unref(resampled);
            resampled.format(AV_SAMPLE_FMT_FLTP).sample_rate(SAMPLE_RATE);
            av_channel_layout_copy(resampled.ch_layout(), encoder.context().ch_layout());
            FfmpegError.check(swr_convert_frame(resampler, resampled, decoded), "cannot resample the source's audio");
            av_audio_fifo_write(fifo, resampled.extended_data(), resampled.nb_samples());
            av_frame_unref(decoded);
            encodeWhole(out);
        }
    }

    private void encodeWhole(Consumer<AVPacket> out) {
        int size = chunk.nb_samples();
        while (nextSample != Long.MIN_VALUE && av_audio_fifo_size(fifo) >= size) {
            FfmpegError.check(av_frame_make_writable(chunk), "cannot allocate an audio frame");
            av_audio_fifo_read(fifo, chunk.extended_data(), size);
            chunk.pts(nextSample);
            nextSample += size;
            encoder.encode(chunk, out);
        }
    }

    @Override
    public void close() {
        avcodec_free_context(decoder);
        encoder.close();
        swr_free(resampler);
        av_audio_fifo_free(fifo);
        av_frame_free(decoded);
        av_frame_free(resampled);
        av_frame_free(chunk);
    }
}
