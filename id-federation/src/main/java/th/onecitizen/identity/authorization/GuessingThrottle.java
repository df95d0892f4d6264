package th.onecitizen.identity.authorization;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Slows down guessing at the token and CIBA endpoints (S-AB-01), counting failed attempts in Redis so that the
 * limit holds across instances. Two rules, because the two kinds of client differ in what can be guessed:
 * <ul>
 * <li>A <b>confidential</b> client's secret may be weak and its caller is one server: failures are counted per
 *     remote address and claimed client, and once {@code limit} failed in the window, every attempt of that pair
 *     is refused before it is tried ({@link #admit}), even with the right secret. One Redis read per attempt.</li>
 * <li>A <b>public</b> client (the super-app) has no secret: what it presents (a code with its PKCE verifier, a
 *     refresh token) is 256 bits of our randomness, so a lock adds no security there, while a lock per address
 *     would let one abuser behind a carrier-grade NAT lock out everyone sharing that address. Failures are counted
 *     per address and client with a much higher ceiling ({@code publicLimit}); beyond it, <em>failed</em>
 *     attempts answer 429 instead of their error ({@link #failedPublic}), the guesser's signal to stop, while a
 *     valid credential is never refused. No Redis call on the success path.</li>
 * </ul>
 * Fails closed: when Redis cannot count, the caller gets an error (mapped to 503), never unlimited attempts.
 */
public final class GuessingThrottle {

    private final RedisAuthorizationStore store;
    private final int maxFailures;
    private final int maxPublicFailures;
    private final Duration window;

    public GuessingThrottle(RedisAuthorizationStore store, int maxFailures, int maxPublicFailures, Duration window) {
        this.store = store;
        this.maxFailures = maxFailures;
        this.maxPublicFailures = maxPublicFailures;
        this.window = window;
    }

    /** Completes when a confidential caller may try; errors with 429 when it failed too often. */
    public Mono<Void> admit(String caller) {
        return store.get("throttle:" + caller, Long.class).defaultIfEmpty(0L).flatMap(n -> n >= maxFailures
                ? Mono.error(tooMany())
                : Mono.empty());
    }

    /** Counts one failed attempt of a confidential caller. */
    public Mono<Void> failed(String caller) {
        return store.increment("throttle:" + caller, window).then();
    }

    /**
     * Counts one failed attempt of a public client's caller; completes with the 429 to answer instead of the
     * failure when the caller is over the ceiling, or empty when the failure should be answered as it is.
     */
    public Mono<OAuthException> failedPublic(String caller) {
        return store.increment("throttle:public:" + caller, window)
                .flatMap(n -> n > maxPublicFailures ? Mono.just(tooMany()) : Mono.empty());
    }

    private OAuthException tooMany() {
        return new OAuthException("invalid_request", "Too many failed attempts; retry later", 429,
                window.toSeconds());
    }

    /** How long a caller waits once over the limit, at most. */
    public Duration window() {
        return window;
    }
}
