package io.clipdesk.ui.player;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.dvr.SegmentMedia;
import io.clipdesk.engine.sound.SoundDecoder;
import io.clipdesk.ui.dvr.SegmentIndex;

import java.time.Clock;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The DVR's sound from a wall-clock time on, segment after segment, handed out in chunks that each know the media
 * time of their first sample. Where two segments' sound overlaps the overlap is dropped; across a gap in the DVR
 * the sound jumps as the picture does; a segment without sound plays as silence of its length, so the clock the
 * picture follows keeps running. The next segment is opened ahead on a thread of its own, so the owner (the sound
 * thread, which must write every few ms) never waits for a demuxer to start. At the live edge it plays the segment
 * being written, decoded as it comes ({@link LiveSound}), and goes on from the DVR segment that one became; where
 * waits for it left the sound behind, it skips ahead ({@link LiveDrift}) and the picture follows. One owner thread.
 */
final class SoundFeed implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SoundFeed.class.getName());

    /** A segment being written that starts this close after where the sound stands follows on from it. */
    private static final long FOLLOW_SLACK_MS = 100;
    /** A segment that starts this close after the one before it plays on from it, its sound decoded on from it. */
    private static final long JOIN_SLACK_MS = 100;

    /** A run of output frames: {@code samples} from frame {@code from}, the first one heard as {@code mediaUs}. */
    record Chunk(short[] samples, int from, int frames, long mediaUs) {
    }

    private final Supplier<SegmentIndex> segments;
    private final LongFunction<SegmentMedia> mediaOfSequence;
    private final SegmentOpener<Optional<SoundDecoder.Cursor>> opener;
    private final SoundDecoder decoder;
    private final Supplier<Optional<LiveSegment>> liveSegment;
    private final String liveThread;
    private final long maxStallMs;
    private final LiveDrift drift;
    private SoundDecoder.Cursor cursor;
    private LiveSound live;
    /**
     * The segment written after {@link #live}, decoding since the engine began it: opening a segment being written
     * waits for its first packets (FFmpeg probes about 300 ms of them), which must not be a gap in the sound.
     */
    private LiveSound following;
    private LiveSegment lastLive;
    /** Joined the segment being written and no sound of it decoded yet. */
    private boolean joining;
    private long sequence = -1;
    private long segmentStartMs;
    private long segmentEndMs;
    private short[] silence = new short[0];
    private double rate = 1;
    private SoundDecoder.Block block;
    private long blockStartUs;
    private int position;
    private long nextUs;
    private boolean silentSegment;

    SoundFeed(String openerThread, SoundDecoder decoder, Supplier<SegmentIndex> segments,
              LongFunction<SegmentMedia> mediaOfSequence) {
        this(openerThread, decoder, segments, mediaOfSequence, Optional::empty, 0, Clock.systemUTC());
    }

    /**
     * @param liveSegment the segment being written, for the live edge
     * @param maxStallMs  how long its bytes are waited for before it counts as ended
     * @param clock       the wall clock the segments' times are on, for how far behind live the sound is
     */
    SoundFeed(String openerThread, SoundDecoder decoder, Supplier<SegmentIndex> segments,
              LongFunction<SegmentMedia> mediaOfSequence, Supplier<Optional<LiveSegment>> liveSegment,
              long maxStallMs, Clock clock) {
        this.drift = new LiveDrift(clock);
        this.segments = segments;
        this.decoder = decoder;
        this.liveSegment = liveSegment;
        this.liveThread = openerThread.replace("-open-", "-live-");
        this.maxStallMs = maxStallMs;
        this.mediaOfSequence = mediaOfSequence;
        // The rate of the moment: a segment prepared at another speed is discarded by start().
        this.opener = new SegmentOpener<>(openerThread, this::openSegment, c -> c.ifPresent(SoundDecoder.Cursor::close));
    }

    /** Starts over at wall-clock {@code fromMs}; false when the DVR is empty there. */
    boolean start(long fromMs, double newRate) {
        close();
        if (newRate != rate) {
            opener.discard();
        }
        rate = newRate;
        nextUs = fromMs * 1000;
        sequence = -1; // nothing played before this start
        SegmentIndex index = segments.get();
        if ((index.isEmpty() || fromMs >= index.lastEndMs()) && openLive(fromMs)) {
            joining = true;
            return true;
        }
        if (index.isEmpty()) {
            return false;
        }
        open(index, Math.max(0, Math.min(index.size() - 1, index.indexAt(fromMs))));
        return true;
    }

    /**
     * Plays the segment being written when it holds {@code fromMs} or follows on from it (1× only: slow sound is
     * stretched from whole segments); false when there is none.
     */
    private boolean openLive(long fromMs) {
        Optional<LiveSegment> growing = liveSegment.get();
        if (rate != 1 || growing.isEmpty() || growing.get().startMs() > fromMs + FOLLOW_SLACK_MS
                || growing.get() == lastLive) {
            return false; // one that ended early (a stall) is not started again: the DVR segment follows
        }
        lastLive = growing.get();
        Supplier<Optional<SegmentMedia>> previous = previousOf(sequence, growing.get());
        LiveSound opened = null;
        if (following != null && following.segment() == growing.get()) {
            opened = following;
            following = null;
        }
        closeFollowing();
        closeCursor();
        sequence = -1;
        segmentStartMs = growing.get().startMs();
        segmentEndMs = Long.MAX_VALUE / 1000;
        silentSegment = false;
        live = opened != null ? opened
                : new LiveSound(liveThread, decoder, growing.get(), previous, maxStallMs);
        return true;
    }

    /**
     * Once the engine has finished the segment being heard and begun the next, starts decoding that one, while
     * what is queued of this one still plays.
     */
    private void prepareFollowingLive() {
        if (live == null || following != null || !live.segment().ended()) {
            return;
        }
        Optional<LiveSegment> next = liveSegment.get();
        if (next.isPresent() && next.get().startMs() > live.segment().startMs()) {
            LiveSegment current = live.segment();
            boolean joined = current.finished().filter(f -> next.get().startMs() - f.endMs() <= JOIN_SLACK_MS)
                    .isPresent();
            Optional<SegmentMedia> previous = joined ? Optional.of(SegmentMedia.growing(current, 0)) : Optional.empty();
            following = new LiveSound(liveThread, decoder, next.get(), () -> previous, maxStallMs);
        }
    }

    /** The DVR segment {@code sequence}, when {@code next} plays on from it without a gap; read when asked. */
    private Supplier<Optional<SegmentMedia>> previousOf(long sequence, LiveSegment next) {
        if (sequence < 0 || Math.abs(next.startMs() - segmentEndMs) > JOIN_SLACK_MS) {
            return Optional::empty;
        }
        return () -> Optional.of(mediaOfSequence.apply(sequence));
    }

    /**
     * Opens DVR segment {@code seq} (on the opener's thread), its sound decoded on from the segment before it when
     * that one ends where it starts.
     */
    private Optional<SoundDecoder.Cursor> openSegment(long seq) {
        SegmentMedia media = mediaOfSequence.apply(seq);
        SegmentIndex index = segments.get();
        int i = index.indexOfSequence(seq);
        if (i > 0 && index.sequence(i - 1) == seq - 1 && index.startMs(i) - index.endMs(i - 1) <= JOIN_SLACK_MS) {
            SegmentMedia previous;
            try {
                previous = mediaOfSequence.apply(seq - 1);
            } catch (MediaException e) {
                return decoder.open(media, rate); // gone meanwhile (retention): a tick at the join, nothing worse
            }
            return decoder.openAfter(media, previous, rate);
        }
        return decoder.open(media, rate);
    }

    /** True when the segment being played carries no sound at all. */
    boolean silentSegment() {
        return silentSegment;
    }

    /** True when the segment being written that is playing carries no sound (known once it is opened). */
    boolean silentLiveSegment() {
        return live != null && live.silent();
    }

    /** Where the sound stands: the media time of the next chunk. */
    long nextUs() {
        return nextUs;
    }

    /** The next chunk of at most {@code maxFrames}, or null while the next segment has not arrived (live edge). */
    Chunk next(int maxFrames) {
        prepareFollowing();
        prepareFollowingLive();
        double usPerFrame = 1e6 / SoundDecoder.SAMPLE_RATE * rate;
        if (live != null && rate == 1) {
            catchUpWithLive(usPerFrame);
        }
        if (silentSegment && cursor == null && nextUs < segmentEndMs * 1000) {
            return silence(maxFrames, usPerFrame);
        }
        while (block == null || position >= block.frames()) {
            if (live != null) {
                block = live.poll();
                boolean silentWhileWritten = live.silent() && !live.segment().ended();
                if (block == null || silentWhileWritten) {
                    // Not written yet: silence now, this block later. A segment without sound is heard as silence,
                    // and so is the wait for the first block after joining: the sound keeps time with the wall
                    // clock meanwhile, so the picture that follows it is not held back by the decoder's start.
                    return silentWhileWritten || joining ? silence(maxFrames, usPerFrame) : null;
                }
                joining = false;
                if (block == LiveSound.END) {
                    handOver();
                    block = null;
                }
            } else {
                block = cursor == null ? null : decode();
            }
            position = 0;
            if (block == null) {
                if (!openFollowing()) {
                    return null;
                }
                if (silentSegment) {
                    return silence(maxFrames, usPerFrame);
                }
                continue;
            }
            blockStartUs = segmentStartMs * 1000 + block.offsetUs();
            placeBlock(usPerFrame); // before the position asked for, or already played from the segment before
        }
        int frames = Math.min(maxFrames, block.frames() - position);
        long mediaUs = blockStartUs + Math.round(position * usPerFrame);
        Chunk chunk = new Chunk(block.samples(), position, frames, mediaUs);
        position += frames;
        nextUs = blockStartUs + Math.round(position * usPerFrame);
        return chunk;
    }

    /**
     * Skips ahead when waits for the segment being written left the sound further behind the live edge than it
     * joined ({@link LiveDrift}), within the sound decoded so far: the blocks before are dropped as they come.
     */
    private void catchUpWithLive(double usPerFrame) {
        long atMs = nextUs / 1000;
        // A segment without sound is heard as silence, which the picture follows as it would its sound: nothing to
        // wait for, so it may skip as far as the wall clock says.
        long arrivedMs = live.silent() ? Long.MAX_VALUE : segmentStartMs + live.decodedEndUs() / 1000;
        long toMs = drift.skipToMs(atMs, arrivedMs);
        if (toMs == PlayerCommand.NONE) {
            return;
        }
        LOG.info("sound: " + drift.behindMs(atMs) + " ms behind live after waits for the source; " + (toMs - atMs)
                + " ms skipped to come nearer");
        nextUs = toMs * 1000;
        if (block != null) {
            placeBlock(usPerFrame);
        }
    }

    /** Drops the block when it ends at or before {@link #nextUs}; else has it play on from there. */
    private void placeBlock(double usPerFrame) {
        if (blockStartUs + block.frames() * usPerFrame <= nextUs) {
            block = null;
        } else if (blockStartUs < nextUs) {
            position = (int) ((nextUs - blockStartUs) / usPerFrame);
        }
    }

    private Chunk silence(int maxFrames, double usPerFrame) {
        if (silence.length < maxFrames * SoundDecoder.CHANNELS) {
            silence = new short[maxFrames * SoundDecoder.CHANNELS];
        }
        nextUs = Math.max(nextUs, segmentStartMs * 1000);
        int frames = (int) Math.max(1, Math.min(maxFrames, (segmentEndMs * 1000 - nextUs) / usPerFrame));
        Chunk chunk = new Chunk(silence, 0, frames, nextUs);
        nextUs += Math.round(frames * usPerFrame);
        return chunk;
    }

    private SoundDecoder.Block decode() {
        try {
            return cursor.next();
        } catch (MediaException e) {
            LOG.warning("sound: segment " + sequence + " ends early: " + e.getMessage());
            closeCursor();
            return null;
        }
    }

    private void prepareFollowing() {
        if (sequence < 0) {
            return;
        }
        SegmentIndex index = segments.get();
        int here = index.indexOfSequence(sequence);
        if (here >= 0 && here + 1 < index.size()) {
            opener.prepare(index.sequence(here + 1));
        }
    }

    private boolean openFollowing() {
        SegmentIndex index = segments.get();
        int here = index.indexOfSequence(sequence);
        int next = here >= 0 ? here + 1 : index.indexAt(nextUs / 1000) + 1;
        if (next <= 0 || next >= index.size()) {
            return (index.isEmpty() || segmentEndMs >= index.lastEndMs()) && openLive(segmentEndMs);
        }
        open(index, next);
        return true;
    }

    /** The segment being written ended: from here on this is the DVR segment it became (or it just ends). */
    private void handOver() {
        Optional<Segment> finished = live.segment().finished();
        if (finished.isPresent()) {
            sequence = finished.get().sequence();
            segmentEndMs = finished.get().endMs();
        } else {
            segmentEndMs = nextUs / 1000;
        }
        live.close();
        live = null;
    }

    private void open(SegmentIndex index, int i) {
        closeCursor();
        sequence = index.sequence(i);
        segmentStartMs = index.startMs(i);
        segmentEndMs = index.endMs(i);
        try {
            Optional<SoundDecoder.Cursor> opened = opener.take(sequence);
            silentSegment = opened.isEmpty();
            cursor = opened.orElse(null);
        } catch (MediaException e) {
            LOG.warning("sound: segment " + sequence + " skipped: " + e.getMessage());
        }
    }

    private void closeCursor() {
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
        if (live != null) {
            live.close();
            live = null;
        }
        block = null;
    }

    private void closeFollowing() {
        if (following != null) {
            following.close();
            following = null;
        }
    }

    @Override
    public void close() {
        joining = false;
        closeCursor();
        closeFollowing();
        silentSegment = false;
    }

    /** Closes the segment and the opener's thread: the sound is done. */
    void shutdown() {
        close();
        opener.close();
    }
}
