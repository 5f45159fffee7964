package io.clipdesk.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The desktop's own options, taken out before the engine's (which {@link HeadlessOptions} reads):
 * {@code --server URL --api-key KEY [--editor NAME]} drives a remote Clipdesk or Gcore-compatible server instead of
 * an embedded engine. The key may come from {@code $CLIPDESK_API_KEY} instead, so it stays out of the process list.
 * {@code --editor} names who makes the clips (default: the OS user).
 */
public record DeskOptions(Optional<Remote> remote, String editor, List<String> engineArgs) {

    public static final String USAGE = String.join("\n",
            "Usage: clipdesk [--server URL --api-key KEY] [--editor NAME] [engine options]",
            "  --server   drive a Clipdesk server (or any Gcore-compatible streaming API) at URL: this desk then runs",
            "             no engine and keeps no DVR",
            "  --api-key  the server's API key (default $CLIPDESK_API_KEY)",
            "  --editor   who makes the clips, shown on every desk as created_by (default: the OS user)");

    /** A server to drive. */
    public record Remote(String url, String apiKey) {
    }

    public DeskOptions {
        engineArgs = List.copyOf(engineArgs);
        editor = editor == null ? "" : editor.strip();
    }

    /** @throws IllegalArgumentException with one sentence when the options do not go together */
    public static DeskOptions parse(String[] args, Map<String, String> env, String osUser) {
        String server = null;
        String key = null;
        String editor = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--server" -> server = inline != null ? inline : valueAfter(args, i++, name);
                case "--api-key" -> key = inline != null ? inline : valueAfter(args, i++, name);
                case "--editor" -> editor = inline != null ? inline : valueAfter(args, i++, name);
                default -> rest.add(arg);
            }
        }
        boolean keyOnCommandLine = key != null;
        if (key == null || key.isBlank()) {
            key = env.getOrDefault("CLIPDESK_API_KEY", "");
        }
        String who = editor == null || editor.isBlank() ? osUser : editor;
        if (server == null) {
            if (keyOnCommandLine) {
                throw new IllegalArgumentException("--api-key goes with --server URL: the key of which server?");
            }
            return new DeskOptions(Optional.empty(), who, rest);
        }
        if (server.isBlank()) {
            throw new IllegalArgumentException("--server needs the server's URL, e.g. http://192.168.1.20:8080");
        }
        if (key.isBlank()) {
            throw new IllegalArgumentException("--server needs the server's API key: --api-key KEY, or set "
                    + "CLIPDESK_API_KEY");
        }
        List<String> engineOnly = rest.stream().filter(a -> !a.equals("-h") && !a.equals("--help")).toList();
        if (!engineOnly.isEmpty()) {
            throw new IllegalArgumentException("a desk on a server runs no engine: " + String.join(" ", engineOnly)
                    + " does not apply with --server");
        }
        return new DeskOptions(Optional.of(new Remote(server.strip(), key.strip())), who, rest);
    }

    private static String valueAfter(String[] args, int i, String name) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i + 1];
    }
}
