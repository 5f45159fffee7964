package io.clipdesk.app;

import io.clipdesk.engine.storage.DiskReserve;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadlessOptionsTest {

    private static final Path HOME = Path.of("/home/editor");

    @Test
    void noArguments_listensOnLoopback8080_inTheXdgDataDir() {
        HeadlessOptions o = HeadlessOptions.parse(new String[] {"--headless"}, Map.of(), HOME);
        assertEquals("127.0.0.1", o.bind());
        assertEquals(8080, o.port());
        assertEquals(Path.of("/home/editor/.local/share/clipdesk"), o.dataDir());
        assertEquals(DiskReserve.DEFAULT, o.diskReserve());
    }

    @Test
    void diskReserve_takesASizeAShareOrBoth_andSaysTheFormsWhenWrong() {
        assertEquals(new DiskReserve(2L << 30, 5),
                HeadlessOptions.parse(new String[] {"--disk-reserve", "2G,5%"}, Map.of(), HOME).diskReserve());
        assertEquals(DiskReserve.NONE,
                HeadlessOptions.parse(new String[] {"--disk-reserve=0"}, Map.of(), HOME).diskReserve());
        var wrong = assertThrows(IllegalArgumentException.class,
                () -> HeadlessOptions.parse(new String[] {"--disk-reserve", "plenty"}, Map.of(), HOME));
        assertTrue(wrong.getMessage().startsWith("--disk-reserve takes a size (5G, 512M)"), wrong.getMessage());
    }

    @Test
    void lanOptions_ingestFollowsTheApi_mediaRootsRepeat_andTlsNeedsCertAndKey() {
        HeadlessOptions plain = HeadlessOptions.parse(new String[] {"--bind", "10.0.0.5"}, Map.of(), HOME);
        assertEquals("10.0.0.5", plain.ingestBind(), "push listeners listen where the API does");
        assertEquals(List.of(), plain.mediaRoots(), "no file sources unless allowed");
        HeadlessOptions o = HeadlessOptions.parse(new String[] {"--ingest-bind=0.0.0.0", "--media-root", "/srv/a",
                "--media-root=/srv/b", "--tls-cert", "/etc/c.pem", "--tls-key", "/etc/k.pem"}, Map.of(), HOME);
        assertEquals("0.0.0.0", o.ingestBind());
        assertEquals(List.of(Path.of("/srv/a"), Path.of("/srv/b")), o.mediaRoots());
        assertEquals(Path.of("/etc/c.pem"), o.tlsCert());
        assertEquals(64, plain.maxConnectionsPerAddress());
        assertEquals(8, HeadlessOptions.parse(new String[] {"--max-connections-per-address=8"}, Map.of(), HOME)
                .maxConnectionsPerAddress());
        assertThrows(IllegalArgumentException.class, () -> HeadlessOptions.parse(
                new String[] {"--max-connections-per-address", "0"}, Map.of(), HOME));
        IllegalArgumentException alone = assertThrows(IllegalArgumentException.class,
                () -> HeadlessOptions.parse(new String[] {"--tls-cert", "/etc/c.pem"}, Map.of(), HOME));
        assertTrue(alone.getMessage().contains("--tls-key"), alone.getMessage());
    }

    @Test
    void plainHttpBeyondLoopback_isWarnedAbout_butNotWithTlsOrOnLoopback() {
        String[] lan = {"--bind", "0.0.0.0"};
        assertTrue(HeadlessServer.clearTextWarning(HeadlessOptions.parse(lan, Map.of(), HOME)).orElseThrow()
                .contains("--tls-cert FILE --tls-key FILE"));
        String[] lanTls = {"--bind", "0.0.0.0", "--tls-cert", "/c.pem", "--tls-key", "/k.pem"};
        assertTrue(HeadlessServer.clearTextWarning(HeadlessOptions.parse(lanTls, Map.of(), HOME)).isEmpty());
        assertTrue(HeadlessServer.clearTextWarning(HeadlessOptions.parse(new String[] {}, Map.of(), HOME)).isEmpty());
        assertTrue(HeadlessServer.clearTextWarning(HeadlessOptions.parse(new String[] {"--bind", "::1"}, Map.of(),
                HOME)).isEmpty());
    }

    @Test
    void dataDir_flagBeatsEnvironment_environmentBeatsXdg() {
        Map<String, String> env = Map.of("CLIPDESK_DATA", "/srv/clips", "XDG_DATA_HOME", "/xdg");
        assertEquals(Path.of("/d"), HeadlessOptions.parse(new String[] {"--data-dir", "/d"}, env, HOME).dataDir());
        assertEquals(Path.of("/srv/clips"), HeadlessOptions.parse(new String[] {}, env, HOME).dataDir());
        assertEquals(Path.of("/xdg/clipdesk"),
                HeadlessOptions.parse(new String[] {}, Map.of("XDG_DATA_HOME", "/xdg"), HOME).dataDir());
    }

    @Test
    void options_takeSeparateOrInlineValues() {
        HeadlessOptions o = HeadlessOptions.parse(
                new String[] {"--bind=0.0.0.0", "--port", "9090", "--public-url=https://clips.example.com"}, Map.of(), HOME);
        assertEquals("0.0.0.0", o.bind());
        assertEquals(9090, o.port());
        assertEquals("https://clips.example.com", o.publicUrl());
    }

    @Test
    void badArguments_sayWhatIsWrong() {
        var port = assertThrows(IllegalArgumentException.class,
                () -> HeadlessOptions.parse(new String[] {"--port", "eighty"}, Map.of(), HOME));
        assertTrue(port.getMessage().contains("--port must be a number"));
        var missing = assertThrows(IllegalArgumentException.class,
                () -> HeadlessOptions.parse(new String[] {"--bind"}, Map.of(), HOME));
        assertEquals("--bind needs a value", missing.getMessage());
        var unknown = assertThrows(IllegalArgumentException.class,
                () -> HeadlessOptions.parse(new String[] {"--verbose"}, Map.of(), HOME));
        assertEquals("unknown option --verbose", unknown.getMessage());
    }
}
