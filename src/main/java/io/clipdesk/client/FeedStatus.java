package io.clipdesk.client;

/**
 * How a {@link RemoteChangeFeed} follows its server now, in a sentence for the status bar: {@code retryInMs} is the
 * wait before the next try when it is {@link State#UNREACHABLE} or {@link State#REFUSED}, else 0.
 */
public record FeedStatus(State state, String detail, long retryInMs) {

    public enum State {
        /** Opening the event stream. */
        CONNECTING,
        /** Following the server's events (changes arrive as they happen). */
        FOLLOWING,
        /** The server has no event stream (a plain Gcore-compatible one): its lists are compared every few seconds. */
        POLLING,
        /** The server did not answer or broke the connection; trying again after the back-off. */
        UNREACHABLE,
        /** The server refused the API key; trying again after the back-off in case it is being changed. */
        REFUSED
    }

    /** Whether changes reach this desk now. */
    public boolean connected() {
        return state == State.FOLLOWING || state == State.POLLING;
    }
}
