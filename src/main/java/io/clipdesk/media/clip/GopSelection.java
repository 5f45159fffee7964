package io.clipdesk.media.clip;

import org.bytedeco.ffmpeg.avcodec.AVPacket;

import java.util.List;

/**
 * Which pictures of one segment a trim keeps, by presentation time in 90 kHz ticks: those whose display interval
 * has its middle inside the range, so a cut lands on the frame boundary nearest the wanted instant. Kept pictures
 * that are a prefix of the segment in decode order can be copied as they are (whatever they reference was decoded
 * before them); anything else must be re-encoded. Does not own the packets.
 */
final class GopSelection {

    private final List<AVPacket> video;
    private final long frameTicks;
    private final long fromTicks;
    private final long toTicks;
    private final long firstTicks;
    private long firstKept = Long.MAX_VALUE;
    private long lastKept = Long.MIN_VALUE;
    private int kept;
    private boolean headDropped;
    private boolean tailDropped;
    private boolean prefix = true;

    private GopSelection(List<AVPacket> video, long frameTicks, long fromOffsetTicks, long toOffsetTicks) {
        this.video = video;
        this.frameTicks = frameTicks;
        this.firstTicks = video.get(0).pts();
        this.fromTicks = firstTicks + fromOffsetTicks;
        this.toTicks = firstTicks + toOffsetTicks;
    }

    /**
     * @param video the segment's pictures in decode order; the first is its keyframe, whose pts the offsets
     *              count from
     */
    static GopSelection of(List<AVPacket> video, long frameTicks, long fromOffsetTicks, long toOffsetTicks) {
        GopSelection s = new GopSelection(video, frameTicks, fromOffsetTicks, toOffsetTicks);
        s.scan();
        return s;
    }

    private void scan() {
        for (int i = 0; i < video.size(); i++) {
            AVPacket p = video.get(i);
            if (keeps(p.pts())) {
                prefix &= kept == i;
                kept++;
                firstKept = Math.min(firstKept, p.pts());
                lastKept = Math.max(lastKept, p.pts());
            }
        }
        for (AVPacket p : video) {
            if (!keeps(p.pts())) {
                headDropped |= p.pts() < firstKept;
                tailDropped |= p.pts() > lastKept;
            }
        }
    }

    /** Whether no picture lies in the range. */
    boolean isEmpty() {
        return kept == 0;
    }

    boolean keeps(long pts) {
        long middle = pts + frameTicks / 2;
        return middle >= fromTicks && middle < toTicks;
    }

    /** The segment's first picture (its keyframe): where offsets count from. */
    long firstTicks() {
        return firstTicks;
    }

    long firstKeptTicks() {
        return firstKept;
    }

    /** From the first kept picture's start to the last one's end. */
    long keptTicks() {
        return lastKept + frameTicks - firstKept;
    }

    /** Whether copying the first packets in decode order gives exactly the kept pictures. */
    boolean copyable() {
        return prefix;
    }

    /** The packets to copy when {@link #copyable()}. */
    List<AVPacket> copied() {
        return video.subList(0, kept);
    }

    /**
     * The audio packets that go with the kept pictures: all of them where no picture was dropped on that side, else
     * whole frames inside the pictures' span ({@code slackTicks} of overhang allowed at the end).
     */
    List<AVPacket> audio(List<AVPacket> audio, long audioFrameTicks, long slackTicks) {
        long endTicks = lastKept + frameTicks;
        return audio.stream()
                .filter(p -> !headDropped || p.pts() >= firstKept)
                .filter(p -> !tailDropped || p.pts() + audioFrameTicks <= endTicks + slackTicks)
                .toList();
    }
}
