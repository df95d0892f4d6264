package th.onecitizen.identity.authorization;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Slows down guessing at the token and CIBA endpoints (client secrets, codes, refresh tokens, auth_req_ids): failed
 * attempts are counted per caller in Redis, so the limit holds across instances. Fails closed: when Redis cannot
 * count, the caller gets an error (mapped to 503) rather than unlimited attempts.
 */
public final class GuessingThrottle {

    private final RedisAuthorizationStore store;
    private final int maxFailures;
    private final Duration window;

    public GuessingThrottle(RedisAuthorizationStore store, int maxFailures, Duration window) {
        this.store = store;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** Completes when the caller may try; errors with 429 {@code invalid_request} when it failed too often. */
    public Mono<Void> admit(String caller) {
        return store.get("throttle:" + caller, Long.class).defaultIfEmpty(0L).flatMap(n -> n >= maxFailures
                ? Mono.error(new OAuthException("invalid_request", "Too many failed attempts; retry later", 429))
                : Mono.empty());
    }

    /** Counts one failed attempt. */
    public Mono<Void> failed(String caller) {
        return store.increment("throttle:" + caller, window).then();
    }

    /** How long a caller waits once over the limit, at most. */
    public Duration window() {
        return window;
    }
}
