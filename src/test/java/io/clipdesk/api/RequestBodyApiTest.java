package io.clipdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.clipdesk.api.http.ApiExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a request body arrives: exactly one JSON value, and the {@code Expect} header answered in JSON. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestBodyApiTest {

    private static final String CLIPS = "/streaming/streams/1/clip_recording";

    ServerFixture f;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = new ServerFixture(dir.resolve("data"));
        f.produce(Duration.ofSeconds(4));
    }

    @BeforeEach
    void noClips() {
        f.json(f.api("GET", CLIPS, null)).forEach(c -> f.api("DELETE", CLIPS + "/" + c.get("id").asText(), null));
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void create_withBytesAfterTheJsonObject_is400WithASentence_andMakesNoClip() {
        for (String body : List.of("{\"duration\":4} trailing", "{\"duration\":4}{\"duration\":5}")) {
            HttpResponse<String> refused = f.api("PUT", CLIPS, body);
            assertEquals(400, refused.statusCode(), body + " → " + refused.body());
            assertTrue(f.json(refused).get("error").asText().startsWith(
                    "The request body goes on after its JSON value ends (line 1, column 15)"), refused.body());
        }
        assertEquals(0, clipCount());
        assertEquals(200, f.api("PUT", CLIPS, "{\"duration\":4}\r\n").statusCode(), "whitespace may follow");
    }

    @Test
    void expectOtherThanContinue_is417WithAJsonSentence_andTheConnectionGoesOn() {
        String body = "{\"duration\": 1}";
        List<RawResponses.Response> answers = RawResponses.exchange(f.server.port(), head("PUT", CLIPS, body.length(),
                "Expect: 200-ok\r\n") + body + "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertEquals(List.of(417, 200), answers.stream().map(RawResponses.Response::status).toList());
        RawResponses.Response refused = answers.get(0);
        assertTrue(refused.headers().get("content-type").startsWith("application/json"), refused.headers().toString());
        assertTrue(refused.text().contains("cannot meet 'Expect: 200-ok'"), refused.text());
        assertEquals(0, clipCount(), "the refused request's body was dropped, not run");
    }

    @Test
    void expect100Continue_getsTheInterimAnswer_thenTheClip() throws IOException {
        String body = "{\"duration\": 1}";
        try (Socket socket = new Socket("127.0.0.1", f.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(bytes(head("PUT", CLIPS, body.length(), "Expect: 100-continue\r\nConnection: close\r\n")));
            out.flush();
            String interim = readHead(in);
            assertTrue(interim.startsWith("HTTP/1.1 100 Continue"), interim);
            out.write(bytes(body));
            out.flush();
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            in.transferTo(rest);
            String answer = rest.toString(StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200 OK") && answer.contains("\"id\""), answer);
        }
        assertEquals(1, clipCount());
    }

    @Test
    void expect100Continue_withABodyOverTheLimit_is413WithAJsonSentence() {
        List<RawResponses.Response> answers = RawResponses.exchange(f.server.port(),
                head("PUT", CLIPS, ApiExchange.MAX_BODY_BYTES + 1, "Expect: 100-continue\r\n"));
        assertEquals(1, answers.size(), "no 100 for a body the server will not take, then the connection closes");
        assertEquals(413, answers.get(0).status());
        assertTrue(answers.get(0).text().contains("\"error\":\"The request body is larger than"), answers.get(0).text());
    }

    private String head(String method, String path, int contentLength, String extraHeaders) {
        return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: APIKey " + f.key.token()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n" + extraHeaders
                + "\r\n";
    }

    private int clipCount() {
        JsonNode clips = f.json(f.api("GET", CLIPS, null));
        return clips.size();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
