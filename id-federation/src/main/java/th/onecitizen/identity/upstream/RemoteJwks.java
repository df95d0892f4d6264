package th.onecitizen.identity.upstream;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * A provider's published keys, cached. An unknown key id triggers a refetch, at most once per
 * {@code minRefetchInterval}, so a token naming random key ids cannot make us hammer the provider (S-AB-03).
 */
public final class RemoteJwks {

    private record Snapshot(JWKSet keys, Instant fetchedAt) {
    }

    private final WebClient web;
    private final String uri;
    private final UpstreamCalls calls;
    private final Clock clock;
    private final Duration minRefetchInterval;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private final AtomicReference<Instant> lastAttempt = new AtomicReference<>(Instant.EPOCH);

    public RemoteJwks(WebClient web, String uri, UpstreamCalls calls, Clock clock, Duration minRefetchInterval) {
        this.web = web;
        this.uri = uri;
        this.calls = calls;
        this.clock = clock;
        this.minRefetchInterval = minRefetchInterval;
    }

    /** The key with this id, refetching the set once when it is unknown and the interval allows. */
    public Mono<JWK> key(String kid) {
        Snapshot s = snapshot.get();
        JWK hit = s == null || kid == null ? null : s.keys().getKeyByKeyId(kid);
        if (hit != null) {
            return Mono.just(hit);
        }
        Instant now = clock.instant();
        Instant last = lastAttempt.get();
        // one refetch per interval, also when many tokens with unknown kids arrive at once: one caller wins the slot
        if (last.plus(minRefetchInterval).isAfter(now) || !lastAttempt.compareAndSet(last, now)) {
            return Mono.error(UpstreamException.denied("unknown signing key"));
        }
        return calls.guard(web.get().uri(uri).retrieve().bodyToMono(String.class))
                .map(body -> {
                    try {
                        return JWKSet.parse(body);
                    } catch (ParseException e) {
                        throw UpstreamException.denied("provider JWKS is malformed");
                    }
                })
                .flatMap(keys -> {
                    snapshot.set(new Snapshot(keys, now));
                    JWK k = kid == null ? null : keys.getKeyByKeyId(kid);
                    return k == null ? Mono.error(UpstreamException.denied("unknown signing key")) : Mono.just(k);
                });
    }
}
