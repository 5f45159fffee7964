package io.clipdesk.ui.streams;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PushHostTest {

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void choose_prefersAPrivateIpv4_overOtherAddresses() throws Exception {
        assertEquals("192.168.1.20", PushHost.choose(List.of(ip("fe80::1"), ip("2001:db8::5"), ip("203.0.113.9"),
                ip("192.168.1.20"), ip("127.0.0.1"))));
        assertEquals("203.0.113.9", PushHost.choose(List.of(ip("2001:db8::5"), ip("203.0.113.9"))));
        assertEquals("2001:db8:0:0:0:0:0:5", PushHost.choose(List.of(ip("fe80::1"), ip("2001:db8::5"))));
    }

    @Test
    void choose_withNoReachableAddress_isLoopback_soAnEncoderOnThisMachineStillWorks() throws Exception {
        assertEquals("127.0.0.1", PushHost.choose(List.of()));
        assertEquals("127.0.0.1", PushHost.choose(List.of(ip("127.0.0.1"), ip("fe80::1"), ip("169.254.3.4"))));
    }

    @Test
    void boundHost_isTheApisAddress_onlyWhenOtherMachinesCanReachIt() {
        assertEquals("10.0.0.7", PushHost.boundHost("http://10.0.0.7:8080"));
        assertEquals("clipdesk.newsroom.lan", PushHost.boundHost("http://clipdesk.newsroom.lan:8080"));
        assertNull(PushHost.boundHost("http://127.0.0.1:41234"));
        assertNull(PushHost.boundHost("http://0.0.0.0:8080"));
        assertNull(PushHost.boundHost("http://localhost:8080"));
        assertNull(PushHost.boundHost("embedded"));
    }
}
