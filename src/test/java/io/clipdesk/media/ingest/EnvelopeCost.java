package io.clipdesk.media.ingest;

import io.clipdesk.media.segment.TsSegmentReader;
import org.bytedeco.ffmpeg.avcodec.AVPacket;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_clone;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;

/**
 * What the envelope adds to ingest, for the benchmark: the CPU time of {@link EnvelopeDecoder#measure} over the
 * audio of real DVR segments, one decoder across them as on the ingest thread (reading the files is not counted:
 * at ingest the packets are already in memory).
 */
public final class EnvelopeCost {

    private EnvelopeCost() {
    }

    /** CPU ms the envelope of these segments (in order, one stream) cost this thread. */
    public static double cpuMs(List<Path> segments) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuNs = 0;
        EnvelopeDecoder decoder = null;
        AVPacket packet = av_packet_alloc();
        try {
            for (Path file : segments) {
                List<AVPacket> audio = new ArrayList<>();
                try (TsSegmentReader reader = new TsSegmentReader(file, decoder == null)) {
                    if (!reader.has(TsSegmentReader.AUDIO)) {
                        continue;
                    }
                    if (decoder == null) {
                        decoder = new EnvelopeDecoder(reader.stream(TsSegmentReader.AUDIO).codecpar(),
                                TsSegmentReader.CLOCK_90K);
                    }
                    while (reader.next(packet)) {
                        if (packet.stream_index() == TsSegmentReader.AUDIO) {
                            audio.add(av_packet_clone(packet));
                        }
                        av_packet_unref(packet);
                    }
                }
                long t0 = threads.getCurrentThreadCpuTime();
                decoder.measure(audio, us -> us);
                cpuNs += threads.getCurrentThreadCpuTime() - t0;
                audio.forEach(p -> av_packet_free(p));
            }
        } finally {
            av_packet_free(packet);
            if (decoder != null) {
                decoder.close();
            }
        }
        return cpuNs / 1e6;
    }
}
