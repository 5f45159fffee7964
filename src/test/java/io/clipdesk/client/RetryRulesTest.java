package io.clipdesk.client;

import io.clipdesk.desk.Backoff;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a failed remote call may be made again, and the back-off between tries. */
class RetryRulesTest {

    @Test
    void theServersWord_decides_whenItGivesIt() {
        assertFalse(RemoteCallException.retryable("GET", 500, "false", false));
        assertTrue(RemoteCallException.retryable("PUT", 500, "true", false));
    }

    @Test
    void aCreateThatFailedAfterItWasSent_isNeverRepeated_butOneThatNeverLeftIs() {
        assertFalse(RemoteCallException.retryable("PUT", 500, null, false));
        assertFalse(RemoteCallException.retryable("POST", 0, null, false), "cut mid-answer: it may exist");
        assertTrue(RemoteCallException.retryable("PUT", 0, null, true), "no connection: nothing was made");
    }

    @Test
    void readsAndDeletes_areRepeatable_afterServerOrNetworkFaults_butNotAfterARefusal() {
        for (String method : new String[] {"GET", "DELETE"}) {
            for (Map.Entry<Integer, Boolean> status : Map.of(0, true, 500, true, 503, true, 429, true, 408, true,
                    400, false, 401, false, 404, false).entrySet()) {
                assertEquals(status.getValue(), RemoteCallException.retryable(method, status.getKey(), null, false),
                        method + " " + status.getKey());
            }
        }
    }

    @Test
    void anUnreachableServer_isARetryableFault_withASentence() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (RemoteServer nobody = new RemoteServer("http://127.0.0.1:" + port, "key")) {
            RemoteCallException down = assertThrows(RemoteCallException.class, () -> nobody.get("/streaming/streams"));
            assertTrue(down.retryable());
            assertEquals(0, down.status());
            assertTrue(down.getMessage().startsWith("Cannot reach the clip server at http://127.0.0.1:" + port),
                    down.getMessage());
            RemoteCallException create = assertThrows(RemoteCallException.class,
                    () -> nobody.send("PUT", "/streaming/streams/1/clip_recording", Map.of("duration", 5)));
            assertTrue(create.retryable(), "refused at connect: the create never reached a server");
        }
    }

    @Test
    void backoff_doublesUpToItsCeiling_jitteredBetweenHalfAndAll_andStartsOverAfterASuccess() {
        double[] draws = {0.0, 0.999, 0.5, 0.0, 0.999, 0.0};
        int[] i = {0};
        Backoff backoff = new Backoff(100, 1000, () -> draws[i[0]++ % draws.length]);
        assertEquals(50, backoff.next());
        long second = backoff.next();
        assertTrue(second >= 100 && second < 200, "second ceiling 200: " + second);
        assertEquals(300, backoff.next());
        assertEquals(400, backoff.next());
        long capped = backoff.next();
        assertTrue(capped >= 999 && capped <= 1000, "capped at 1000: " + capped);
        backoff.reset();
        assertEquals(50, backoff.next());
    }
}
