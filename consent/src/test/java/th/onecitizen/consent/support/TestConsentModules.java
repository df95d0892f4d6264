package th.onecitizen.consent.support;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import th.onecitizen.consent.config.ConsentConfiguration;
import th.onecitizen.consent.config.ConsentModule;
import th.onecitizen.consent.config.ConsentProperties;
import th.onecitizen.consent.grant.SubjectFacts;
import th.onecitizen.testkit.TestInfrastructure;

/** Builds the consent module on the test PostgreSQL and Redis, as the application wires it. */
public final class TestConsentModules {

    private static ConnectionPool pool;
    private static LettuceConnectionFactory redis;

    private TestConsentModules() {
    }

    /** The shared database client (migrated once). */
    public static synchronized DatabaseClient db() {
        if (pool == null) {
            TestInfrastructure.migrate(ConsentConfiguration.SCHEMA);
            pool = new ConnectionPool(ConnectionPoolConfiguration.builder(TestInfrastructure.connectionFactory())
                    .initialSize(2).maxSize(8).build());
        }
        return DatabaseClient.create(pool);
    }

    /** The shared Redis connection factory. */
    public static synchronized LettuceConnectionFactory redis() {
        if (redis == null) {
            RedisStandaloneConfiguration c = new RedisStandaloneConfiguration(TestInfrastructure.redisHost(),
                    TestInfrastructure.redisPort());
            c.setDatabase(TestInfrastructure.redisDatabase());
            redis = new LettuceConnectionFactory(c);
            redis.setEagerInitialization(true);
            redis.afterPropertiesSet();
            redis.start();
        }
        return redis;
    }

    /** A new module instance (its own decision cache) on the shared infrastructure. */
    public static ConsentModule module(SubjectFacts facts, String invalidationChannel, boolean cache) {
        DatabaseClient db = db();
        TransactionalOperator tx = TransactionalOperator.create(new R2dbcTransactionManager(pool));
        return new ConsentModule(db, tx, redis(), facts, properties(invalidationChannel, cache), Clock.systemUTC(),
                java.util.List.of(), java.util.List.of());
    }

    /** Settings as in consent.yml, with a freshly generated receipt key. */
    public static ConsentProperties properties(String channel, boolean cache) {
        return new ConsentProperties(receiptKey(), "https://onecitizen.test",
                new ConsentProperties.Controller("OneCitizen test controller", "privacy@onecitizen.test",
                        "dpo@onecitizen.test"),
                Duration.ofSeconds(60), new ConsentProperties.DecisionCache(cache, Duration.ofSeconds(60), 10_000,
                        channel), Duration.ofHours(24),
                new ConsentProperties.Outbox(Duration.ofMillis(100), 500, Duration.ofMinutes(5)),
                new ConsentProperties.Retention(Duration.ofDays(1095), Duration.ofDays(365), Duration.ofDays(1095),
                        "0 30 2 * * *"), Duration.ofHours(72), null);
    }

    private static String receiptKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("consent-receipts-test-" + UUID.randomUUID()).generate()
                    .toJSONString();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh opaque subject reference, as identity would issue one. */
    public static String subject() {
        return "sub-" + UUID.randomUUID();
    }
}
