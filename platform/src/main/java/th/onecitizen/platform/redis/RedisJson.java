package th.onecitizen.platform.redis;

import java.util.Objects;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.StringRedisSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reactive Redis templates that store one value type as JSON (Jackson 3), with string keys under a module's own
 * prefix. Typed per value class rather than with embedded class names, so nothing read from Redis can choose which
 * class gets instantiated.
 */
public final class RedisJson {

    private RedisJson() {
    }

    /** A template for values of {@code type}, serialised with {@code mapper}. */
    public static <T> ReactiveRedisTemplate<String, T> template(ReactiveRedisConnectionFactory factory,
            JsonMapper mapper, Class<T> type) {
        Objects.requireNonNull(factory, "factory");
        JacksonJsonRedisSerializer<T> values = new JacksonJsonRedisSerializer<>(mapper, type);
        RedisSerializationContext<String, T> context = RedisSerializationContext
                .<String, T>newSerializationContext(StringRedisSerializer.UTF_8)
                .value(values)
                .hashValue(values)
                .build();
        return new ReactiveRedisTemplate<>(factory, context);
    }

    /** A module's key namespace: {@code prefix("oc:cns:").key("decision", id)} is {@code oc:cns:decision:<id>}. */
    public static KeyPrefix prefix(String prefix) {
        return new KeyPrefix(prefix);
    }

    /**
     * A module's Redis key prefix, e.g. {@code oc:cns:}.
     *
     * @param value the prefix, ending with a colon
     */
    public record KeyPrefix(String value) {

        public KeyPrefix {
            if (value == null || !value.matches("oc:[a-z]{2,5}:")) {
                throw new IllegalArgumentException("A module key prefix looks like oc:xyz:, got " + value);
            }
        }

        /** The key made of this prefix and the parts, joined by colons. */
        public String key(String... parts) {
            return value + String.join(":", parts);
        }
    }
}
