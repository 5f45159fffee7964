package io.clipdesk.app;

import io.clipdesk.engine.DiskReserve;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
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
