package io.clipdesk.media.ingest;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.sound.AudioEnvelope;
import io.clipdesk.engine.sound.EnvelopeMeter;
import io.clipdesk.media.FfmpegError;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.FloatPointer;

import java.util.List;
import java.util.function.LongUnaryOperator;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

/**
 * Measures the audio that goes into each DVR segment: decodes the very packets the segment's files carry (AAC,
 * copied from the source or encoded here) and hands the samples to an {@link EnvelopeMeter}. One decoder lives as
 * long as the ingest session, so AAC's overlapping frames decode across segment cuts as a player would hear them.
 * Costs one AAC decode (about 1 % of a core for stereo 48 kHz); never fails a segment: audio it cannot read is
 * left out of the envelope. Owned by the ingest thread.
 */
public final class EnvelopeDecoder implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EnvelopeDecoder.class.getName());

    private final AVCodecContext decoder;
    private final AVRational timeBase;
    private final AVFrame frame = av_frame_alloc();
    private final EnvelopeMeter meter = new EnvelopeMeter();
    private float[][] planes = new float[0][];
    private long nextUs = Long.MIN_VALUE;
    private boolean unreadableTold;

    /** @param params the audio track's codec parameters (copied); its packets come in {@code timeBase} */
    public EnvelopeDecoder(AVCodecParameters params, AVRational timeBase) {
        this.timeBase = av_make_q(timeBase.num(), timeBase.den());
        AVCodec codec = avcodec_find_decoder(params.codec_id());
        if (codec == null) {
            av_frame_free(frame);
            throw new MediaException("no decoder for the segment's audio");
        }
        decoder = avcodec_alloc_context3(codec);
        try {
            FfmpegError.check(avcodec_parameters_to_context(decoder, params), "cannot set up the audio decoder");
            decoder.pkt_timebase(this.timeBase);
            FfmpegError.check(avcodec_open2(decoder, codec, (AVDictionary) null), "cannot open the audio decoder");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * The envelope of one segment's audio packets (not consumed), placed on the wall clock by
     * {@code wallUsOfMediaUs} (the session's media µs to µs since the epoch).
     */
    public AudioEnvelope measure(List<AVPacket> packets, LongUnaryOperator wallUsOfMediaUs) {
        for (AVPacket packet : packets) {
            if (avcodec_send_packet(decoder, packet) < 0) {
                continue; // a damaged packet is a moment without level, as it is a moment without sound
            }
            while (avcodec_receive_frame(decoder, frame) >= 0) {
                take(wallUsOfMediaUs);
                av_frame_unref(frame);
            }
        }
        return meter.take();
    }

    private void take(LongUnaryOperator wallUsOfMediaUs) {
        int samples = frame.nb_samples();
        int rate = frame.sample_rate();
        long pts = frame.best_effort_timestamp();
        long mediaUs = pts == AV_NOPTS_VALUE ? nextUs : av_rescale_q(pts, timeBase, SegmentCutter.MICROS);
        if (mediaUs == Long.MIN_VALUE || rate <= 0 || !readPlanes(samples)) {
            return;
        }
        nextUs = mediaUs + samples * 1_000_000L / rate;
        meter.add(planes, samples, rate, wallUsOfMediaUs.applyAsLong(mediaUs));
    }

    /** The frame's samples as one float array per channel; false for a sample format the meter does not read. */
    private boolean readPlanes(int samples) {
        int channels = frame.ch_layout().nb_channels();
        int format = frame.format();
        if (channels <= 0 || (format != AV_SAMPLE_FMT_FLTP && format != AV_SAMPLE_FMT_FLT)) {
            if (!unreadableTold) {
                LOG.log(System.Logger.Level.WARNING, "the waveform skips audio in sample format {0}", format);
                unreadableTold = true;
            }
            return false;
        }
        if (planes.length != channels || planes[0].length < samples) {
            planes = new float[channels][Math.max(samples, 2048)];
        }
        if (format == AV_SAMPLE_FMT_FLTP) {
            for (int ch = 0; ch < channels; ch++) {
                new FloatPointer(frame.extended_data(ch)).get(planes[ch], 0, samples);
            }
        } else {
            FloatPointer interleaved = new FloatPointer(frame.data(0));
            for (int j = 0; j < samples; j++) {
                for (int ch = 0; ch < channels; ch++) {
                    planes[ch][j] = interleaved.get((long) j * channels + ch);
                }
            }
        }
        return true;
    }

    @Override
    public void close() {
        avcodec_free_context(decoder);
        av_frame_free(frame);
    }
}
