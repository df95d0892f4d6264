package th.onecitizen.connectors.call;

import java.time.Duration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Idempotency keys in Redis ({@code oc:con:idem:<hash>}), claimed with SET NX so that exactly one instance runs
 * the call. It fails closed: when Redis is unreachable the call is refused (503) rather than risk running a
 * non-idempotent operation twice.
 */
public final class RedisIdempotencyStore implements IdempotencyStore {

    private final ReactiveStringRedisTemplate redis;
    private final JsonMapper json;
    private final Duration ttl;

    public RedisIdempotencyStore(ReactiveStringRedisTemplate redis, JsonMapper json, Duration ttl) {
        this.redis = redis;
        this.json = json;
        this.ttl = ttl;
    }

    @Override
    public Mono<Claim> claim(String key, String fingerprint) {
        ObjectNode pending = json.createObjectNode().put("fingerprint", fingerprint).put("state", "pending");
        return redis.opsForValue().setIfAbsent(redisKey(key), pending.toString(), ttl).flatMap(won -> won
                ? Mono.just((Claim) new Claimed())
                : redis.opsForValue().get(redisKey(key)).map(v -> existing(v, fingerprint))
                        .defaultIfEmpty(new InProgress()));
    }

    private Claim existing(String stored, String fingerprint) {
        JsonNode n = json.readTree(stored);
        if (!fingerprint.equals(n.path("fingerprint").asString())) {
            return new Mismatch();
        }
        return "done".equals(n.path("state").asString()) ? new Completed(n.get("data")) : new InProgress();
    }

    @Override
    public Mono<Void> complete(String key, String fingerprint, JsonNode data) {
        ObjectNode done = json.createObjectNode().put("fingerprint", fingerprint).put("state", "done");
        done.set("data", data);
        return redis.opsForValue().set(redisKey(key), done.toString(), ttl).then();
    }

    @Override
    public Mono<Void> release(String key) {
        return redis.delete(redisKey(key)).then();
    }

    private static String redisKey(String key) {
        return "oc:con:idem:" + key;
    }
}
