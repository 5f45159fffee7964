package io.clipdesk.api;

import io.clipdesk.api.auth.ApiKey;
import io.clipdesk.api.http.ErrorMapper;
import io.clipdesk.engine.StoreException;
import io.clipdesk.engine.change.ChangeLog;
import io.clipdesk.engine.clip.ClipService;
import io.clipdesk.engine.health.HealthService;
import io.clipdesk.engine.reframe.ReframeService;
import io.clipdesk.engine.storage.DataLayout;
import io.clipdesk.engine.storage.MediaFiles;
import io.clipdesk.engine.stream.StreamService;
import io.clipdesk.engine.video.VideoLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

/** An unexpected failure inside the engine: a 500 with a plain sentence on the wire, the trace once in the log. */
class ErrorMapperApiTest {

    private static final String INSIDE = "SQLITE_CORRUPT: SELECT * FROM streams in /srv/clipdesk/clipdesk.db";

    @SuppressWarnings("unchecked")
    private static <T> T failing(Class<T> port, RuntimeException failure) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (method.getName().endsWith("ApiPort")) {
                return null; // the server telling the engine where it listens is no request
            }
            throw failure;
        });
    }

    @Test
    void storeFailure_is500WithAGenericSentence_andIsLoggedOnceWithItsTrace(@TempDir Path dir) throws Exception {
        StoreException failure = new StoreException(INSIDE, new SQLException("database disk image is malformed"));
        ApiBackend backend = new ApiBackend(failing(StreamService.class, failure), failing(ClipService.class, failure),
                failing(VideoLibrary.class, failure), failing(MediaFiles.class, failure), Clock.systemUTC(),
                new DataLayout(dir), failing(HealthService.class, failure), new ChangeLog(Clock.systemUTC()),
                failing(ReframeService.class, failure));
        ApiKey key = ApiKey.random(new SecureRandom());
        List<LogRecord> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ErrorMapper.class.getName());
        logger.addHandler(capture);
        try (ApiServer server = ApiServer.start(ApiConfig.of("127.0.0.1", 0, key), backend, new StringWriter())) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/streaming/streams")).header("Authorization", "APIKey " + key.token())
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(500, response.statusCode());
            assertFalse(response.body().contains("SQLITE") || response.body().contains("/srv") || response.body()
                    .contains("Exception"), response.body());
            assertEquals("{\"error\":\"The server failed to handle this request; it has been logged. Try again, and "
                    + "if it keeps failing, check the server log.\"}", response.body());
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(1, logged.size());
        assertSame(failure, logged.get(0).getThrown());
    }

    @Test
    void failedCreate_tellsGcoreSdkNotToRepeatIt_whileAFailedReadMayBeRepeated(@TempDir Path dir) throws Exception {
        RuntimeException failure = new IllegalStateException("disk full");
        ApiBackend backend = new ApiBackend(failing(StreamService.class, failure), failing(ClipService.class, failure),
                failing(VideoLibrary.class, failure), failing(MediaFiles.class, failure), Clock.systemUTC(),
                new DataLayout(dir), failing(HealthService.class, failure), new ChangeLog(Clock.systemUTC()),
                failing(ReframeService.class, failure));
        ApiKey key = ApiKey.random(new SecureRandom());
        try (ApiServer server = ApiServer.start(ApiConfig.of("127.0.0.1", 0, key), backend, new StringWriter())) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest.Builder clip = HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "/streaming/streams/1/clip_recording")).header("Authorization", "APIKey " + key.token());
            HttpResponse<String> create = http.send(clip.PUT(HttpRequest.BodyPublishers.ofString("{\"duration\": 5}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(500, create.statusCode());
            assertEquals("false", create.headers().firstValue("x-should-retry").orElse(""));
            HttpResponse<String> list = http.send(clip.GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(500, list.statusCode());
            assertFalse(list.headers().firstValue("x-should-retry").isPresent());
        }
    }
}
