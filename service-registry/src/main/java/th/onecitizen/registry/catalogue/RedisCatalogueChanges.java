package th.onecitizen.registry.catalogue;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * The change high-water mark in Redis ({@code oc:reg:catalogue:seq}), raised atomically so that a late writer never
 * lowers it. Every catalogue read compares it with its own. It fails open towards the database: when Redis cannot be
 * read, {@link #latest()} is empty and the catalogue asks PostgreSQL instead, so a Redis outage slows the catalogue
 * down but never shows stale data.
 */
public final class RedisCatalogueChanges implements CatalogueChanges {

    /** The key holding the highest announced change sequence. */
    public static final String KEY = "oc:reg:catalogue:seq";

    private static final Logger log = LoggerFactory.getLogger(RedisCatalogueChanges.class);
    private static final RedisScript<Long> RAISE = RedisScript.of(
            "local v = tonumber(redis.call('GET', KEYS[1]) or '0') "
            + "if tonumber(ARGV[1]) > v then redis.call('SET', KEYS[1], ARGV[1]) return tonumber(ARGV[1]) end "
            + "return v", Long.class);

    private final ReactiveStringRedisTemplate redis;

    public RedisCatalogueChanges(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Void> announce(long changeSeq) {
        return redis.execute(RAISE, List.of(KEY), List.of(Long.toString(changeSeq))).then()
                .onErrorResume(e -> {
                    // The change is committed; readers fall back to PostgreSQL while Redis is unreachable.
                    log.warn("Could not announce registry change {}: {}", changeSeq, e.toString());
                    return Mono.empty();
                });
    }

    @Override
    public Mono<Long> latest() {
        return redis.opsForValue().get(KEY).map(Long::parseLong)
                .onErrorResume(e -> Mono.empty());
    }
}
