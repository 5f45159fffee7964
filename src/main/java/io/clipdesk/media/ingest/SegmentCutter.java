package io.clipdesk.media.ingest;

import io.clipdesk.engine.MediaException;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVRational;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

/**
 * Cuts one session's packets into keyframe-aligned GOP runs: a run ends at the first keyframe of the first video
 * track at or after the target duration, so a remuxed source with a long GOP gives longer runs (their real length
 * is recorded). Further video tracks (the other rungs of a transcoded ladder) carry keyframes at the same instants
 * and are split at the same one. Video is split in decode order; audio goes with the run its timestamp falls in,
 * and a cut waits until audio has passed it, so no sample lands in the wrong file. Owns every packet handed in.
 */
public final class SegmentCutter implements AutoCloseable {

    /** One finished run: per video track its packets in decode order, then the audio; the taker frees them. */
    record Gop(long startUs, long durationUs, List<List<AVPacket>> video, List<AVPacket> audio) {

        void free() {
            video.forEach(SegmentCutter::freeAll);
            freeAll(audio);
        }
    }

    public static final AVRational MICROS = av_make_q(1, 1_000_000);
    private static final long NONE = Long.MIN_VALUE;
    /** Containers round timestamps (FLV to the millisecond): a keyframe this close to the target counts as on it. */
    private static final long TOLERANCE_US = 5_000;
    /** Audio that has not passed a cut after this much more video is not coming (a source without sound now). */
    private static final long AUDIO_GRACE_US = 1_000_000;
    /** A source without a keyframe for this long cannot be cut; holding on would only fill memory. */
    private static final long MAX_RUN_US = 60_000_000;

    private final List<AVRational> videoTimeBases;
    private final AVRational audioTimeBase;
    private final long targetUs;
    private final List<ArrayDeque<AVPacket>> video = new ArrayList<>();
    private final ArrayDeque<AVPacket> audio = new ArrayDeque<>();
    private long startUs = NONE;
    private long cutUs = NONE;
    private long lastVideoUs = NONE;
    private long lastAudioUs = NONE;
    private long frameUs = 40_000;

    /** @param audioTimeBase null when the session has no audio */
    SegmentCutter(List<AVRational> videoTimeBases, AVRational audioTimeBase, long targetUs) {
        this.videoTimeBases = List.copyOf(videoTimeBases);
        this.audioTimeBase = audioTimeBase;
        this.targetUs = targetUs;
        videoTimeBases.forEach(tb -> video.add(new ArrayDeque<>()));
    }

    void addVideo(int track, AVPacket packet) {
        AVRational tb = videoTimeBases.get(track);
        if (track == 0) {
            long ptsUs = av_rescale_q(packet.pts(), tb, MICROS);
            if (startUs == NONE) {
                if (!isKey(packet)) {
                    av_packet_free(packet); // nothing decodes before the first keyframe
                    return;
                }
                startUs = ptsUs;
            } else if (cutUs == NONE && isKey(packet) && ptsUs - startUs >= targetUs - TOLERANCE_US) {
                cutUs = ptsUs;
            } else if (cutUs == NONE && ptsUs - startUs > MAX_RUN_US) {
                av_packet_free(packet);
                throw new MediaException("the source sent no keyframe for " + MAX_RUN_US / 1_000_000 + " s");
            }
            if (packet.duration() > 0) {
                frameUs = av_rescale_q(packet.duration(), tb, MICROS);
            }
            lastVideoUs = Math.max(lastVideoUs, ptsUs);
        }
        video.get(track).addLast(packet);
    }

    void addAudio(AVPacket packet) {
        long ptsUs = av_rescale_q(packet.pts(), audioTimeBase, MICROS);
        if (startUs == NONE || ptsUs < startUs || ptsUs <= lastAudioUs) {
            // Before the first picture, late for a run already written, or overlapping audio at a splice.
            av_packet_free(packet);
            return;
        }
        audio.addLast(packet);
        lastAudioUs = Math.max(lastAudioUs, ptsUs);
    }

    /** The next finished run, or null while there is no cut yet or the cut still waits for its audio. */
    Gop poll() {
        if (cutUs == NONE) {
            return null;
        }
        boolean videoWentOn = lastVideoUs - cutUs >= AUDIO_GRACE_US;
        if (audioTimeBase != null && lastAudioUs < cutUs && !videoWentOn) {
            return null;
        }
        for (int t = 1; t < video.size(); t++) {
            if (!hasKeyAtOrAfter(t, cutUs) && !videoWentOn) {
                return null;
            }
        }
        return take(cutUs, false);
    }

    /** End of the session: what is left becomes a last, shorter run (null when nothing decodable is left). */
    Gop flush() {
        Gop gop = startUs == NONE || video.get(0).isEmpty() ? null : take(Math.max(lastVideoUs + frameUs, startUs + 1), true);
        close();
        return gop;
    }

    private Gop take(long endUs, boolean everything) {
        List<List<AVPacket>> videoParts = new ArrayList<>();
        for (int t = 0; t < video.size(); t++) {
            ArrayDeque<AVPacket> queue = video.get(t);
            AVRational tb = videoTimeBases.get(t);
            List<AVPacket> part = new ArrayList<>();
            while (!queue.isEmpty()) {
                AVPacket p = queue.peekFirst();
                long ptsUs = av_rescale_q(p.pts(), tb, MICROS);
                if (part.isEmpty() && t > 0 && !(isKey(p) && ptsUs >= startUs - TOLERANCE_US)) {
                    av_packet_free(queue.pollFirst()); // a rung's packets from before the run's keyframe
                    continue;
                }
                if (!everything && !part.isEmpty() && isKey(p) && ptsUs >= endUs - TOLERANCE_US) {
                    break;
                }
                part.add(queue.pollFirst());
            }
            videoParts.add(part);
        }
        List<AVPacket> audioPart = new ArrayList<>();
        while (!audio.isEmpty() && (everything
                || av_rescale_q(audio.peekFirst().pts(), audioTimeBase, MICROS) < endUs)) {
            audioPart.add(audio.pollFirst());
        }
        Gop gop = new Gop(startUs, endUs - startUs, videoParts, audioPart);
        startUs = endUs;
        cutUs = NONE;
        findNextCut();
        return gop;
    }

    /** Packets queued while the last cut waited for audio may already hold the next cut. */
    private void findNextCut() {
        AVRational tb = videoTimeBases.get(0);
        boolean first = true;
        for (AVPacket p : video.get(0)) {
            long ptsUs = av_rescale_q(p.pts(), tb, MICROS);
            if (!first && isKey(p) && ptsUs - startUs >= targetUs - TOLERANCE_US) {
                cutUs = ptsUs;
                return;
            }
            first = false;
        }
    }

    private boolean hasKeyAtOrAfter(int track, long us) {
        AVRational tb = videoTimeBases.get(track);
        for (AVPacket p : video.get(track)) {
            if (isKey(p) && av_rescale_q(p.pts(), tb, MICROS) >= us - TOLERANCE_US) {
                return true;
            }
        }
        return false;
    }

    private static boolean isKey(AVPacket p) {
        return (p.flags() & AV_PKT_FLAG_KEY) != 0;
    }

    public static void freeAll(java.util.Collection<AVPacket> packets) {
        packets.forEach(p -> av_packet_free(p));
        packets.clear();
    }

    @Override
    public void close() {
        video.forEach(SegmentCutter::freeAll);
        freeAll(audio);
    }
}
