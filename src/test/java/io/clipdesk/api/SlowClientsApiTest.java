package io.clipdesk.api;

import io.clipdesk.api.http.connection.ConnectionLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Slow, idle and greedy clients cannot hold the server: deadlines close them, the per-address cap refuses extras. */
class SlowClientsApiTest {

    /** Short enough for a test; the cap high enough not to interfere with the deadlines. */
    private static final ConnectionLimits SHORT = new ConnectionLimits(400, 400, 600, 1000);
    private static final String HEALTH = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    /** Long enough for a loaded machine, far beyond every deadline above: reaching it means nothing closed. */
    private static final int GIVE_UP_MS = 15_000;

    @Test
    void idleHalfSentAndTricklingConnections_areClosedByTheirDeadlines_whileANormalClientIsServed(@TempDir Path dir)
            throws Exception {
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        List<Socket> silent = new ArrayList<>();
        List<Socket> answeredThenIdle = new ArrayList<>();
        try (ServerFixture f = new ServerFixture(dir.resolve("data"), c -> c.withLimits(SHORT))) {
            int port = f.server.port();
            for (int i = 0; i < 62; i++) {
                silent.add(connect(port, InetAddress.getLoopbackAddress()));
                silent.add(sending(port, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
                silent.add(sending(port, "POST /streaming/streams HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                        + "application/json\r\nContent-Length: 100\r\n\r\n{\"name\""));
                answeredThenIdle.add(sending(port, HEALTH));
            }
            for (int i = 0; i < 2; i++) {
                Socket trickler = sending(port, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
                trickle.scheduleAtFixedRate(() -> sendQuietly(trickler, "a"), 50, 50, TimeUnit.MILLISECONDS);
                silent.add(trickler);
            }

            assertEquals(200, f.api("GET", "/streaming/streams", null).statusCode(), "served while 250 are held");

            for (Socket socket : silent) {
                assertEquals("", untilClosed(socket), "closed without an answer");
            }
            for (Socket socket : answeredThenIdle) {
                assertTrue(untilClosed(socket).startsWith("HTTP/1.1 200"), "answered, then closed when idle");
            }
        } finally {
            trickle.shutdownNow();
            silent.forEach(SlowClientsApiTest::closeQuietly);
            answeredThenIdle.forEach(SlowClientsApiTest::closeQuietly);
        }
    }

    @Test
    void aConnectionAnsweredBeforeItsBodyEnded_stillIdlesOut(@TempDir Path dir) throws Exception {
        try (ServerFixture f = new ServerFixture(dir.resolve("data"), c -> c.withLimits(SHORT));
             Socket socket = sending(f.server.port(), "POST /streaming/streams HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     + "Expect: something-else\r\nContent-Length: 2\r\n\r\n")) {
            assertEquals(417, status(readHead(socket.getInputStream())), "refused before the body came");
            sendQuietly(socket, "{}");
            assertTrue(untilClosed(socket).contains("\"error\""), "the refusal's body, then closed when idle");
        }
    }

    @Test
    void connectionsOverTheCapFromOneAddress_areClosed_whileAnotherAddressIsServed(@TempDir Path dir)
            throws Exception {
        ConnectionLimits capOfThree = ConnectionLimits.DEFAULTS.withMaxConnectionsPerAddress(3);
        InetAddress greedy = InetAddress.getByName("127.0.0.2");
        List<Socket> admitted = new ArrayList<>();
        try (ServerFixture f = new ServerFixture(dir.resolve("data"), c -> c.withLimits(capOfThree))) {
            int port = f.server.port();
            for (int i = 0; i < 3; i++) {
                Socket socket = connect(port, greedy);
                admitted.add(socket);
                assertEquals(200, exchange(socket), "connection " + (i + 1) + " of 3 is served");
            }
            try (Socket fourth = connect(port, greedy)) {
                sendQuietly(fourth, HEALTH);
                assertEquals("", untilClosed(fourth), "the fourth from one address is closed unanswered");
            }

            assertEquals(200, f.api("GET", "/streaming/streams", null).statusCode(), "another address is served");
            assertEquals(200, exchange(admitted.get(0)), "the admitted ones still work");

            admitted.remove(0).close();
            ServerFixture.await("a slot to free for 127.0.0.2", () -> servedOnce(port, greedy));
        } finally {
            admitted.forEach(SlowClientsApiTest::closeQuietly);
        }
    }

    private static boolean servedOnce(int port, InetAddress from) {
        try (Socket socket = connect(port, from)) {
            return exchange(socket) == 200;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static Socket connect(int port, InetAddress from) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, from, 0);
        socket.setSoTimeout(GIVE_UP_MS);
        return socket;
    }

    private static Socket sending(int port, String bytes) throws IOException {
        Socket socket = connect(port, InetAddress.getLoopbackAddress());
        socket.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Sends GET /health on a kept-alive connection and reads one response: its status. */
    private static int exchange(Socket socket) throws IOException {
        socket.getOutputStream().write(HEALTH.getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = socket.getInputStream();
        String head = readHead(in);
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        in.readNBytes(length);
        return status(head);
    }

    private static int status(String head) {
        return Integer.parseInt(head.substring(9, 12));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before a response head: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Waits for the server to close the connection (end of stream or reset); returns what it sent before. */
    private static String untilClosed(Socket socket) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            InputStream in = socket.getInputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            fail("the server did not close the connection within " + GIVE_UP_MS + " ms");
        } catch (SocketException reset) {
            // a reset is a close too
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    private static void sendQuietly(Socket socket, String bytes) {
        try {
            socket.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        } catch (IOException closed) {
            // the server has closed it: what the test waits for
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
