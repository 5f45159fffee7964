package io.clipdesk.ui.threads;

import io.clipdesk.desk.Backoff;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A desk's regular look at its engine (the status bar's figures, the clips list) that does not hammer an engine it
 * cannot reach: every period while the engine answers; after a failure it waits as the change feed does (doubling,
 * jittered, up to {@link #MAX_WAIT_MS}), and it says so once per outage, not once a second: a warning when the first
 * look fails, a note when a look succeeds again. Run on one thread ({@code ui-engine}).
 */
final class BackedOffPoll {

    /** The change feed's longest wait between tries, so a desk finds a returning server as soon as its feed does. */
    static final long MAX_WAIT_MS = 15_000;

    private final String what;
    private final long periodMs;
    private final Runnable look;
    private final Backoff backoff;
    private final Logger log;
    private boolean failing;

    /**
     * @param what     what is looked at, for the log ("the desk's status")
     * @param periodMs the wait between looks while the engine answers; the first wait after a failure is at most this
     */
    BackedOffPoll(String what, long periodMs, Runnable look, Backoff backoff, Logger log) {
        this.what = what;
        this.periodMs = periodMs;
        this.look = look;
        this.backoff = backoff;
        this.log = log;
    }

    BackedOffPoll(String what, long periodMs, Runnable look, Logger log) {
        this(what, periodMs, look, new Backoff(periodMs, Math.max(periodMs, MAX_WAIT_MS)), log);
    }

    /** Looks once; the wait before the next look, in ms. */
    long runOnce() {
        try {
            look.run();
        } catch (RuntimeException e) {
            long waitMs = backoff.next();
            if (!failing) {
                failing = true;
                log.log(Level.WARNING, what + " could not be read: " + e.getMessage()
                        + "; trying again with back-off (said once until it answers)", e);
            } else {
                log.fine(() -> what + " still unreadable: " + e.getMessage() + "; next try in " + waitMs + " ms");
            }
            return waitMs;
        }
        if (failing) {
            failing = false;
            log.info(what + " answers again");
        }
        backoff.reset();
        return periodMs;
    }

    /** True while the last look failed. */
    boolean failing() {
        return failing;
    }
}
