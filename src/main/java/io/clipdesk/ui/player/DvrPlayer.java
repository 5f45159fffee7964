package io.clipdesk.ui.player;

import io.clipdesk.engine.MediaException;
import io.clipdesk.engine.dvr.FrameDecoder;
import io.clipdesk.engine.dvr.LiveSegment;
import io.clipdesk.engine.dvr.SegmentMedia;
import io.clipdesk.ui.dvr.SegmentIndex;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Plays the DVR from pictures decoded in-process (ARCHITECTURE.md, decoder spike). Owns the thread
 * {@code dvr-player-{stream}}, which decodes one segment at a time, paced by the frames' own timestamps, and
 * hands pictures over through a {@link FrameExchange}. Live: where the engine lets it read the segment being
 * written, it plays that one as it grows, {@link LiveEdge#BEHIND_MS} behind the wall clock, and goes on with each
 * next one as it starts; otherwise it plays the newest complete segment and carries on with each one as it
 * arrives. When it falls two segments behind it jumps forward, and a watchdog reopens at the live edge when no
 * picture came for two segment durations while newer media exists.
 * Commands are queued from any thread; a burst of seeks (a drag) collapses into the last one.
 */
public final class DvrPlayer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DvrPlayer.class.getName());
    private static final long IDLE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long ARRIVAL_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long SHUTTLE_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long ROOM_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** Replay operators shuttle up to 16×. */
    private static final int MAX_RATE = 16;
    /**
     * Up to 8× every picture is decoded; faster, decoding them all outruns a 2-core box and only stutters, so 16×
     * shows a picture every {@link #SHUTTLE_STEP_NANOS}, 3.2 s of media apart (as reverse shuttle does at any speed).
     */
    private static final int MAX_DECODED_RATE = 8;

    private final FrameDecoder decoder;
    private final Supplier<SegmentIndex> segments;
    private final LiveEdge liveEdge;
    private final LiveDrift drift;
    private final long segmentDurationNanos;
    private final FrameExchange exchange;
    private final Runnable onUpdate;
    private final PlayerSound sound;
    private final SoundPacing soundPacing;
    private final BlockingQueue<PlayerCommand> commands = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final PlaybackCounters counters = new PlaybackCounters();
    private volatile boolean running = true;
    private volatile PlayerStatus status = PlayerStatus.IDLE;

    private final SegmentCursor cursor;
    private boolean playing;
    private double rate = 1;
    private boolean live;
    private long frameMs;
    private long pendingSeekMs = PlayerCommand.NONE;
    private boolean pendingJoin;
    /** The picture {@link #catchUp()} decoded, to be shown next; NONE otherwise. */
    private long caughtUpAtMs = PlayerCommand.NONE;
    private final FramePacer pacer = new FramePacer();
    private long lastFrameNanos;
    private long holdSinceNanos = -1;
    /** Wall-clock ms of the picture decoded ahead into the exchange's write buffer, or NONE. */
    private long aheadMs = PlayerCommand.NONE;

    /**
     * @param mediaOfSequence the segment media of the rendition to show (360p is plenty for the editor)
     * @param onUpdate       called on the player thread after each picture or state change; must return quickly
     */
    public DvrPlayer(long streamId, FrameDecoder decoder, Supplier<SegmentIndex> segments,
                     LongFunction<SegmentMedia> mediaOfSequence, int width, int height, long segmentDurationMs, Clock clock,
                     Runnable onUpdate) {
        this(streamId, decoder, segments, mediaOfSequence, Optional::empty, width, height, segmentDurationMs, clock,
                onUpdate, PlayerSound.SILENT);
    }

    /**
     * As above, with the segment being written (in the same rendition) for the live edge, and sound: the picture
     * follows it where the stream has sound and this machine an output.
     *
     * @param liveSegment the segment the engine is writing now; empty when it has none or cannot share it
     */
    public DvrPlayer(long streamId, FrameDecoder decoder, Supplier<SegmentIndex> segments,
                     LongFunction<SegmentMedia> mediaOfSequence, Supplier<Optional<LiveSegment>> liveSegment,
                     int width, int height, long segmentDurationMs, Clock clock, Runnable onUpdate, PlayerSound sound) {
        this.sound = sound;
        this.liveEdge = new LiveEdge(liveSegment, clock, segmentDurationMs);
        this.drift = new LiveDrift(clock);
        this.soundPacing = new SoundPacing(sound, pacer);
        this.decoder = decoder;
        this.segments = segments;
        this.segmentDurationNanos = TimeUnit.MILLISECONDS.toNanos(segmentDurationMs);
        this.exchange = new FrameExchange(width, height);
        this.onUpdate = onUpdate;
        this.cursor = new SegmentCursor("dvr-player-open-" + streamId, decoder, mediaOfSequence, width, height,
                2 * segmentDurationMs);
        this.thread = new Thread(this::loop, "dvr-player-" + streamId);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public void send(PlayerCommand command) {
        commands.add(command);
    }

    public PlayerStatus status() {
        return status;
    }

    FrameExchange exchange() {
        return exchange;
    }

    PlayerSound sound() {
        return sound;
    }

    private void loop() {
        try {
            decoder.warmUp();
        } catch (MediaException e) {
            LOG.warning("player: " + e.getMessage());
        }
        apply(PlayerCommand.of(PlayerCommand.Kind.GO_LIVE));
        lastFrameNanos = System.nanoTime();
        while (running) {
            try {
                long wait = playing ? Math.max(0, pacer.dueNanos() - System.nanoTime()) : IDLE_WAIT_NANOS;
                PlayerCommand command = commands.poll(wait, TimeUnit.NANOSECONDS);
                for (; command != null; command = commands.poll()) {
                    apply(command);
                }
                step();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.warning("player: " + e);
                counters.problem = String.valueOf(e.getMessage());
                cursor.close();
                aheadMs = PlayerCommand.NONE;
                pause();
            }
        }
        cursor.shutdown();
    }

    private void step() {
        if (pendingJoin) {
            pendingJoin = false;
            joinLive();
        }
        if (pendingSeekMs != PlayerCommand.NONE) {
            long target = pendingSeekMs;
            pendingSeekMs = PlayerCommand.NONE;
            showAt(target);
        }
        long now = System.nanoTime();
        boolean stepping = stepping();
        if (playing && !stepping) {
            cursor.prepareFollowing(segments.get());
        }
        if (playing && !stepping && aheadMs == PlayerCommand.NONE && cursor.isOpen() && decodeAhead()) {
            // The next picture is ready before it is due: its decode adds nothing to its lateness. A decode that
            // took too long leaves a stale picture: play from the live edge instead.
            now = System.nanoTime();
            if (holdSinceNanos < 0 && watchdog(now)) {
                publishStatus();
                return;
            }
        }
        if (playing && now >= pacer.dueNanos()) {
            long stepMs = Math.round(rate * TimeUnit.NANOSECONDS.toMillis(SHUTTLE_STEP_NANOS));
            if (!stepping) {
                advance(now);
            } else if (rate < 0 && frameMs <= segments.get().firstStartMs()) {
                pause();
            } else if (rate > 0 && frameMs + stepMs >= segments.get().lastEndMs()) {
                apply(PlayerCommand.of(PlayerCommand.Kind.GO_LIVE)); // caught up: on at 1× with the live edge
            } else {
                showAt(frameMs + stepMs);
                pacer.retryIn(now, SHUTTLE_STEP_NANOS);
            }
        }
        watchdog(now);
        publishStatus();
    }

    /** Reverse, and forward beyond {@link #MAX_DECODED_RATE}: a picture per step instead of every picture. */
    private boolean stepping() {
        return rate < 0 || rate > MAX_DECODED_RATE;
    }

    private void apply(PlayerCommand command) {
        switch (command.kind()) {
            case PLAY -> play(1);
            case PAUSE -> pause();
            case TOGGLE_PLAY -> {
                if (playing) {
                    pause();
                } else {
                    play(1);
                }
            }
            case SEEK -> {
                live = false;
                pendingJoin = false;
                pendingSeekMs = command.value();
            }
            case SKIP -> {
                live = false;
                pendingJoin = false;
                pendingSeekMs = (pendingSeekMs != PlayerCommand.NONE ? pendingSeekMs : frameMs) + command.value();
            }
            case STEP_FRAMES -> {
                pause();
                pendingJoin = false;
                long from = pendingSeekMs != PlayerCommand.NONE ? pendingSeekMs : frameMs;
                pendingSeekMs = from + command.value() * cursor.frameDurationMs();
            }
            case SHUTTLE -> shuttle(command.value() > 0);
            case SLOW -> {
                live = false;
                play(1.0 / command.value());
            }
            case GO_LIVE -> {
                play(1);
                live = true;
                pendingSeekMs = PlayerCommand.NONE;
                pendingJoin = true;
            }
        }
    }

    /**
     * Joins the live edge ({@link LiveEdge}): in the segment being written when the engine shares it, else in the
     * newest complete segment; nothing while the DVR is empty.
     */
    private void joinLive() {
        Optional<LiveSegment> growing = liveEdge.growing();
        if (growing.isPresent()) {
            long started = System.nanoTime();
            if (cursor.openLive(growing.get())) {
                seekAndShow(liveEdge.joinMs(growing.get()), started);
                return;
            }
        }
        SegmentIndex index = segments.get();
        if (!index.isEmpty()) {
            showAt(liveEdge.completeJoinMs(index));
        }
    }

    private void play(double newRate) {
        playing = true;
        rate = newRate;
        pacer.anchor(System.nanoTime(), frameMs);
        lastFrameNanos = System.nanoTime();
        sound.play(frameMs, rate);
    }

    private void pause() {
        playing = false;
        rate = 1;
        live = false;
        holdSinceNanos = -1;
        sound.stop();
    }

    /**
     * J and L: each press doubles the speed in its direction, a press the other way (or from slow motion) starts
     * over at 1×.
     */
    private void shuttle(boolean forward) {
        live = false;
        boolean faster = playing && forward == rate > 0 && Math.abs(rate) >= 1;
        double next = faster ? Math.min(MAX_RATE, Math.abs(rate) * 2) : 1;
        play(forward ? next : -next);
    }

    /**
     * Hands the next picture over when due, a frame before its sound is heard (the FX thread puts it on screen at
     * its time); at the end of a segment moves on to the next one, or waits for it.
     */
    private void advance(long now) {
        if (aheadMs == PlayerCommand.NONE) {
            if (!cursor.isOpen()) {
                if (live) {
                    joinLive(); // the first segment of a fresh DVR: join it like any live edge
                    return;
                }
                if (!openAt(frameMs)) {
                    pacer.retryIn(now, ARRIVAL_POLL_NANOS);
                    return;
                }
            }
            if (!decodeAhead()) {
                if (holdSinceNanos < 0) {
                    holdSinceNanos = now;
                }
                pacer.retryIn(now, ARRIVAL_POLL_NANOS);
                return;
            }
            now = System.nanoTime();
            if (holdSinceNanos < 0 && watchdog(now)) {
                return; // the decode itself took too long: the picture is stale, play from the live edge instead
            }
        }
        // Handed over one frame ahead of its sound, not more: a desk model without a view (no pulse) takes its
        // pictures only when told of one, and a picture told of before it is due would wait there for the next.
        long leadMs = cursor.frameDurationMs();
        long skipToMs = soundPacing.catchUpTo(now, aheadMs, rate, cursor.frameDurationMs());
        boolean drifted = false;
        if (skipToMs == PlayerCommand.NONE && live && rate == 1 && cursor.isLive()
                && sound.mediaMsAt(now) == PlayerCommand.NONE) {
            // No sound to follow: the picture keeps its own distance from live (with sound, the sound keeps it
            // and the picture follows it, above).
            skipToMs = drift.skipToMs(aheadMs, Long.MAX_VALUE);
            drifted = skipToMs != PlayerCommand.NONE;
        }
        if (skipToMs != PlayerCommand.NONE) {
            if (!skipAhead(skipToMs)) {
                pacer.retryIn(now, ARRIVAL_POLL_NANOS);
                return;
            }
            now = System.nanoTime();
            if (drifted) {
                counters.liveJumps++;
                pacer.anchor(now, aheadMs);
            }
        }
        if (soundPacing.waitsAt(now, aheadMs - leadMs, rate)) {
            return;
        }
        if (!exchange.hasRoom()) {
            pacer.retryIn(now, ROOM_POLL_NANOS); // both queued pictures still wait for their time
            return;
        }
        long at = aheadMs;
        aheadMs = PlayerCommand.NONE;
        if (holdSinceNanos >= 0) {
            counters.hold(now - holdSinceNanos, cursor.frameDurationMs());
            holdSinceNanos = -1;
            pacer.anchor(now, at);
        }
        show(at, now, !soundPacing.clocked());
        soundPacing.follow(now, leadMs);
        if (live) {
            pacer.shown(at, cursor.frameDurationMs(), rate, now, segmentDurationNanos);
        } else {
            pacer.shown(at, cursor.frameDurationMs(), rate, now);
        }
    }

    /**
     * Replaces the picture decoded ahead with the one at {@code targetMs}, decoding forward without converting the
     * pictures in between (as a player drops frames to meet its sound again); false when none could be decoded.
     */
    private boolean skipAhead(long targetMs) {
        SegmentIndex index = segments.get();
        int i = index.indexAt(targetMs);
        if (i < 0 || i >= index.size()) {
            if (!cursor.isLive()) {
                return true; // the sound is past the DVR's newest picture: keep the one decoded
            }
            // Both in the segment being written: forward in it, to what has been written with the sound heard.
        } else if (!cursor.isOn(index, i) && !cursor.open(index, i)) {
            aheadMs = PlayerCommand.NONE;
            return false;
        }
        long at = cursor.seek(targetMs, exchange.writeBuffer());
        aheadMs = at;
        return at != PlayerCommand.NONE;
    }

    /**
     * Decodes the next picture into the write buffer, moving on to the next segment at the end of one; false when
     * there is none yet (the live edge) or the segment cannot be read.
     */
    private boolean decodeAhead() {
        long at = cursor.next(exchange.writeBuffer());
        if (at == PlayerCommand.NONE) {
            if (!openFollowing()) {
                return false;
            }
            at = caughtUpAtMs != PlayerCommand.NONE ? caughtUpAtMs : cursor.next(exchange.writeBuffer());
            caughtUpAtMs = PlayerCommand.NONE;
        }
        aheadMs = at;
        return at != PlayerCommand.NONE;
    }

    /** Opens the segment after the current one (or the newest, when following live and two behind). */
    private boolean openFollowing() {
        if (catchUp()) {
            return true;
        }
        SegmentIndex index = segments.get();
        int next = cursor.indexAfter(index);
        if (next >= index.size()) {
            if (rate > 1) {
                rate = 1;
                live = true;
            }
            return openLiveFollowing();
        }
        boolean jump = live && index.size() - 1 - next >= 2;
        if (jump) {
            next = index.size() - 1;
            counters.liveJumps++;
        }
        boolean gap = index.startMs(next) - cursor.endMs() > cursor.frameDurationMs();
        boolean opened = cursor.open(index, next);
        if (opened && gap) {
            pacer.anchor(System.nanoTime(), index.startMs(next));
        }
        if (opened && jump) {
            sound.play(index.startMs(next), rate);
        }
        return opened || openFollowing();
    }

    /**
     * Following live from complete segments (joined before the segment being written could be read: a desk
     * started before its engine's source, a remote desk's first ask) while the engine shares the one being
     * written: goes there, as far behind the wall clock as joining it would, its picture already decoded
     * ({@link #caughtUpAtMs}). Complete segments at the live edge are always at least a segment behind.
     */
    private boolean catchUp() {
        if (!live || rate != 1 || cursor.isLive()) {
            return false;
        }
        Optional<LiveSegment> growing = liveEdge.catchUpFrom(cursor.endMs());
        if (growing.isEmpty() || !cursor.openLive(growing.get())) {
            return false;
        }
        long at = cursor.seek(liveEdge.joinMs(growing.get()), exchange.writeBuffer());
        if (at == PlayerCommand.NONE) {
            return false;
        }
        counters.liveJumps++;
        caughtUpAtMs = at;
        pacer.anchor(System.nanoTime(), at);
        sound.play(at, rate);
        return true;
    }

    /**
     * Goes on into the segment being written when it is the one after this (the last stretch to the live edge);
     * false while there is none yet.
     */
    private boolean openLiveFollowing() {
        Optional<LiveSegment> growing = liveEdge.following(cursor.endMs(), cursor.frameDurationMs());
        if (growing.isEmpty() || rate <= 0) {
            return false;
        }
        boolean gap = growing.get().startMs() - cursor.endMs() > cursor.frameDurationMs();
        if (!cursor.openLive(growing.get())) {
            return false;
        }
        if (gap) {
            pacer.anchor(System.nanoTime(), growing.get().startMs());
            sound.play(growing.get().startMs(), rate);
        }
        return true;
    }

    private boolean openAt(long timeMs) {
        SegmentIndex index = segments.get();
        if (index.isEmpty()) {
            return false;
        }
        return cursor.open(index, Math.max(0, Math.min(index.size() - 1, index.indexAt(timeMs))));
    }

    /** Decodes and shows the picture on screen at {@code timeMs} (clamped into the DVR). */
    private void showAt(long timeMs) {
        SegmentIndex index = segments.get();
        if (index.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        long target = Math.max(index.firstStartMs(), Math.min(index.lastEndMs() - 1, timeMs));
        int i = Math.max(0, Math.min(index.size() - 1, index.indexAt(target)));
        if (!cursor.isOn(index, i) && !cursor.open(index, i)) {
            return;
        }
        seekAndShow(target, started);
    }

    /** Decodes and shows the picture of the open segment on screen at {@code target}. */
    private void seekAndShow(long target, long started) {
        aheadMs = PlayerCommand.NONE;
        long at = cursor.seek(target, exchange.writeBuffer());
        if (at != PlayerCommand.NONE) {
            long now = System.nanoTime();
            counters.seekMs = (now - started) / 1_000_000;
            show(at, now, true);
            pacer.anchor(now, at);
            pacer.shown(at, cursor.frameDurationMs(), rate, now);
            if (playing) {
                sound.play(at, rate);
            } else {
                sound.burst(at);
            }
        }
    }

    /** @param immediate shown on the next pulse; otherwise when its sound is heard */
    private void show(long atMs, long now, boolean immediate) {
        frameMs = atMs;
        exchange.publish(atMs, immediate);
        lastFrameNanos = now;
        counters.framesDecoded++;
        if (live) {
            counters.latencyMs = liveEdge.latencyMs(atMs);
        }
        onUpdate.run();
    }

    /** True when it reopened at the live edge because no picture came for two segment durations. */
    private boolean watchdog(long now) {
        if (!playing || stepping() || now - lastFrameNanos < 2 * segmentDurationNanos) {
            return false;
        }
        lastFrameNanos = now;
        SegmentIndex index = segments.get();
        if (!index.isEmpty() && index.sequence(index.size() - 1) > cursor.sequence()) {
            LOG.info("player: no picture for " + 2 * segmentDurationNanos / 1_000_000 + " ms; reopening at the live edge");
            counters.recoveries++;
            cursor.close();
            aheadMs = PlayerCommand.NONE;
            apply(PlayerCommand.of(PlayerCommand.Kind.GO_LIVE));
            return true;
        }
        return false;
    }

    private void publishStatus() {
        PlayerStatus next = counters.status(frameMs, playing, rate, live);
        if (!next.equals(status)) {
            status = next;
            onUpdate.run();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
