package io.clipdesk.media.source;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.SegmentSink;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.PushAddress;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.media.FfmpegLog;
import io.clipdesk.media.ingest.IngestChain;
import io.clipdesk.media.ingest.MediaInput;
import io.clipdesk.media.ingest.SourceThread;
import org.bytedeco.ffmpeg.avcodec.AVPacket;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;

/**
 * An RTMP or SRT push. FFmpeg listens on the stream's port (native RTMP, libsrt) and an encoder connects. When it
 * goes away, or sends nothing for {@link #silenceLimitMs} by the injected clock, the media received so far is
 * written, the stream shows disconnected, and the port listens again for the encoder's return (a new session:
 * its first segment is a discontinuity).
 * <p>
 * The RTMP stream key is enforced. FFmpeg's listener only warns when an encoder publishes another key than the
 * one in its URL, and takes the push anyway; {@link FfmpegLog} hands that warning to this source, whose interrupt
 * callback then aborts the input at FFmpeg's next network call — before FFmpeg answers the publish, so no media
 * of the wrong key is read. The health says who was refused and the port listens again at once. SRT enforces its
 * passphrase itself (libsrt turns the caller away).
 */
final class PushSource extends SourceThread {

    private static final System.Logger LOG = System.getLogger(PushSource.class.getName());

    private final PushAddress address;
    private final String bindAddress;
    private final int segmentDurationMs;
    private final long silenceLimitMs;
    private volatile boolean connected;
    private volatile long lastMediaAtMs;
    /** Why the encoder now talking to the listener is being turned away; null while none is. */
    private volatile String refusal;

    /** @param bindAddress where to listen: an interface's address, or {@link PushAddress#ANY_INTERFACE} */
    PushSource(LiveStream stream, int segmentDurationMs, Clock clock, String bindAddress) {
        super(stream, clock);
        this.address = PushAddress.of(stream.source()).orElseThrow();
        this.bindAddress = bindAddress;
        if (address.port() == 0) {
            throw new MediaException("stream " + stream.id() + " has no push port");
        }
        this.segmentDurationMs = segmentDurationMs;
        // Stalled shows after 2 segments without media; the connection is given up a little later.
        this.silenceLimitMs = Math.max(5_000, 5L * segmentDurationMs);
    }

    private String where() {
        return (address.kind() == SourceKind.RTMP_PUSH ? "RTMP" : "SRT") + " port " + address.port();
    }

    @Override
    protected void run(SegmentSink sink) {
        String detail = "waiting for an encoder on " + where();
        int failures = 0;
        try (IngestChain chain = new IngestChain(stream.id(), stream.renditions(), segmentDurationMs, sink, clock);
             FfmpegLog.Registration keyWatch = address.kind() == SourceKind.RTMP_PUSH
                     ? FfmpegLog.watchStreamKey(stream.mediaKey(), this::refuse) : () -> { }) {
            while (running()) {
                sink.health(SourceHealth.DISCONNECTED, detail);
                boolean received = false;
                try (MediaInput input = listen()) {
                    received = true;
                    detail = receive(input, chain) + "; waiting for it on " + where();
                } catch (MediaException e) {
                    detail = e.getMessage() + "; waiting for an encoder on " + where();
                } finally {
                    connected = false;
                    chain.end();
                }
                if (refusal != null) {
                    detail = refusal + "; waiting for an encoder on " + where();
                    received = true; // the port works: listen again at once for the right encoder
                }
                if (running()) {
                    LOG.log(System.Logger.Level.INFO, "stream {0}: {1}", stream.id(), detail);
                }
                // An encoder that came and went is listened for again at once; a port that will not open is
                // retried with growing pauses.
                failures = received ? 0 : failures + 1;
                if (failures > 1 && running() && !backOff(failures - 2)) {
                    return;
                }
            }
        }
    }

    private MediaInput listen() {
        refusal = null;
        Map<String, String> options = new LinkedHashMap<>();
        String format;
        if (address.kind() == SourceKind.RTMP_PUSH) {
            options.put("listen", "1");
            format = "flv";
        } else {
            options.put("mode", "listener");
            if (!address.passphrase().isEmpty()) {
                options.put("passphrase", address.passphrase());
            }
            format = "mpegts";
        }
        String listener = "the " + (address.kind() == SourceKind.RTMP_PUSH ? "RTMP" : "SRT") + " listener on port "
                + address.port();
        MediaInput input = new MediaInput(listener, address.listenUrl(bindAddress, stream.mediaKey()), format, options,
                this::shouldAbort);
        lastMediaAtMs = clock.millis();
        connected = true;
        return input;
    }

    /** FFmpeg's interrupt callback: stop, an encoder with the wrong key, or one silent for too long. */
    private boolean shouldAbort() {
        return !running() || refusal != null || silent();
    }

    /** Called by FFmpeg's log, on this source's thread, when the encoder publishes a wrong stream key. */
    private void refuse() {
        String from = EncoderAddress.onPort(address.port()).map(ip -> " from " + ip).orElse("");
        refusal = "refused a push with the wrong stream key" + from + "; check the key in the encoder";
    }

    private boolean silent() {
        return connected && clock.millis() - lastMediaAtMs > silenceLimitMs;
    }

    /** Takes the encoder's media until it stops; returns why it stopped. */
    private String receive(MediaInput input, IngestChain chain) {
        AVPacket packet = av_packet_alloc();
        try {
            while (running()) {
                try {
                    if (!input.read(packet)) {
                        return "the encoder disconnected";
                    }
                } catch (MediaException e) {
                    // RTMP reports a client's hang-up as an I/O error, not as the end of the stream.
                    return silent() ? "no media from the encoder for " + silenceLimitMs / 1000 + " s"
                            : "the encoder disconnected (" + e.getMessage() + ")";
                }
                lastMediaAtMs = clock.millis();
                chain.feed(input, packet, -1);
                av_packet_unref(packet);
            }
            return "stopped";
        } finally {
            av_packet_free(packet);
        }
    }
}
