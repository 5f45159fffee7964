package io.clipdesk.ui.threads;

import io.clipdesk.desk.Backoff;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The desk's once-a-second looks at a server that stopped answering: they back off as the change feed does and say
 * so once per outage (issue 14: a remote desk logged a warning every second while the server was unreachable).
 */
class BackedOffPollTest {

    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger log = Logger.getAnonymousLogger();
    private boolean reachable = true;
    private int looks;

    BackedOffPollTest() {
        log.setUseParentHandlers(false);
        log.setLevel(Level.ALL);
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    private BackedOffPoll poll() {
        // Draws at the bottom of each range (half the ceiling): the waits are known in advance.
        Backoff backoff = new Backoff(1000, BackedOffPoll.MAX_WAIT_MS, () -> 0.0);
        return new BackedOffPoll("the desk's status", 1000, () -> {
            looks++;
            if (!reachable) {
                throw new IllegalStateException("The clip server at http://127.0.0.1:9 cannot be reached");
            }
        }, backoff, log);
    }

    @Test
    void anOutage_backsOffLikeTheFeed_andWarnsOnce_thenSaysOnceItAnswersAgain() {
        BackedOffPoll poll = poll();
        assertEquals(1000, poll.runOnce(), "every second while the server answers");
        assertEquals(List.of(), warnings());

        reachable = false;
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waits.add(poll.runOnce());
        }
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 7500L, 7500L, 7500L, 7500L), waits,
                "doubling up to the feed's 15 s (half of each ceiling with these draws), not once a second");
        assertEquals(1, warnings().size(), "one warning for the outage, not one per look: " + messages());
        assertTrue(warnings().get(0).getMessage().contains("cannot be reached"), messages().toString());

        reachable = true;
        assertEquals(1000, poll.runOnce(), "back to every second");
        assertTrue(messages().get(messages().size() - 1).contains("answers again"), messages().toString());
        reachable = false;
        assertEquals(500, poll.runOnce(), "a new outage starts at the shortest wait again");
        assertEquals(2, warnings().size(), "and is said once: " + messages());
        assertEquals(11, looks);
    }

    private List<LogRecord> warnings() {
        return logged.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
    }

    private List<String> messages() {
        return logged.stream().map(LogRecord::getMessage).toList();
    }
}
