package io.clipdesk.engine;

import java.nio.file.FileSystemException;
import java.util.Locale;

/**
 * Why a file step failed, in words for a clip's or a video's {@code error}: a full disk by name, anything else
 * pointed at the server log. Exception messages name files, so they go to the log, never into an error field.
 */
public final class FailureReason {

    private static final String NO_SPACE = "no space left on device";
    private static final String SQLITE_FULL = "database or disk is full";

    private FailureReason() {
    }

    public static String of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t instanceof FileSystemException f ? f.getReason() : t.getMessage();
            String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
            if (lower.contains(NO_SPACE) || lower.contains(SQLITE_FULL)) {
                return "the data folder's disk was full";
            }
        }
        return "a file could not be written or read (details in the server log)";
    }
}
