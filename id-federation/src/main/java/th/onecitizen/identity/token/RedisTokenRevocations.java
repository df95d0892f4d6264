package th.onecitizen.identity.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * Revocations in Redis under {@code oc:idf:rv:}, each key living only as long as the tokens it revokes could. Fails
 * closed: when Redis cannot answer, {@link #isRevoked} errors and the request is refused rather than trusting a
 * token that may have been revoked.
 */
public final class RedisTokenRevocations implements TokenRevocations {

    private static final String TOKEN = "oc:idf:rv:at:";
    private static final String GRANT = "oc:idf:rv:gr:";

    private final ReactiveStringRedisTemplate redis;
    private final Clock clock;
    private final Duration grantMemory;

    /**
     * @param grantMemory how long a revoked grant is remembered: at least the access-token lifetime, since that is
     *                    the longest any token of the grant can still be presented
     */
    public RedisTokenRevocations(ReactiveStringRedisTemplate redis, Clock clock, Duration grantMemory) {
        this.redis = redis;
        this.clock = clock;
        this.grantMemory = grantMemory;
    }

    @Override
    public Mono<Void> revokeToken(String jti, Instant expiresAt) {
        Duration ttl = Duration.between(clock.instant(), expiresAt).plusSeconds(10);
        if (ttl.isNegative() || ttl.isZero()) {
            return Mono.empty();
        }
        return redis.opsForValue().set(TOKEN + jti, "1", ttl).then();
    }

    @Override
    public Mono<Void> revokeGrant(String grantId) {
        return redis.opsForValue().set(GRANT + grantId, "1", grantMemory).then();
    }

    @Override
    public Mono<Boolean> isRevoked(VerifiedAccessToken token) {
        List<String> keys = new ArrayList<>(2);
        keys.add(TOKEN + token.jti());
        if (token.grantId() != null) {
            keys.add(GRANT + token.grantId());
        }
        return redis.countExistingKeys(keys).map(n -> n > 0);
    }
}
