package io.clipdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipdesk.testing.HlsOrigin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pull_url reaches encoders on the LAN and loopback, never link-local (cloud metadata), multicast, unspecified or
 * broadcast addresses nor other schemes: refused at create and PATCH, and a redirect there is refused as it comes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PullAddressApiTest {

    private static final String UNICAST_ONLY = "; a pull reaches only unicast addresses (public, private or loopback)";
    private static final String LINK_LOCAL = "a link-local address (169.254.0.0/16, fe80::/10, where cloud metadata "
            + "services answer)" + UNICAST_ONLY;

    ServerFixture f;
    HlsOrigin origin;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = new ServerFixture(dir.resolve("data"));
        origin = HlsOrigin.withSegments(dir.resolve("origin"), 1);
    }

    @AfterAll
    void stop() {
        origin.close();
        f.close();
    }

    private String refused(String pullUrl) {
        HttpResponse<String> response = f.api("POST", "/streaming/streams",
                "{\"name\": \"x\", \"pull_url\": \"" + pullUrl + "\"}");
        assertEquals(400, response.statusCode(), pullUrl + ": " + response.body());
        return f.json(response).get("error").asText();
    }

    private JsonNode created(String pullUrl) {
        HttpResponse<String> response = f.api("POST", "/streaming/streams",
                "{\"name\": \"x\", \"pull_url\": \"" + pullUrl + "\"}");
        assertEquals(201, response.statusCode(), pullUrl + ": " + response.body());
        return f.json(response);
    }

    @Test
    void linkLocalMulticastUnspecifiedAndBroadcast_are400SayingWhichAndWhy() {
        assertEquals("pull_url is refused: 169.254.169.254 is " + LINK_LOCAL,
                refused("http://169.254.169.254/latest/meta-data/index.m3u8"));
        assertEquals("pull_url is refused: fe80::1 is " + LINK_LOCAL, refused("http://[fe80::1]:8080/a.m3u8"));
        assertEquals("pull_url is refused: ::ffff:169.254.169.254 is " + LINK_LOCAL,
                refused("http://[::ffff:169.254.169.254]/a.m3u8"));
        assertEquals("pull_url is refused: 2852039166 is " + LINK_LOCAL, refused("http://2852039166/a.m3u8"),
                "169.254.169.254 written as one number");
        assertEquals("pull_url is refused: 224.1.1.1 is a multicast address (224.0.0.0/4, ff00::/8)" + UNICAST_ONLY,
                refused("http://224.1.1.1/a.m3u8"));
        assertTrue(refused("https://[ff02::1]/a.m3u8").contains("a multicast address"));
        assertEquals("pull_url is refused: 0.0.0.0 is an unspecified address (0.0.0.0/8, ::)" + UNICAST_ONLY,
                refused("http://0.0.0.0:8080/a.m3u8"));
        assertTrue(refused("http://[::]/a.m3u8").contains("an unspecified address"));
        assertEquals("pull_url is refused: 255.255.255.255 is the broadcast address" + UNICAST_ONLY,
                refused("http://255.255.255.255/a.m3u8"));
        assertEquals("pull_url is refused: fd00:ec2::254 is a cloud metadata address" + UNICAST_ONLY,
                refused("http://[fd00:ec2::254]/a.m3u8"));
        assertTrue(refused("gopher://127.0.0.1/a.m3u8").startsWith("pull_url must be an http:// or https:// URL"));
        assertTrue(refused("file:///etc/passwd").startsWith("pull_url must be an http:// or https:// URL"));
    }

    @Test
    void loopbackAndPrivateAddresses_areAPullsEveryday() {
        created("http://127.0.0.1:1/live/index.m3u8");
        created("http://localhost:1/live/index.m3u8");
        created("http://10.20.30.40:1/encoder.m3u8");
        created("http://192.168.1.20/hls/index.m3u8");
        created("https://[::1]:1/a.m3u8");
        created("http://[fd12:3456::7]:1/a.m3u8");
    }

    @Test
    void patchToALinkLocalAddress_is400_andTheStreamKeepsItsSource() {
        long id = created("http://127.0.0.1:1/before.m3u8").get("id").asLong();
        HttpResponse<String> patched = f.api("PATCH", "/streaming/streams/" + id,
                "{\"source\": {\"type\": \"hls\", \"url\": \"http://169.254.169.254/latest/a.m3u8\"}}");
        assertEquals(400, patched.statusCode(), patched.body());
        assertEquals("pull_url is refused: 169.254.169.254 is " + LINK_LOCAL, f.json(patched).get("error").asText());
        assertEquals("http://127.0.0.1:1/before.m3u8",
                f.json(f.api("GET", "/streaming/streams/" + id, null)).get("uri").asText());
    }

    @Test
    void aRedirectIntoARefusedAddress_leavesTheStreamDisconnectedSayingWhy() {
        origin.redirect("meta.m3u8", "http://169.254.169.254/latest/meta-data/");
        String url = "http://127.0.0.1:" + origin.port() + "/live/meta.m3u8";
        String path = "/streaming/streams/" + created(url).get("id").asLong();
        ServerFixture.await("the stream to say the redirect was refused",
                () -> f.json(f.api("GET", path, null)).path("health_detail").asText().contains("refused"));
        JsonNode stream = f.json(f.api("GET", path, null));
        assertEquals("disconnected", stream.get("health").asText());
        assertEquals("cannot pull " + url + ": refused a redirect: 169.254.169.254 is " + LINK_LOCAL,
                stream.get("health_detail").asText());
    }
}
