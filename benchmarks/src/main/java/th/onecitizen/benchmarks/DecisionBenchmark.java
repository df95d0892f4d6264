package th.onecitizen.benchmarks;

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
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
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
 * Decision latency of the consent gate, end to end on the real PostgreSQL and Redis (the test infrastructure:
 * ONECITIZEN_TEST_DB / ONECITIZEN_TEST_REDIS_DB choose the database): cached (a version check in Redis, then the
 * local cache) against uncached (the evaluation query in PostgreSQL every time). Sample mode gives p50 and p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecisionBenchmark {

    private ConnectionPool pool;
    private LettuceConnectionFactory redis;
    private ConsentModule cached;
    private ConsentModule uncached;
    private DecisionRequest request;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        TestInfrastructure.migrate(ConsentConfiguration.SCHEMA);
        pool = new ConnectionPool(ConnectionPoolConfiguration.builder(TestInfrastructure.connectionFactory())
                .initialSize(2).maxSize(4).build());
        RedisStandaloneConfiguration c = new RedisStandaloneConfiguration(TestInfrastructure.redisHost(),
                TestInfrastructure.redisPort());
        c.setDatabase(TestInfrastructure.redisDatabase());
        redis = new LettuceConnectionFactory(c);
        redis.setEagerInitialization(true);
        redis.afterPropertiesSet();
        redis.start();
        SubjectFacts adult = s -> Mono.just(new SubjectFacts.Facts(LocalDate.of(1980, 1, 1),
                SubjectFacts.Capacity.FULL, false));
        String key = new ECKeyGenerator(Curve.P_256).keyID("bench-" + UUID.randomUUID()).generate().toJSONString();
        cached = module(adult, properties(key, true));
        uncached = module(adult, properties(key, false));

        String purpose = "bench.decision-" + UUID.randomUUID().toString().substring(0, 8);
        cached.purposes().register(purpose, new PurposeDraft("agency-bench", List.of("op"), "consent", null, null,
                null, Set.of("address", "phone"), List.of("agency"), 30, "none", null, false, "none", List.of(),
                "TLS, audit", "แบ่งปันที่อยู่", "Share address", "ส่งที่อยู่ของท่าน", "We send your address.",
                "ไม่ได้รับบริการ", "No service.", false)).block();
        String subject = "bench-" + UUID.randomUUID();
        cached.consents().grant(new GrantCommand(subject, purpose, 1, "en", true, "self", null, null, null, "app"))
                .block();
        request = new DecisionRequest(subject, "agency-bench", purpose, Set.of("address"));
        if (!(cached.gate().decide(request).block() instanceof Decision.Allowed)
                || !(uncached.gate().decide(request).block() instanceof Decision.Allowed)) {
            throw new IllegalStateException("the benchmark's consent does not allow the decision");
        }
    }

    private ConsentModule module(SubjectFacts facts, ConsentProperties p) {
        // explicit PostgreSQL bind markers: the shaded jar does not carry the resolver's spring.factories
        DatabaseClient db = DatabaseClient.builder().connectionFactory(pool)
                .bindMarkers(BindMarkersFactory.indexed("$", 1)).build();
        return new ConsentModule(db, TransactionalOperator.create(
                new R2dbcTransactionManager(pool)), redis, facts, p, Clock.systemUTC(), List.of(), List.of());
    }

    private static ConsentProperties properties(String key, boolean cache) {
        return new ConsentProperties(key, "https://onecitizen.bench",
                new ConsentProperties.Controller("OneCitizen", "privacy@onecitizen.bench", "dpo@onecitizen.bench"),
                Duration.ofSeconds(60), new ConsentProperties.DecisionCache(cache, Duration.ofSeconds(60), 100_000,
                        "oc:cns:bench"), Duration.ofHours(24),
                new ConsentProperties.Outbox(Duration.ofMillis(200), 500, Duration.ofMinutes(5)),
                new ConsentProperties.Retention(Duration.ofDays(1095), Duration.ofDays(365), Duration.ofDays(1095),
                        "0 30 2 * * *"), Duration.ofHours(72));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        redis.destroy();
        pool.dispose();
    }

    /** A decision answered from this instance's cache after the Redis version check. */
    @Benchmark
    public Decision cached() {
        return cached.gate().decide(request).block();
    }

    /** A decision evaluated in PostgreSQL every time (cache disabled). */
    @Benchmark
    public Decision uncached() {
        return uncached.gate().decide(request).block();
    }
}
