package th.onecitizen.mocks.agency;

/** How a sample agency misbehaves, switched on by a test or through the sandbox's fault endpoint. */
public enum FaultMode {
    /** Answers normally. */
    NONE,
    /** Answers after a delay (default 1.5 s). */
    SLOW,
    /** Answers 503. */
    SERVER_ERROR,
    /** Resets the TCP connection. */
    CONNECTION_RESET,
    /** Answers 200 with a truncated JSON body. */
    MALFORMED_JSON,
    /** Answers 200 with a 2 MiB body. */
    OVERSIZED,
    /** Sends the body one small chunk per second. */
    DRIBBLE,
    /** Accepts the request and never answers (10 minutes). */
    NEVER_ANSWERS,
    /** Redirects to a loopback address, which a careful client never follows. */
    REDIRECT_INWARD
}
