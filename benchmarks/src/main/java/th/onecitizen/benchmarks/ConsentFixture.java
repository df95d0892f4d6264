package th.onecitizen.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.binding.BindMarkersFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.config.ConsentConfiguration;
import th.onecitizen.consent.config.ConsentModule;
import th.onecitizen.consent.config.ConsentProperties;
import th.onecitizen.consent.decision.Decision;
import th.onecitizen.consent.decision.DecisionRequest;
import th.onecitizen.consent.grant.GrantCommand;
import th.onecitizen.consent.grant.SubjectFacts;
import th.onecitizen.consent.purpose.PurposeDraft;
import th.onecitizen.testkit.TestInfrastructure;

/**
 * The consent module on the real PostgreSQL and Redis of the test infrastructure, with one adult citizen who has
 * granted one consent-based purpose: the set-up the consent benchmarks share. Runs on the benchmark's set-up thread.
 */
final class ConsentFixture implements AutoCloseable {

    private final ConnectionPool pool;
    private final LettuceConnectionFactory redis;
    private final String receiptKey;

    ConsentFixture(int poolSize) {
        TestInfrastructure.migrate(ConsentConfiguration.SCHEMA);
        pool = new ConnectionPool(ConnectionPoolConfiguration.builder(TestInfrastructure.connectionFactory())
                .initialSize(2).maxSize(poolSize).build());
        RedisStandaloneConfiguration c = new RedisStandaloneConfiguration(TestInfrastructure.redisHost(),
                TestInfrastructure.redisPort());
        c.setDatabase(TestInfrastructure.redisDatabase());
        redis = new LettuceConnectionFactory(c);
        redis.setEagerInitialization(true);
        redis.afterPropertiesSet();
        redis.start();
        try {
            receiptKey = new ECKeyGenerator(Curve.P_256).keyID("bench-" + UUID.randomUUID()).generate()
                    .toJSONString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A consent module with the decision cache on or off. */
    ConsentModule module(boolean decisionCache) {
        SubjectFacts adult = s -> Mono.just(new SubjectFacts.Facts(LocalDate.of(1980, 1, 1),
                SubjectFacts.Capacity.FULL, false));
        // explicit PostgreSQL bind markers: the shaded jar does not carry the resolver's spring.factories
        DatabaseClient db = DatabaseClient.builder().connectionFactory(pool)
                .bindMarkers(BindMarkersFactory.indexed("$", 1)).build();
        return new ConsentModule(db, TransactionalOperator.create(new R2dbcTransactionManager(pool)), redis, adult,
                properties(decisionCache), Clock.systemUTC(), List.of(), List.of());
    }

    /** Registers a consent-based purpose, grants it for a new citizen and returns the decision request it allows. */
    static DecisionRequest grantedRequest(ConsentModule module) {
        String purpose = "bench.purpose-" + UUID.randomUUID().toString().substring(0, 8);
        module.purposes().register(purpose, new PurposeDraft("agency-bench", List.of("op"), "consent", null, null,
                null, Set.of("address", "phone"), List.of("agency"), 30, "none", null, false, "none", List.of(),
                "TLS, audit", "แบ่งปันที่อยู่", "Share address", "ส่งที่อยู่ของท่าน", "We send your address.",
                "ไม่ได้รับบริการ", "No service.", false)).block();
        String subject = "bench-" + UUID.randomUUID();
        module.consents().grant(new GrantCommand(subject, purpose, 1, "en", true, "self", null, null, null, "app"))
                .block();
        DecisionRequest request = new DecisionRequest(subject, "agency-bench", purpose, Set.of("address"));
        if (!(module.gate().decide(request).block() instanceof Decision.Allowed)) {
            throw new IllegalStateException("the benchmark's consent does not allow the decision");
        }
        return request;
    }

    private ConsentProperties properties(boolean cache) {
        return new ConsentProperties(receiptKey, "https://onecitizen.bench",
                new ConsentProperties.Controller("OneCitizen", "privacy@onecitizen.bench", "dpo@onecitizen.bench"),
                Duration.ofSeconds(60), new ConsentProperties.DecisionCache(cache, Duration.ofSeconds(60), 100_000,
                        "oc:cns:bench"), Duration.ofHours(24),
                new ConsentProperties.Outbox(Duration.ofMillis(200), 500, Duration.ofMinutes(5)),
                new ConsentProperties.Retention(Duration.ofDays(1095), Duration.ofDays(365), Duration.ofDays(1095),
                        "0 30 2 * * *"), Duration.ofHours(72), null);
    }

    @Override
    public void close() {
        redis.destroy();
        pool.dispose();
    }
}
