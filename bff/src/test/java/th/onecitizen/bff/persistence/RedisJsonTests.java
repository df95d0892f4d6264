package th.onecitizen.bff.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import reactor.test.StepVerifier;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.platform.redis.RedisJson;
import tools.jackson.databind.json.JsonMapper;

/** Values round-trip through the real Redis as JSON under Jackson 3, keys under a module's prefix. */
@ApplicationTest
class RedisJsonTests {

    record Sample(String id, String nameTh, Instant at, List<String> tags) {
    }

    @Autowired
    ReactiveRedisConnectionFactory factory;

    @Autowired
    JsonMapper json;

    @Test
    void templateWhenValueWrittenThenReadBackEqualWithThaiTextAndTimestamps() {
        ReactiveRedisTemplate<String, Sample> redis = RedisJson.template(factory, json, Sample.class);
        String key = RedisJson.prefix("oc:tst:").key("sample", UUID.randomUUID().toString());
        Sample value = new Sample("s-1", "ทะเบียนราษฎร์", Instant.parse("2026-11-26T01:02:03.123Z"),
                List.of("บัตรประชาชน", "DOPA"));
        StepVerifier.create(redis.opsForValue().set(key, value, Duration.ofSeconds(30))
                        .then(redis.opsForValue().get(key)))
                .assertNext(read -> assertThat(read).isEqualTo(value))
                .verifyComplete();
        StepVerifier.create(redis.getExpire(key))
                .assertNext(ttl -> assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30)))
                .verifyComplete();
    }

    @Test
    void prefixWhenNotAModulePrefixThenRefused() {
        assertThatThrownBy(() -> RedisJson.prefix("anything")).isInstanceOf(IllegalArgumentException.class);
    }
}
