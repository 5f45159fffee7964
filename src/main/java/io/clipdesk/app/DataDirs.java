package io.clipdesk.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where the data dir is: $CLIPDESK_DATA, else --data-dir, else the XDG data dir (~/.local/share/clipdesk). */
public final class DataDirs {

    private DataDirs() {
    }

    public static Path resolve(Optional<String> fromArgs, Map<String, String> env) {
        String fromEnv = env.get("CLIPDESK_DATA");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        if (fromArgs.isPresent()) {
            return Path.of(fromArgs.get());
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("clipdesk");
    }
}
