package th.onecitizen.consent.idempotency;

import java.time.Duration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;

/**
 * Idempotency-Key handling in Redis ({@code oc:cns:idem:<subject>:<key>}): the first request claims the key, a
 * retry with the same request gets the stored response, the same key with another request is refused (422), and
 * a retry while the first is still running gets 409. A failed first attempt releases the key.
 */
public final class IdempotencyStore {

    private static final String PREFIX = "oc:cns:idem:";

    private final ReactiveStringRedisTemplate redis;
    private final Duration ttl;

    public IdempotencyStore(ReactiveRedisConnectionFactory connections, Duration ttl) {
        this.redis = new ReactiveStringRedisTemplate(connections);
        this.ttl = ttl;
    }

    /**
     * Runs {@code action} once per (subject, key, request fingerprint); a replay answers the stored body.
     *
     * @param subjectRef  the caller
     * @param key         the Idempotency-Key
     * @param fingerprint a hash of the request (method, path, body)
     * @param action      the use case, answering the body to store
     */
    public Mono<String> once(String subjectRef, String key, String fingerprint, Mono<String> action) {
        if (key == null || key.isBlank() || key.length() > 128 || !key.matches("[A-Za-z0-9._:-]+")) {
            return Mono.error(new ProblemException(CommonError.INVALID_PARAMETER,
                    "Idempotency-Key must be 1-128 characters of letters, digits, '.', '_', ':' or '-'"));
        }
        String k = PREFIX + subjectRef + ":" + key;
        return redis.opsForValue().setIfAbsent(k, "pending|" + fingerprint, ttl).flatMap(claimed -> {
            if (claimed) {
                return action.flatMap(body -> redis.opsForValue().set(k, "done|" + fingerprint + "|" + body, ttl)
                        .thenReturn(body))
                        .onErrorResume(e -> redis.delete(k).then(Mono.error(e)));
            }
            return redis.opsForValue().get(k).flatMap(v -> {
                String[] parts = v.split("\\|", 3);
                if (!parts[1].equals(fingerprint)) {
                    return Mono.error(new ProblemException(CommonError.IDEMPOTENCY_KEY_REUSED,
                            "This Idempotency-Key was used with a different request"));
                }
                if ("pending".equals(parts[0])) {
                    return Mono.error(new ProblemException(CommonError.CONFLICT,
                            "The first request with this Idempotency-Key is still running; retry shortly"));
                }
                return Mono.just(parts[2]);
            });
        });
    }

    /**
     * Deletes every stored response of the subject (s33 erasure: they hold consent views and receipts); emits how
     * many keys went. Keys are found with SCAN on the subject's prefix, glob characters escaped.
     */
    public Mono<Long> forget(String subjectRef) {
        String pattern = PREFIX + subjectRef.replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + ":*";
        return redis.scan(org.springframework.data.redis.core.ScanOptions.scanOptions().match(pattern).count(500)
                .build()).buffer(500).concatMap(keys -> redis.delete(keys.toArray(String[]::new)))
                .reduce(0L, Long::sum);
    }
}
