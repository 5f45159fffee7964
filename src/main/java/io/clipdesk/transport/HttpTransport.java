package io.clipdesk.transport;

import io.clipdesk.engine.delivery.DeliveryTransport;
import io.clipdesk.engine.delivery.Destination;
import io.clipdesk.engine.delivery.DestinationKind;
import io.clipdesk.engine.delivery.SendOutcome;
import io.clipdesk.engine.delivery.Shipment;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/**
 * Delivers to an HTTP endpoint: one {@code POST} of {@code multipart/form-data} with a part {@code metadata} (the
 * clip's JSON) and a part {@code file} (the MP4), {@code Authorization: Bearer TOKEN} when a token is set, and an
 * {@code Idempotency-Key} that is the same for every attempt of one delivery. A 2xx is delivered; 408, 425, 429 and
 * 5xx, a refused connection or no answer are worth another attempt; any other status is the receiver refusing (a bad
 * token, a file too large), which trying again will not change.
 */
public final class HttpTransport implements DeliveryTransport {

    /** The slowest upload rate waited for before an attempt is called timed out: a 100 MB clip gets 400 s. */
    private static final long SLOWEST_BYTES_PER_S = 256 * 1024;
    private static final int ANSWER_CHARS = 200;

    private final HttpClient client;
    private final SecureRandom random = new SecureRandom();

    public HttpTransport() {
        // HTTP/1.1: a receiver is often a small script; an h2c upgrade offer on a POST confuses some of them.
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    public HttpTransport(HttpClient client) {
        this.client = client;
    }

    @Override
    public DestinationKind kind() {
        return DestinationKind.HTTP;
    }

    @Override
    public SendOutcome send(Shipment shipment, Destination destination, LongConsumer sentBytes) {
        String boundary = "clipdesk-" + HexFormat.of().formatHex(bytes(12));
        byte[] head = (part(boundary, "metadata", shipment.fileStem() + ".json", "application/json")
                + new String(ClipMetadata.of(shipment), StandardCharsets.UTF_8) + "\r\n"
                + part(boundary, "file", shipment.fileStem() + ".mp4", "video/mp4")).getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpRequest.BodyPublisher mp4 = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> counted(shipment, sentBytes)), shipment.mp4Bytes());
        HttpRequest.Builder request = HttpRequest.newBuilder(destination.endpoint())
                .timeout(Duration.ofSeconds(60 + shipment.mp4Bytes() / SLOWEST_BYTES_PER_S))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Idempotency-Key", shipment.deliveryKey())
                .header("User-Agent", "Clipdesk")
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head), mp4,
                        HttpRequest.BodyPublishers.ofByteArray(tail)));
        if (!destination.token().isEmpty()) {
            request.header("Authorization", "Bearer " + destination.token());
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return judge(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            return SendOutcome.retry("No answer from " + destination.endpoint().getHost() + " in time");
        } catch (ConnectException e) {
            return SendOutcome.retry("Could not connect to " + hostPort(destination) + ": connection refused");
        } catch (IOException | UncheckedIOException e) {
            return SendOutcome.retry("Sending to " + hostPort(destination) + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.retry("Clipdesk stopped during the send");
        }
    }

    static SendOutcome judge(int status, String body) {
        String answer = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + firstLine(body));
        if (status >= 200 && status < 300) {
            return SendOutcome.delivered(answer);
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return SendOutcome.retry(answer);
        }
        return SendOutcome.refused(answer);
    }

    private static String firstLine(String body) {
        String line = body.strip().lines().findFirst().orElse("");
        return line.length() > ANSWER_CHARS ? line.substring(0, ANSWER_CHARS) + "…" : line;
    }

    private static String part(String boundary, String name, String fileName, String type) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n";
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String hostPort(Destination destination) {
        var uri = destination.endpoint();
        return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    private static InputStream counted(Shipment shipment, LongConsumer sentBytes) {
        try {
            return new FilterInputStream(Files.newInputStream(shipment.mp4())) {
                private long read;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        read += n;
                        sentBytes.accept(read);
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
