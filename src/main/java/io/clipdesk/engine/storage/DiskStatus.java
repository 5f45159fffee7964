package io.clipdesk.engine.storage;

import java.util.Locale;
import java.util.Optional;

/**
 * The data dir's disk as the engine sees it: free and total bytes, the reserve the DVR keeps free, and whether
 * media could not be written for want of space. Below the reserve the DVR is cut to its newest media and new clips
 * are refused, so the disk counts as full to the people using it.
 */
public record DiskStatus(long freeBytes, long totalBytes, long reserveBytes, boolean writesFailing) {

    public boolean full() {
        return writesFailing || freeBytes < reserveBytes;
    }

    /** The sentence for /health and the desk; empty while there is room. Never a path. */
    public Optional<String> problem() {
        if (!full()) {
            return Optional.empty();
        }
        return Optional.of("The data folder's disk is full: " + megabytes(freeBytes) + " free of "
                + megabytes(totalBytes) + (reserveBytes > 0 ? ", and Clipdesk keeps " + megabytes(reserveBytes)
                + " free" : "") + ". The DVR is cut to its newest media and new clips are refused until space is "
                + "freed (delete clips, videos or other files on that disk); recording resumes by itself.");
    }

    static String megabytes(long bytes) {
        if (bytes >= 10L << 30) {
            return String.format(Locale.ROOT, "%.0f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
    }
}
