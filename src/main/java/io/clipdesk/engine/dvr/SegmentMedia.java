package io.clipdesk.engine.dvr;

import io.clipdesk.engine.MediaException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The bytes of one DVR segment (an MPEG-TS file), wherever they came from: the embedded engine's disk or a
 * remote server's keyed DVR. Decoders read it from memory, so a desk never needs to know where the DVR lives. The
 * array is owned by this value from construction on and never handed out, so the value stays immutable without a
 * copy of a few hundred kilobytes per segment. At the live edge it may instead be a segment still being written
 * ({@link #growing(LiveSegment, long)}): its stream waits for bytes, and cannot seek.
 */
public final class SegmentMedia {

    private final String name;
    private final byte[] bytes;
    private final LiveSegment live;
    private final long maxStallMs;

    private SegmentMedia(String name, byte[] bytes) {
        this.name = Objects.requireNonNull(name, "name");
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        this.live = null;
        this.maxStallMs = 0;
    }

    private SegmentMedia(LiveSegment live, long maxStallMs) {
        this.name = live.toString();
        this.bytes = null;
        this.live = live;
        this.maxStallMs = maxStallMs;
    }

    /**
     * The segment a source is writing now, read as it grows.
     *
     * @param maxStallMs how long a reader waits for more bytes before it takes the segment as ended
     */
    public static SegmentMedia growing(LiveSegment live, long maxStallMs) {
        return new SegmentMedia(live, maxStallMs);
    }

    /** True for a segment still being written: its stream waits for bytes and its size is what came so far. */
    public boolean isGrowing() {
        return live != null;
    }

    /** @param bytes handed over: the caller must not change them afterwards */
    public static SegmentMedia of(String name, byte[] bytes) {
        return new SegmentMedia(name, bytes);
    }

    /**
     * Reads a segment file whole.
     *
     * @throws MediaException when it is not on disk or cannot be read
     */
    public static SegmentMedia read(Path file) {
        try {
            return new SegmentMedia(String.valueOf(file.getFileName()), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new MediaException("segment " + file.getFileName() + " is not on disk");
        } catch (IOException e) {
            throw new MediaException("cannot read segment " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** How errors name the segment, e.g. {@code media_1_360_000042.ts}. */
    public String name() {
        return name;
    }

    public int sizeBytes() {
        return live != null ? live.sizeBytes() : bytes.length;
    }

    /** A fresh stream over the whole segment; it supports mark/reset, so a demuxer may seek in it. */
    public InputStream open() {
        return live != null ? live.open(maxStallMs) : new ByteArrayInputStream(bytes);
    }

    @Override
    public String toString() {
        return name + " (" + sizeBytes() + " bytes" + (live != null ? " so far" : "") + ")";
    }
}
