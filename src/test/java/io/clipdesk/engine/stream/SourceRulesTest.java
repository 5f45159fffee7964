package io.clipdesk.engine.stream;

import io.clipdesk.engine.InvalidRequestException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceRulesTest {

    private static final MediaRoots ANY_FILE = MediaRoots.ANY_LOCAL_FILE;
    private static final Set<Integer> NO_API = Set.of();

    private static LiveStream stream(long id, SourceSpec source) {
        return new LiveStream(id, "Stream " + id, source, true, 3600, "abcdefabcdef", 0, Rendition.DEFAULT_LADDER);
    }

    private static String refused(SourceSpec source, List<LiveStream> others) {
        return assertThrows(InvalidRequestException.class, () -> SourceRules.check(source, others, ANY_FILE, NO_API))
                .getMessage();
    }

    @Test
    void pullUrl_thatIsNotHttp_orMalformed_isRefusedWithWhatIsExpected() {
        assertTrue(refused(new SourceSpec(SourceKind.HLS_PULL, "file:///etc/passwd"), List.of())
                .startsWith("pull_url must be an http:// or https:// URL"));
        assertTrue(refused(new SourceSpec(SourceKind.HLS_PULL, "http://bad host/x.m3u8"), List.of())
                .contains("is not a valid URL"));
        assertTrue(refused(new SourceSpec(SourceKind.HLS_PULL, "https:///no-host.m3u8"), List.of())
                .startsWith("pull_url must be"));
    }

    @Test
    void pullUrl_unreachable_isNotWrong() {
        SourceSpec nobody = new SourceSpec(SourceKind.HLS_PULL, "http://127.0.0.1:1/live/index.m3u8");
        assertEquals(nobody, SourceRules.check(nobody, List.of(), ANY_FILE, NO_API));
    }

    @Test
    void file_missing_relative_orAFolder_isRefused(@TempDir Path dir) throws Exception {
        assertEquals("file " + dir.resolve("gone.mp4") + " does not exist",
                refused(new SourceSpec(SourceKind.FILE_LOOP, dir.resolve("gone.mp4").toString()), List.of()));
        assertTrue(refused(new SourceSpec(SourceKind.FILE_LOOP, "videos/a.mp4"), List.of()).contains("absolute"));
        assertTrue(refused(new SourceSpec(SourceKind.FILE_LOOP, dir.toString()), List.of()).contains("not a readable"));
        Path file = Files.writeString(dir.resolve("a.mp4"), "x");
        assertEquals(new SourceSpec(SourceKind.FILE_LOOP, file.toString()),
                SourceRules.check(new SourceSpec(SourceKind.FILE_LOOP, dir + "/./a.mp4"), List.of(), ANY_FILE, NO_API));
    }

    @Test
    void push_withoutAPort_getsTheFirstFreeOneFromItsKindsDefault() {
        List<LiveStream> others = List.of(stream(1, PushAddress.rtmp(1935).spec()), stream(2, PushAddress.srt(1936, "").spec()),
                stream(3, PushAddress.srt(9000, "").spec()));
        assertEquals(PushAddress.rtmp(1937).spec(),
                SourceRules.check(PushAddress.rtmp(0).spec(), others, ANY_FILE, NO_API));
        assertEquals(PushAddress.srt(9001, "").spec(),
                SourceRules.check(PushAddress.srt(0, "").spec(), others, ANY_FILE, NO_API));
        assertEquals(PushAddress.rtmp(1935).spec(),
                SourceRules.check(PushAddress.rtmp(0).spec(), List.of(), ANY_FILE, NO_API));
    }

    @Test
    void push_onAPortAnotherStreamListensOn_isRefusedNamingThatStream_whateverItsKind() {
        List<LiveStream> others = List.of(stream(4, PushAddress.rtmp(1940).spec()));
        assertEquals("port 1940 already takes pushes for stream 4 (Stream 4); pick another port or leave it out",
                refused(PushAddress.rtmp(1940).spec(), others));
        assertEquals("port 1940 already takes pushes for stream 4 (Stream 4); pick another port or leave it out",
                refused(PushAddress.srt(1940, "").spec(), others), "one port, one stream: an encoder is told a number");
    }

    @Test
    void push_onTheApiPort_isRefused_andAPortAskedForSkipsIt() {
        assertEquals("port 8080 is the API server's port; pick another port or leave it out",
                assertThrows(InvalidRequestException.class,
                        () -> SourceRules.check(PushAddress.srt(8080, "").spec(), List.of(), ANY_FILE, Set.of(8080)))
                        .getMessage());
        assertEquals(PushAddress.rtmp(1936).spec(),
                SourceRules.check(PushAddress.rtmp(0).spec(), List.of(), ANY_FILE, Set.of(1935)));
        assertEquals(PushAddress.rtmp(8080).spec(), SourceRules.check(PushAddress.rtmp(8080).spec(), List.of(),
                ANY_FILE, NO_API), "no API server, no port taken");
        assertEquals("port 8080 is the API server's port",
                SourceRules.apiPortClash(PushAddress.rtmp(8080).spec(), Set.of(8080)).orElseThrow());
        assertTrue(SourceRules.apiPortClash(SourceSpec.TEST_SIGNAL, Set.of(8080)).isEmpty());
    }

    @Test
    void push_storedAddressThatDoesNotParse_isRefused() {
        assertTrue(refused(new SourceSpec(SourceKind.SRT_PUSH, "rtmp://0.0.0.0:9000"), List.of())
                .contains("must start with srt://"));
    }
}
