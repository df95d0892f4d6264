package th.onecitizen.registry;

import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import th.onecitizen.registry.catalogue.Catalogue;
import th.onecitizen.registry.catalogue.RedisCatalogueChanges;
import th.onecitizen.registry.onboarding.ServiceAdministration;
import th.onecitizen.registry.onboarding.ServiceOnboarding;
import th.onecitizen.registry.service.Agency;
import th.onecitizen.registry.service.LocalizedText;
import th.onecitizen.registry.service.R2dbcServiceStore;
import th.onecitizen.registry.validation.SandboxAllowList;
import th.onecitizen.registry.validation.ServiceValidator;
import th.onecitizen.registry.validation.TargetPolicy;
import th.onecitizen.testkit.TestInfrastructure;

/** The registry wired by hand against the real test PostgreSQL and Redis, as two application instances would be. */
public final class RegistryFixture implements AutoCloseable {

    public final R2dbcServiceStore store;
    public final RedisCatalogueChanges changes;
    public final ServiceOnboarding onboarding;
    public final ServiceAdministration administration;
    private final LettuceConnectionFactory redisFactory;

    public RegistryFixture() {
        TestInfrastructure.migrate(RegistryConfiguration.SCHEMA);
        ConnectionFactory cf = TestInfrastructure.connectionFactory();
        DatabaseClient db = DatabaseClient.create(cf);
        store = new R2dbcServiceStore(db, TransactionalOperator.create(new R2dbcTransactionManager(cf)),
                TestServices.JSON);
        RedisStandaloneConfiguration rc = new RedisStandaloneConfiguration(TestInfrastructure.redisHost(),
                TestInfrastructure.redisPort());
        rc.setDatabase(TestInfrastructure.redisDatabase());
        redisFactory = new LettuceConnectionFactory(rc);
        // connect now: a lazy first connect would block an event-loop thread (BlockHound says so)
        redisFactory.setEagerInitialization(true);
        redisFactory.afterPropertiesSet();
        redisFactory.start();
        changes = new RedisCatalogueChanges(new ReactiveStringRedisTemplate(redisFactory));
        TargetPolicy targets = new TargetPolicy(TestServices.dns(Map.of(
                "api.dopa.go.th", List.of("203.150.1.10"),
                "api2.dopa.go.th", List.of("203.150.1.11"),
                "rebind.example.th", List.of("10.0.0.1"))), new SandboxAllowList(List.of()));
        onboarding = new ServiceOnboarding(store, new ServiceValidator(targets, TestServices.purposes()), changes);
        administration = new ServiceAdministration(store, changes);
    }

    /** A catalogue as one more application instance would hold it. */
    public Catalogue newInstanceCatalogue() {
        return new Catalogue(store, changes, Clock.systemUTC());
    }

    /** Registers a fresh agency with a unique id, so tests never collide on the shared database. */
    public String newAgency() {
        String id = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        store.saveAgency(new Agency(id, new LocalizedText("กรมทดสอบ " + id, "Test Department " + id))).block();
        return id;
    }

    @Override
    public void close() {
        redisFactory.destroy();
    }
}
