package th.onecitizen.identity.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.platform.persistence.ModuleSchema;
import th.onecitizen.platform.privacy.SubjectKeyUnavailableException;
import th.onecitizen.platform.privacy.SubjectKeys;
import th.onecitizen.testkit.SettableClock;
import th.onecitizen.testkit.TestInfrastructure;

/** Per-subject data keys on the real PostgreSQL: sealing, binding to context and subject, destruction. */
class R2dbcSubjectKeysTests {

    private static final String KEK = Base64.getUrlEncoder().encodeToString(new byte[32]);
    private static DatabaseClient db;

    @BeforeAll
    static void schema() {
        TestInfrastructure.migrate(new ModuleSchema("id-federation", "keyvault", "classpath:db/keyvault"));
        db = DatabaseClient.create(TestInfrastructure.connectionFactory());
    }

    private static R2dbcSubjectKeys keys(int cacheSize) {
        return new R2dbcSubjectKeys(db, KEK, Clock.systemUTC(), Duration.ofMinutes(1), cacheSize);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sealedValuesOpenOnlyForTheirSubjectAndContextAndCarryTheVersionPrefix() {
        R2dbcSubjectKeys keys = keys(10);
        String subject = UUID.randomUUID().toString();
        keys.create(subject).block();
        byte[] sealed = keys.seal(subject, "t.c", bytes("secret")).block();
        assertThat(SubjectKeys.isSealed(sealed)).isTrue();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).startsWith("SK1.").doesNotContain("secret");
        assertThat(keys.open(subject, "t.c", sealed).block()).isEqualTo(bytes("secret"));
        // another instance (no cache) unwraps the stored key
        assertThat(keys(0).open(subject, "t.c", sealed).block()).isEqualTo(bytes("secret"));
        assertThatThrownBy(() -> keys.open(subject, "t.other", sealed).block())
                .isInstanceOf(IllegalArgumentException.class);
        String other = UUID.randomUUID().toString();
        keys.create(other).block();
        assertThatThrownBy(() -> keys.open(other, "t.c", sealed).block())
                .isInstanceOf(IllegalArgumentException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> keys.open(subject, "t.c", sealed).block())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SubjectKeys.isSealed(bytes("{\"name\":\"x\"}"))).isFalse();
    }

    @Test
    void aSubjectWithoutAKeyGetsOneWhenSealingAndCreatingTwiceKeepsTheFirst() {
        R2dbcSubjectKeys keys = keys(10);
        String subject = UUID.randomUUID().toString();
        byte[] sealed = keys.seal(subject, "t.c", bytes("v")).block();
        keys.create(subject).block();
        assertThat(keys(0).open(subject, "t.c", sealed).block()).isEqualTo(bytes("v"));
    }

    @Test
    void destroyedKeysNoLongerOpenAnythingOnThisInstanceOrAnotherAndTheErasureIsJournaled() {
        R2dbcSubjectKeys keys = keys(10);
        R2dbcSubjectKeys otherInstance = keys(0);
        String subject = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        keys.create(subject).block();
        keys.create(kept).block();
        byte[] sealed = keys.seal(subject, "t.c", bytes("gone")).block();
        byte[] keptSealed = keys.seal(kept, "t.c", bytes("kept")).block();

        assertThat(keys.destroy(subject).block()).isTrue();

        assertThatThrownBy(() -> keys.open(subject, "t.c", sealed).block())
                .isInstanceOf(SubjectKeyUnavailableException.class);
        assertThatThrownBy(() -> otherInstance.open(subject, "t.c", sealed).block())
                .isInstanceOf(SubjectKeyUnavailableException.class);
        assertThat(otherInstance.open(kept, "t.c", keptSealed).block()).isEqualTo(bytes("kept"));
        assertThat(db.sql("SELECT count(*) FROM keyvault.subject_keys WHERE subject_ref = :s").bind("s", subject)
                .map(r -> r.get(0, Long.class)).one().block()).isZero();
        assertThat(db.sql("SELECT count(*) FROM keyvault.erasures WHERE subject_ref = :s").bind("s", subject)
                .map(r -> r.get(0, Long.class)).one().block()).isOne();
        assertThat(keys.destroy(subject).block()).isFalse();
    }

    @Test
    void anErasedSubjectNeverGetsAKeyAgainSoNothingNewCanBeSealedForIt() {
        R2dbcSubjectKeys keys = keys(10);
        String subject = UUID.randomUUID().toString();
        keys.create(subject).block();
        keys.destroy(subject).block();

        // a login that looked the citizen up before the erasure, and seals its claims after it
        assertThatThrownBy(() -> keys.seal(subject, "t.c", bytes("after erasure")).block())
                .isInstanceOf(SubjectKeyUnavailableException.class);
        assertThatThrownBy(() -> keys(0).seal(subject, "t.c", bytes("after erasure")).block())
                .isInstanceOf(SubjectKeyUnavailableException.class);
        keys.create(subject).block();
        assertThat(keyRows(subject)).isZero();
    }

    @Test
    void sealsRacingErasuresLeaveNoKeyForAnyErasedSubject() {
        // each subject starts without a key (sealed before per-subject keys), so every seal tries to create one
        // while its erasure runs on another instance
        ConnectionPool pool = pool(16);
        R2dbcSubjectKeys sealing = uncached(pool);
        R2dbcSubjectKeys erasing = uncached(pool);
        List<String> subjects = IntStream.range(0, 200).mapToObj(i -> UUID.randomUUID().toString()).toList();
        AtomicInteger sealed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Flux.fromIterable(subjects)
                .flatMap(s -> Flux.merge(
                        sealing.seal(s, "t.c", bytes("v")).doOnNext(b -> sealed.incrementAndGet())
                                .onErrorResume(SubjectKeyUnavailableException.class, e -> {
                                    refused.incrementAndGet();
                                    return Mono.empty();
                                }).then(),
                        Mono.delay(Duration.ofNanos(s.hashCode() & 0xFFFFF)).then(erasing.destroy(s)).then()), 16)
                .blockLast(Duration.ofSeconds(60));
        pool.dispose();

        assertThat(sealed.get() + refused.get()).isEqualTo(subjects.size());
        assertThat(db.sql("SELECT count(*) FROM keyvault.subject_keys WHERE subject_ref = ANY(:s)")
                .bind("s", subjects.toArray(String[]::new)).map(r -> r.get(0, Long.class)).one().block()).isZero();
    }

    @Test
    void anErasureOverlappingAKeyCreatedInsideALongerTransactionWaitsForItAndDeletesTheKey() throws Exception {
        ConnectionPool pool = pool(4);
        try {
            TransactionalOperator tx = TransactionalOperator.create(new R2dbcTransactionManager(pool));
            R2dbcSubjectKeys sealing = uncached(pool);
            R2dbcSubjectKeys erasing = uncached(pool);
            String subject = UUID.randomUUID().toString();
            AtomicReference<CompletableFuture<Boolean>> erasure = new AtomicReference<>();

            // the key is created (not yet committed) inside a transaction; the erasure starts; the transaction
            // commits 300 ms later
            tx.transactional(sealing.seal(subject, "t.c", bytes("v"))
                    .doOnNext(b -> erasure.set(erasing.destroy(subject).toFuture()))
                    .delayElement(Duration.ofMillis(300))).block(Duration.ofSeconds(10));

            assertThat(erasure.get().get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(keyRows(subject)).isZero();
        } finally {
            pool.dispose();
        }
    }

    /** Pooled connections, for work that runs concurrently (the test's other client opens one per statement). */
    private static ConnectionPool pool(int size) {
        return new ConnectionPool(ConnectionPoolConfiguration.builder(TestInfrastructure.connectionFactory())
                .maxSize(size).build());
    }

    private static R2dbcSubjectKeys uncached(ConnectionPool pool) {
        return new R2dbcSubjectKeys(DatabaseClient.create(pool), KEK, Clock.systemUTC(), Duration.ZERO, 0);
    }

    private static long keyRows(String subject) {
        return db.sql("SELECT count(*) FROM keyvault.subject_keys WHERE subject_ref = :s").bind("s", subject)
                .map(r -> r.get(0, Long.class)).one().block();
    }

    @Test
    void theCacheStaysBounded() {
        R2dbcSubjectKeys keys = keys(3);
        for (int i = 0; i < 10; i++) {
            String subject = UUID.randomUUID().toString();
            byte[] sealed = keys.seal(subject, "t.c", bytes("v" + i)).block();
            assertThat(keys.open(subject, "t.c", sealed).block()).isEqualTo(bytes("v" + i));
        }
        assertThat(keys.cachedKeys()).isLessThanOrEqualTo(3);
    }

    @Test
    void expiredKeysLeaveMemoryWithinASecondTtlAlthoughTheCacheIsFarFromFull() {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-26T00:00:00Z"));
        R2dbcSubjectKeys keys = new R2dbcSubjectKeys(db, KEK, clock, Duration.ofMinutes(1), 1000);
        for (int i = 0; i < 5; i++) {
            keys.seal(UUID.randomUUID().toString(), "t.c", bytes("v")).block();
        }
        assertThat(keys.cachedKeys()).isEqualTo(5);
        clock.advance(Duration.ofSeconds(61));
        keys.seal(UUID.randomUUID().toString(), "t.c", bytes("v")).block();
        assertThat(keys.cachedKeys()).isEqualTo(1);
    }

    @Test
    void aShortOrNonBase64KeyEncryptionKeyIsRefused() {
        assertThatThrownBy(() -> new R2dbcSubjectKeys(db, "c2hvcnQ", Clock.systemUTC(), Duration.ZERO, 1))
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new R2dbcSubjectKeys(db, "not base64 !!", Clock.systemUTC(), Duration.ZERO, 1))
                .hasMessageContaining("base64url");
    }
}
