package io.clipdesk.engine.stream;

import io.clipdesk.engine.InvalidRequestException;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PushAddressTest {

    @Test
    void rtmp_storedAndReadBack_givesTheListenAndPushUrls() {
        SourceSpec spec = PushAddress.rtmp(1936).spec();
        assertEquals("rtmp://0.0.0.0:1936/live", spec.uri());
        PushAddress read = PushAddress.of(spec).orElseThrow();
        assertEquals(PushAddress.rtmp(1936), read);
        assertEquals("rtmp://0.0.0.0:1936/live/k3y", read.listenUrl(PushAddress.ANY_INTERFACE, "k3y"));
        assertEquals("rtmp://127.0.0.1:1936/live/k3y", read.listenUrl("127.0.0.1", "k3y"));
        assertEquals("rtmp://studio.local:1936/live/k3y", read.pushUrl("studio.local", "k3y"));
    }

    @Test
    void encoderHost_isTheIngestAddress_unlessTheListenersTakeEveryInterface() {
        assertEquals("127.0.0.1", PushAddress.encoderHost("127.0.0.1", "localhost"));
        assertEquals("192.168.1.20", PushAddress.encoderHost("192.168.1.20", "clips.example.com"));
        assertEquals("clips.example.com", PushAddress.encoderHost("0.0.0.0", "clips.example.com"));
        assertEquals("10.0.0.5", PushAddress.encoderHost("::", "10.0.0.5"));
        assertEquals("srt://[::1]:9000", PushAddress.srt(9000, "").listenUrl("::1", "k3y"));
    }

    @Test
    void srt_keepsItsPassphrase_andPutsItInThePushUrl() {
        PushAddress address = PushAddress.srt(9001, "correct-horse");
        assertEquals(address, PushAddress.of(address.spec()).orElseThrow());
        assertEquals("srt://10.0.0.5:9001?passphrase=correct-horse", address.pushUrl("10.0.0.5", "k3y"));
        assertEquals("srt://[::1]:9001?passphrase=correct-horse", address.pushUrl("::1", "k3y"));
        assertEquals("srt://10.0.0.5:9001", PushAddress.srt(9001, "").pushUrl("10.0.0.5", "k3y"));
    }

    @Test
    void passphrase_outsideSrtsRule_isRefusedWithTheRule() {
        var e = assertThrows(InvalidRequestException.class, () -> PushAddress.srt(9000, "short"));
        assertEquals("passphrase must be 10–79 characters of letters, digits and - _ . ~", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PushAddress.srt(9000, "has spaces in it"));
        assertThrows(IllegalArgumentException.class, () -> new PushAddress(SourceKind.RTMP_PUSH, 1935, "0123456789"));
    }

    @Test
    void port_belowTheUnprivilegedRange_isRefused() {
        assertEquals("port must be 1024–65535, got 80",
                assertThrows(InvalidRequestException.class, () -> PushAddress.rtmp(80)).getMessage());
    }

    @Test
    void otherKinds_haveNoPushAddress() {
        assertEquals(Optional.empty(), PushAddress.of(SourceSpec.TEST_SIGNAL));
        assertEquals(Optional.empty(), PushAddress.of(new SourceSpec(SourceKind.HLS_PULL, "http://x/y.m3u8")));
    }
}
