package io.clipdesk.app;

import io.clipdesk.desk.DeskSwitch.ServerLogin;
import io.clipdesk.engine.storage.OwnerOnlyFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The servers this desk connected to, latest first, with their keys and the editor's name, in
 * {@code ~/.config/clipdesk/desk.properties} ({@code $XDG_CONFIG_HOME} when set). The file holds API keys, so it is
 * owner-only (0600) from its first byte on, and written whole through a temporary file.
 */
final class RecentServers {

    static final int KEPT = 8;

    private final Path file;

    RecentServers(Path file) {
        this.file = file;
    }

    /** {@code $XDG_CONFIG_HOME/clipdesk/desk.properties}, else {@code ~/.config/clipdesk/desk.properties}. */
    static Path defaultFile(java.util.Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
        return base.resolve("clipdesk").resolve("desk.properties");
    }

    synchronized List<ServerLogin> list() {
        Properties p = load();
        List<ServerLogin> servers = new ArrayList<>();
        for (int i = 0; i < KEPT; i++) {
            String url = p.getProperty("server." + i + ".url");
            if (url != null && !url.isBlank()) {
                servers.add(new ServerLogin(url, p.getProperty("server." + i + ".api_key", ""),
                        p.getProperty("server." + i + ".editor", "")));
            }
        }
        return servers;
    }

    /** Puts {@code login} first; the same URL is kept once, with what was used last. */
    synchronized void remember(ServerLogin login) {
        List<ServerLogin> servers = new ArrayList<>(list());
        servers.removeIf(s -> s.url().equals(login.url()));
        servers.add(0, login);
        Properties p = load();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("server.")).forEach(p::remove);
        for (int i = 0; i < Math.min(KEPT, servers.size()); i++) {
            p.setProperty("server." + i + ".url", servers.get(i).url());
            p.setProperty("server." + i + ".api_key", servers.get(i).apiKey());
            p.setProperty("server." + i + ".editor", servers.get(i).editor());
        }
        store(p);
    }

    private Properties load() {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            // none yet
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return p;
    }

    private void store(Properties p) {
        try {
            OwnerOnlyFiles.createFolder(file.toAbsolutePath().getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            Files.deleteIfExists(partial);
            OwnerOnlyFiles.createOrTighten(partial);
            try (OutputStream out = Files.newOutputStream(partial)) {
                p.store(out, "Clipdesk: servers this desk connected to (holds API keys: owner-only)");
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the recent servers in " + file, e);
        }
    }
}
