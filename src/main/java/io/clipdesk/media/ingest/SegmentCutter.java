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
 * <p>
 * Each packet also goes to a {@link RunWriter} as soon as it is sure to belong to the run being cut (the segment
 * being written, for players at the live edge): before the cut is known, a picture of the first video track
 * always is, audio and other tracks' pictures only well before the earliest instant the cut can be at. The rest
 * follows when the run is cut, so the writer sees every packet of every run once, in order, before the run
 * itself is handed out.
 */
public final class SegmentCutter implements AutoCloseable {

    /** Takes each run's packets as they become sure (not consumed: the cutter still owns them). */
    interface RunWriter {
        /** A run starts at {@code startUs} (its first keyframe); its packets follow, then its {@link Gop}. */
        void begin(long startUs);

        void video(int track, AVPacket packet);

        void audio(AVPacket packet);
    }

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
    /** How many packets at the head of each video queue, and of the audio queue, the writer already has. */
    private final int[] videoWritten;
    private int audioWritten;
    private boolean runBegun;
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
        videoWritten = new int[videoTimeBases.size()];
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

    /** Hands {@code out} the packets of the run being cut that are now sure to belong to it. */
    void release(RunWriter out) {
        if (startUs == NONE) {
            return;
        }
        boolean cutKnown = cutUs != NONE;
        List<List<AVPacket>> videoParts = new ArrayList<>();
        for (int t = 0; t < video.size(); t++) {
            dropBeforeRun(t);
            // Before the cut is known, a keyframe of another track this late may be where that track is split.
            long splitUs = cutKnown ? cutUs : startUs + targetUs - TOLERANCE_US;
            int sure = runLength(t, t == 0 && !cutKnown ? Long.MAX_VALUE : splitUs);
            videoParts.add(slice(video.get(t), videoWritten[t], sure));
            videoWritten[t] = Math.max(videoWritten[t], sure);
        }
        long audioEndUs = cutKnown ? cutUs : startUs + targetUs - TOLERANCE_US;
        int sureAudio = 0;
        for (AVPacket p : audio) {
            if (av_rescale_q(p.pts(), audioTimeBase, MICROS) >= audioEndUs) {
                break;
            }
            sureAudio++;
        }
        List<AVPacket> audioPart = slice(audio, audioWritten, sureAudio);
        audioWritten = Math.max(audioWritten, sureAudio);
        write(out, videoParts, audioPart);
    }

    /** The next finished run, or null while there is no cut yet or the cut still waits for its audio. */
    Gop poll(RunWriter out) {
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
        return take(cutUs, false, out);
    }

    /** End of the session: what is left becomes a last, shorter run (null when nothing decodable is left). */
    Gop flush(RunWriter out) {
        Gop gop = startUs == NONE || video.get(0).isEmpty() ? null
                : take(Math.max(lastVideoUs + frameUs, startUs + 1), true, out);
        close();
        return gop;
    }

    private Gop take(long endUs, boolean everything, RunWriter out) {
        List<List<AVPacket>> videoParts = new ArrayList<>();
        List<List<AVPacket>> videoUnwritten = new ArrayList<>();
        for (int t = 0; t < video.size(); t++) {
            dropBeforeRun(t);
            ArrayDeque<AVPacket> queue = video.get(t);
            int length = everything ? queue.size() : runLength(t, endUs);
            List<AVPacket> part = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                part.add(queue.pollFirst());
            }
            videoParts.add(part);
            videoUnwritten.add(part.subList(Math.min(videoWritten[t], length), length));
        }
        List<AVPacket> audioPart = new ArrayList<>();
        while (!audio.isEmpty() && (everything
                || av_rescale_q(audio.peekFirst().pts(), audioTimeBase, MICROS) < endUs)) {
            audioPart.add(audio.pollFirst());
        }
        write(out, videoUnwritten, audioPart.subList(Math.min(audioWritten, audioPart.size()), audioPart.size()));
        Gop gop = new Gop(startUs, endUs - startUs, videoParts, audioPart);
        startUs = endUs;
        cutUs = NONE;
        java.util.Arrays.fill(videoWritten, 0);
        audioWritten = 0;
        runBegun = false;
        findNextCut();
        return gop;
    }

    /** Frees a rung's packets from before the run's keyframe: they belong to no run. */
    private void dropBeforeRun(int track) {
        if (track == 0 || videoWritten[track] > 0) {
            return;
        }
        ArrayDeque<AVPacket> queue = video.get(track);
        AVRational tb = videoTimeBases.get(track);
        while (!queue.isEmpty() && !(isKey(queue.peekFirst())
                && av_rescale_q(queue.peekFirst().pts(), tb, MICROS) >= startUs - TOLERANCE_US)) {
            av_packet_free(queue.pollFirst());
        }
    }

    /** How many packets at the head of a video queue come before its first keyframe at or after {@code splitUs}. */
    private int runLength(int track, long splitUs) {
        AVRational tb = videoTimeBases.get(track);
        int n = 0;
        for (AVPacket p : video.get(track)) {
            if (n > 0 && isKey(p) && av_rescale_q(p.pts(), tb, MICROS) >= splitUs - TOLERANCE_US) {
                break;
            }
            n++;
        }
        return n;
    }

    /** Hands packets not yet written to {@code out}, all tracks merged in decode order. */
    private void write(RunWriter out, List<List<AVPacket>> videoParts, List<AVPacket> audioPart) {
        if (!runBegun) {
            out.begin(startUs);
            runBegun = true;
        }
        int[] next = new int[videoParts.size()];
        int a = 0;
        while (true) {
            int pick = -1;
            long pickUs = Long.MAX_VALUE;
            for (int t = 0; t < videoParts.size(); t++) {
                if (next[t] < videoParts.get(t).size()) {
                    long us = av_rescale_q(videoParts.get(t).get(next[t]).dts(), videoTimeBases.get(t), MICROS);
                    if (us < pickUs) {
                        pick = t;
                        pickUs = us;
                    }
                }
            }
            if (a < audioPart.size()
                    && av_rescale_q(audioPart.get(a).dts(), audioTimeBase, MICROS) < pickUs) {
                out.audio(audioPart.get(a++));
            } else if (pick >= 0) {
                out.video(pick, videoParts.get(pick).get(next[pick]++));
            } else {
                return;
            }
        }
    }

    private static List<AVPacket> slice(ArrayDeque<AVPacket> queue, int from, int to) {
        List<AVPacket> part = new ArrayList<>(Math.max(0, to - from));
        int i = 0;
        for (AVPacket p : queue) {
            if (i >= to) {
                break;
            }
            if (i++ >= from) {
                part.add(p);
            }
        }
        return part;
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
