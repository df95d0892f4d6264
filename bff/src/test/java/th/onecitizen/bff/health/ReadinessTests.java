package th.onecitizen.bff.health;

import java.io.IOException;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.testkit.TcpProxy;
import th.onecitizen.testkit.TestInfrastructure;

/**
 * Readiness follows PostgreSQL and Redis: the application reaches both through proxies that the test cuts and
 * restores, so the shared servers keep running for every other test.
 */
@ApplicationTest
class ReadinessTests {

    static final TcpProxy postgres = proxy(TestInfrastructure.pgHost(), TestInfrastructure.pgPort());
    static final TcpProxy redis = proxy(TestInfrastructure.redisHost(), TestInfrastructure.redisPort());

    @Autowired
    WebTestClient http;

    static TcpProxy proxy(String host, int port) {
        try {
            return new TcpProxy(host, port);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void throughProxies(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", () -> "r2dbc:postgresql://127.0.0.1:" + postgres.port() + "/"
                + TestInfrastructure.database());
        registry.add("spring.data.redis.port", redis::port);
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
    }

    @AfterAll
    static void closeProxies() throws IOException {
        postgres.close();
        redis.close();
    }

    private void awaitReadiness(int status) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                http.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(status));
    }

    @Test
    void readinessWhenPostgresGoesDownThenDownAndRecoversWhenItReturns() {
        awaitReadiness(200);
        postgres.cut();
        awaitReadiness(503);
        http.get().uri("/actuator/health/readiness").exchange().expectBody()
                .jsonPath("$.components.r2dbc.status").isEqualTo("DOWN")
                .jsonPath("$.components.redis.status").isEqualTo("UP");
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        postgres.restore();
        awaitReadiness(200);
    }

    @Test
    void readinessWhenRedisGoesDownThenDownAndRecoversWhenItReturns() {
        awaitReadiness(200);
        redis.cut();
        awaitReadiness(503);
        http.get().uri("/actuator/health/readiness").exchange().expectBody()
                .jsonPath("$.components.redis.status").isEqualTo("DOWN");
        redis.restore();
        awaitReadiness(200);
    }
}
