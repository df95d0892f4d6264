package th.onecitizen.identity.authorization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Short-lived authorization state in Redis under {@code oc:idf:}: pending upstream logins (by state) and
 * authorization codes, each taken with GETDEL so that it can be used once only. Keys hold a hash of the secret value,
 * never the value itself. Fails closed: when Redis is unreachable the flow errors, it never proceeds unchecked.
 */
public final class RedisAuthorizationStore {

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final String LOGIN = "oc:idf:login:";
    private static final String CODE = "oc:idf:code:";
    private static final String CODE_USED = "oc:idf:code-used:";

    private final ReactiveStringRedisTemplate redis;
    private final Duration loginTtl;
    private final Duration codeTtl;

    public RedisAuthorizationStore(ReactiveStringRedisTemplate redis, Duration loginTtl, Duration codeTtl) {
        this.redis = redis;
        this.loginTtl = loginTtl;
        this.codeTtl = codeTtl;
    }

    /** Saves a pending login under its state. */
    public Mono<Void> savePending(String state, PendingLogin login) {
        return redis.opsForValue().set(LOGIN + hash(state), JSON.writeValueAsString(login), loginTtl).then();
    }

    /** Takes (reads and deletes) the pending login of a state: a second call finds nothing. */
    public Mono<PendingLogin> takePending(String state) {
        if (state == null || state.isEmpty() || state.length() > 512) {
            return Mono.empty();
        }
        return redis.opsForValue().getAndDelete(LOGIN + hash(state))
                .map(json -> JSON.readValue(json, PendingLogin.class));
    }

    /** Reads a pending login without taking it (the NDID waiting page polls it). */
    public Mono<PendingLogin> peekPending(String state) {
        return redis.opsForValue().get(LOGIN + hash(state)).map(json -> JSON.readValue(json, PendingLogin.class));
    }

    /** Stores a code. */
    public Mono<Void> saveCode(String code, AuthorizationCode grant) {
        return redis.opsForValue().set(CODE + hash(code), JSON.writeValueAsString(grant), codeTtl).then();
    }

    /**
     * Takes a code once and, in the same atomic round trip, remembers which grant its redemption produces, so that a
     * second redemption can revoke it (S-AS-06). The grant id is chosen before the code is read: a code refused after
     * it was taken (wrong client, redirect URI or PKCE verifier) names a grant that never comes to exist, and
     * revoking that later changes nothing.
     */
    public Mono<AuthorizationCode> takeCode(String code, String grantId) {
        if (code == null || code.isEmpty() || code.length() > 512) {
            return Mono.empty();
        }
        String hashed = hash(code);
        return redis.execute(TAKE_CODE, List.of(CODE + hashed, CODE_USED + hashed),
                        List.of(grantId, String.valueOf(USED_CODE_MEMORY.toMillis())))
                .next().map(json -> JSON.readValue(json, AuthorizationCode.class));
    }

    /** How long a redeemed code's grant is remembered: far longer than a code lives. */
    private static final Duration USED_CODE_MEMORY = Duration.ofMinutes(10);

    private static final RedisScript<String> TAKE_CODE = RedisScript.of("local v = redis.call('GETDEL', KEYS[1]) "
            + "if v then redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2]) end return v", String.class);

    /** The grant a redeemed code produced, if it was redeemed recently. */
    public Mono<String> grantOfUsedCode(String code) {
        return redis.opsForValue().get(CODE_USED + hash(code));
    }

    /** Generic short-lived JSON value (CIBA, NDID) under the module prefix. */
    public Mono<Void> put(String key, Object value, Duration ttl) {
        return redis.opsForValue().set("oc:idf:" + key, JSON.writeValueAsString(value), ttl).then();
    }

    /** Reads a generic value. */
    public <T> Mono<T> get(String key, Class<T> type) {
        return redis.opsForValue().get("oc:idf:" + key).map(json -> JSON.readValue(json, type));
    }

    /** Deletes a generic value. */
    public Mono<Boolean> delete(String key) {
        return redis.delete("oc:idf:" + key).map(n -> n > 0);
    }

    /** Sets a value only when absent; true for the one caller that set it. */
    public Mono<Boolean> putIfAbsent(String key, String value, Duration ttl) {
        return redis.opsForValue().setIfAbsent("oc:idf:" + key, value, ttl);
    }

    /**
     * Counts an event in a window that starts at the first event: INCR and, for the first, PEXPIRE in one atomic
     * script (one round trip; a counter never outlives its window, even when the connection drops in between).
     */
    public Mono<Long> increment(String key, Duration window) {
        return redis.execute(COUNT, List.of("oc:idf:" + key), List.of(String.valueOf(window.toMillis()))).next();
    }

    private static final RedisScript<Long> COUNT = RedisScript.of("local n = redis.call('INCR', KEYS[1]) "
            + "if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n", Long.class);

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
