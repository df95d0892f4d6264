package th.onecitizen.identity.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Keeps recently used client registrations in memory for a short time, so that a token request does not read the
 * database to authenticate its client. A change saved on this instance is visible at once; one saved on another
 * instance (or directly in the database) within {@code ttl}. Unknown clients are not cached, so guessing client ids
 * cannot fill the cache, which is bounded anyway.
 */
public final class CachedClientRegistry implements ClientRegistry {

    private record Entry(RegisteredClient client, Instant expires) {
    }

    private final ClientRegistry delegate;
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public CachedClientRegistry(ClientRegistry delegate, Duration ttl, int maxEntries, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Mono<RegisteredClient> find(String clientId) {
        if (clientId == null) {
            return Mono.empty();
        }
        Entry cached = entries.get(clientId);
        if (cached != null && clock.instant().isBefore(cached.expires())) {
            return Mono.just(cached.client());
        }
        return delegate.find(clientId).doOnNext(c -> {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(clientId, new Entry(c, clock.instant().plus(ttl)));
        });
    }

    @Override
    public Mono<RegisteredClient> findFresh(String clientId) {
        if (clientId == null) {
            return Mono.empty();
        }
        return delegate.find(clientId)
                .doOnNext(c -> entries.computeIfPresent(clientId, (k, old) -> new Entry(c, clock.instant().plus(ttl))))
                .switchIfEmpty(Mono.fromRunnable(() -> entries.remove(clientId)));
    }

    @Override
    public Mono<Void> save(RegisteredClient client) {
        return delegate.save(client).doFinally(s -> entries.remove(client.clientId()));
    }
}
