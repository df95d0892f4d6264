package th.onecitizen.identity.authorization;

import java.time.Duration;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Bounds how often one remote address may call {@code authorize} (S-AB-03): every such request may store a pending
 * login in Redis (for the upstream transaction's lifetime), so a flood from one address could otherwise fill Redis.
 * Counted in Redis per address in a fixed window (one atomic round trip), so the limit holds across instances.
 * Addresses in {@code exempt} are not counted (the demo's loopback, where benchmarks log in at a hundred per second;
 * empty in production).
 */
public final class AuthorizeRateLimit {

    private final RedisAuthorizationStore store;
    private final int limit;
    private final Duration window;
    private final Set<String> exempt;

    public AuthorizeRateLimit(RedisAuthorizationStore store, int limit, Duration window, Set<String> exempt) {
        this.store = store;
        this.limit = limit;
        this.window = window;
        this.exempt = Set.copyOf(exempt);
    }

    /**
     * Counts one request of {@code address}; completes empty when it may proceed, or with the number of seconds to
     * wait when the address is over the limit. Errors when Redis cannot count (the caller answers 503).
     */
    public Mono<Long> admit(String address) {
        if (exempt.contains(address)) {
            return Mono.empty();
        }
        return store.increment("authorize-rate:" + address, window)
                .flatMap(n -> n > limit ? Mono.just(window.toSeconds()) : Mono.empty());
    }

    /** The requests one address may make per window. */
    public int limit() {
        return limit;
    }

    /** The window. */
    public Duration window() {
        return window;
    }
}
