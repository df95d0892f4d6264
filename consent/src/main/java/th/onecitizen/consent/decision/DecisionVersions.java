package th.onecitizen.consent.decision;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The per-subject decision version in Redis ({@code oc:cns:ver:<subject>}), mirroring {@code subject_state.version}
 * in PostgreSQL, and the pub/sub channel that evicts cached decisions on every instance.
 *
 * <p>A change deletes the key before its transaction and sets the new version after the commit: a decision that
 * finds no key goes to PostgreSQL, and a cached decision is used only when its version equals the key's. So a lost
 * pub/sub message costs nothing but a cache entry that no longer matches; pub/sub only frees memory early.
 * Failing to delete the key before a change fails the change (closed), never the other way round.
 */
public final class DecisionVersions {

    private static final Logger log = LoggerFactory.getLogger(DecisionVersions.class);
    private static final String PREFIX = "oc:cns:ver:";
    private static final String PURPOSE_PREFIX = "oc:cns:pver:";
    /** Invalidation messages name a subject ({@code s:<ref>}) or a revised purpose ({@code p:<id>}). */
    static final String SUBJECT_MESSAGE = "s:";
    static final String PURPOSE_MESSAGE = "p:";

    private final ReactiveStringRedisTemplate redis;
    private final ReactiveRedisMessageListenerContainer listener;
    private final String channel;
    private final Duration keyTtl;

    public DecisionVersions(ReactiveRedisConnectionFactory connections, String channel, Duration keyTtl) {
        this.redis = new ReactiveStringRedisTemplate(connections);
        this.listener = new ReactiveRedisMessageListenerContainer(connections);
        this.channel = channel;
        this.keyTtl = keyTtl;
    }

    /** Closes the pub/sub connection. */
    public void close() {
        listener.destroyLater().subscribe();
    }

    /** Before a change commits: no instance may trust a cached decision for the subject any more. */
    public Mono<Void> beforeChange(String subjectRef) {
        return redis.delete(PREFIX + subjectRef).then();
    }

    /** After the commit: publishes the new version and tells every instance to evict. Retried; never fails. */
    public Mono<Void> afterChange(String subjectRef, long version) {
        return redis.opsForValue().set(PREFIX + subjectRef, Long.toString(version), keyTtl)
                .then(redis.convertAndSend(channel, SUBJECT_MESSAGE + subjectRef))
                .retryWhen(Retry.backoff(3, Duration.ofMillis(20)))
                .onErrorResume(e -> {
                    // The key stays absent, so decisions keep going to PostgreSQL: safe, only slower.
                    log.warn("Could not publish a decision version after a change: {}", e.toString());
                    return Mono.empty();
                })
                .then();
    }

    /**
     * Before a purpose revision commits: no instance may trust a cached decision about the purpose any more, for
     * any subject (a revision can narrow the categories or ask for consent again).
     */
    public Mono<Void> beforePurposeChange(String purposeId) {
        return redis.delete(PURPOSE_PREFIX + purposeId).then();
    }

    /** After a purpose revision commits: publishes its new revision and tells every instance to evict. */
    public Mono<Void> afterPurposeChange(String purposeId, long revision) {
        return redis.opsForValue().set(PURPOSE_PREFIX + purposeId, Long.toString(revision), keyTtl)
                .then(redis.convertAndSend(channel, PURPOSE_MESSAGE + purposeId))
                .retryWhen(Retry.backoff(3, Duration.ofMillis(20)))
                .onErrorResume(e -> {
                    log.warn("Could not publish a purpose revision after a change: {}", e.toString());
                    return Mono.empty();
                })
                .then();
    }

    /** The current version, or empty when absent (then decisions must read PostgreSQL). */
    public Mono<Long> current(String subjectRef) {
        return redis.opsForValue().get(PREFIX + subjectRef).map(Long::parseLong);
    }

    /**
     * The subject's version and the purpose's revision in one round trip; each -1 when absent.
     *
     * @return a two-element array: {subject version, purpose revision}
     */
    public Mono<long[]> current(String subjectRef, String purposeId) {
        return redis.opsForValue().multiGet(java.util.List.of(PREFIX + subjectRef, PURPOSE_PREFIX + purposeId))
                .map(values -> new long[] {parse(values.get(0)), parse(values.get(1))});
    }

    private static long parse(String value) {
        return value == null ? -1 : Long.parseLong(value);
    }

    /** Sets the version if absent; true when this caller's version is now the current one. */
    public Mono<Boolean> adopt(String subjectRef, long version) {
        return redis.opsForValue().setIfAbsent(PREFIX + subjectRef, Long.toString(version), keyTtl);
    }

    /** Sets the purpose's revision if absent; true when this caller's revision is now the current one. */
    public Mono<Boolean> adoptPurpose(String purposeId, long revision) {
        return redis.opsForValue().setIfAbsent(PURPOSE_PREFIX + purposeId, Long.toString(revision), keyTtl);
    }

    /** Invalidations announced by any instance: {@code s:<subject>} or {@code p:<purpose>}. */
    public Flux<String> invalidations() {
        return listener.receive(ChannelTopic.of(channel)).map(m -> m.getMessage());
    }
}
