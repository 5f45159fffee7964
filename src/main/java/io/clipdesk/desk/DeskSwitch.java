package io.clipdesk.desk;

import java.util.List;
import java.util.Objects;

/**
 * How the window changes the engine it drives (the "Connect…" dialog): to a server, or back to the engine embedded
 * in this process. Implemented by the application, which owns the engines; calls block (network, start-up) and are
 * made off the FX thread.
 */
public interface DeskSwitch {

    /** A server and who works on it; the key is secret (kept owner-only by whoever remembers it). */
    record ServerLogin(String url, String apiKey, String editor) {
        public ServerLogin {
            url = Objects.requireNonNullElse(url, "").strip();
            apiKey = Objects.requireNonNullElse(apiKey, "").strip();
            editor = Objects.requireNonNullElse(editor, "").strip();
        }

        @Override
        public String toString() {
            return url + (editor.isEmpty() ? "" : " as " + editor); // never the key
        }
    }

    /**
     * Connects to a server, remembering it among the recent ones once it answered.
     *
     * @throws RuntimeException whose message is one sentence for the editor (wrong URL, wrong key, not a server)
     */
    DeskBackend connect(ServerLogin login);

    /** The engine embedded in this process, started if it is not running. */
    DeskBackend local();

    /** Servers connected to before, the latest first. */
    List<ServerLogin> recent();

    /** Who works at this desk when nobody said otherwise (the OS user). */
    String defaultEditor();
}
