package io.clipdesk.app;

import io.clipdesk.api.ApiBackend;
import io.clipdesk.api.ApiConfig;
import io.clipdesk.api.auth.ApiKeyStore;
import io.clipdesk.api.ApiServer;
import io.clipdesk.client.RemoteDesk;
import io.clipdesk.desk.DeskBackend;
import io.clipdesk.desk.DeskSwitch;
import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.EngineConfig;
import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.storage.DiskReserve;
import io.clipdesk.engine.storage.OwnerOnlyFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * The engines a desktop window may drive: the one embedded in this process (started on first need, with its REST API
 * on loopback for the clip previews, and kept running until the app stops) and remote servers, remembered in
 * {@link RecentServers} once they answered. A desk started with {@code --server} starts no engine until the editor
 * asks for "Local engine".
 */
final class DeskSessions implements DeskSwitch, AutoCloseable {

    /** How the embedded engine is started when asked for. */
    record Local(Path dataDir, String bind, int port, DiskReserve reserve) {
    }

    private final Local local;
    private final RecentServers recent;
    private final Path deskSettings;
    private final String defaultEditor;
    private final Clock clock;
    private ClipEngine engine;
    private ApiServer server;

    DeskSessions(Local local, RecentServers recent, Path deskSettings, String defaultEditor, Clock clock) {
        this.local = local;
        this.recent = recent;
        this.deskSettings = deskSettings;
        this.defaultEditor = defaultEditor;
        this.clock = clock;
    }

    @Override
    public synchronized DeskBackend connect(ServerLogin login) {
        String editor = login.editor().isEmpty() ? defaultEditor : login.editor();
        RemoteDesk desk = RemoteDesk.connect(login.url(), login.apiKey(), editor, clock, deskSettings);
        recent.remember(new ServerLogin(login.url(), login.apiKey(), editor));
        return desk;
    }

    @Override
    public synchronized DeskBackend local() {
        if (engine == null) {
            try {
                Path dataDir = local.dataDir().toAbsolutePath().normalize();
                OwnerOnlyFiles.createFolder(dataDir);
                ClipEngine opened = Engines.open(EngineConfig.defaults(new DataLayout(dataDir))
                        .withDiskReserve(local.reserve()).withApiPort(local.port()), clock);
                try {
                    ApiKeyStore keys = new ApiKeyStore(dataDir, new SecureRandom());
                    server = ApiServer.start(ApiConfig.of(local.bind(), local.port(), keys.loadOrCreate().key()),
                            ApiBackend.of(opened));
                } catch (RuntimeException | IOException e) {
                    opened.close();
                    throw e;
                }
                engine = opened;
            } catch (IOException e) {
                throw new UncheckedIOException("The local engine cannot start: " + e.getMessage(), e);
            }
        }
        return new EmbeddedDesk(engine, server.baseUrl(), defaultEditor);
    }

    @Override
    public List<ServerLogin> recent() {
        return recent.list();
    }

    @Override
    public String defaultEditor() {
        return defaultEditor;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
    }
}
