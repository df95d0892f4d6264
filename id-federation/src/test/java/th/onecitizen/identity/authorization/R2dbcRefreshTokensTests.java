package th.onecitizen.identity.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.ConnectionFactories;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import th.onecitizen.identity.authorization.R2dbcRefreshTokens.Rotation;
import th.onecitizen.identity.token.TokenIds;
import th.onecitizen.platform.persistence.ModuleSchema;
import th.onecitizen.testkit.TestInfrastructure;

/**
 * Refresh-token families on the real PostgreSQL: the MACed token format (refused before any database access when
 * forged), rotation by generation, reuse detection and the row lock serialising concurrent presentations.
 */
class R2dbcRefreshTokensTests {

    private static final String KEY = key((byte) 1);
    private static final String OTHER_KEY = key((byte) 2);
    private static final String CLIENT = "superapp";
    private static final String TOKEN = "rt1\\.[A-Za-z0-9_-]{43}\\.\\d+\\.[A-Za-z0-9_-]{43}";

    private static DatabaseClient db;
    private static R2dbcRefreshTokens tokens;
    /** A store whose database cannot be reached: any access fails, so an answer proves that none was made. */
    private static R2dbcRefreshTokens offline;

    @BeforeAll
    static void schema() {
        TestInfrastructure.migrate(new ModuleSchema("id-federation", "identity", "classpath:db/identity"));
        db = DatabaseClient.create(TestInfrastructure.connectionFactory());
        tokens = new R2dbcRefreshTokens(db, KEY);
        offline = new R2dbcRefreshTokens(DatabaseClient.create(ConnectionFactories.get(
                "r2dbc:postgresql://nobody@127.0.0.1:1/none")), KEY);
    }

    private static String key(byte fill) {
        byte[] raw = new byte[32];
        java.util.Arrays.fill(raw, fill);
        return Base64.getUrlEncoder().encodeToString(raw);
    }

    private static RefreshGrant grant(Instant expiresAt) {
        return new RefreshGrant(TokenIds.random(), CLIENT, UUID.randomUUID().toString(),
                Set.of("openid", "offline_access"), "urn:th:ial:2.3", List.of("fed"),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), "thaid", null,
                expiresAt.truncatedTo(ChronoUnit.SECONDS));
    }

    private static RefreshGrant grant() {
        return grant(Instant.now().plus(Duration.ofDays(1)));
    }

    private static String rotated(String token) {
        Rotation r = tokens.rotate(token, CLIENT).block();
        assertThat(r).isInstanceOf(Rotation.Rotated.class);
        return ((Rotation.Rotated) r).token();
    }

    private static Object column(String column, String familyId) {
        return db.sql("SELECT " + column + " FROM identity.refresh_families WHERE family_id = :f").bind("f", familyId)
                .map(r -> r.get(0)).one().block();
    }

    @Test
    void aFamilyIsOneRowWhoseGenerationEachRotationMovesOn() {
        RefreshGrant g = grant();
        String first = tokens.issue(g).block();
        assertThat(first).matches(TOKEN).startsWith("rt1." + g.familyId() + ".0.");

        Rotation r = tokens.rotate(first, CLIENT).block();
        assertThat(r).isInstanceOfSatisfying(Rotation.Rotated.class, rot -> {
            assertThat(rot.grant()).isEqualTo(g);
            assertThat(rot.token()).matches(TOKEN).startsWith("rt1." + g.familyId() + ".1.");
        });
        String third = rotated(((Rotation.Rotated) r).token());
        assertThat(third).startsWith("rt1." + g.familyId() + ".2.");

        assertThat(db.sql("SELECT count(*) FROM identity.refresh_families WHERE family_id = :f")
                .bind("f", g.familyId()).map(row -> row.get(0, Long.class)).one().block()).isOne();
        assertThat(column("generation", g.familyId())).isEqualTo(2L);
        assertThat(column("rotated_at", g.familyId())).isNotNull();
        // RFC 7009: any generation names the family
        assertThat(tokens.find(first).block()).isEqualTo(g);
        assertThat(tokens.find(third).block()).isEqualTo(g);
        assertThat(tokens.families(g.citizenId(), CLIENT).block()).containsExactly(g.familyId());
    }

    @Test
    void forgedGarbageOverLongAndForeignTokensAreRefusedWithoutTouchingTheDatabase() {
        String token = tokens.issue(grant()).block();
        String foreign = new R2dbcRefreshTokens(db, OTHER_KEY).issue(grant()).block();
        RefreshGrant g = grant();
        String overLong = tokens.issue(new RefreshGrant(g.familyId().repeat(5), g.clientId(), g.citizenId(), g.scopes(),
                g.acr(), g.amr(), g.authTime(), g.idp(), g.jkt(), g.familyExpiresAt())).block();
        assertThat(overLong).hasSizeGreaterThan(256);
        int macAt = token.lastIndexOf('.');
        char last = token.charAt(token.length() - 1);
        List<String> refused = new ArrayList<>(List.of(
                "", "garbage", "rt1.", "rt1...", "rt1.a.b.c", TokenIds.random(),
                token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'),  // tampered MAC
                token.substring(0, macAt),                                          // no MAC
                token.replace(".0.", ".1."),                                        // another generation
                "rt1." + TokenIds.random() + token.substring(token.indexOf(".0.")), // another family
                foreign,                                                            // another key
                overLong));                                                         // ours, but over-long
        refused.add(null);
        for (String presented : refused) {
            assertThat(offline.rotate(presented, CLIENT).block()).as(presented)
                    .isInstanceOf(Rotation.Refused.class);
            assertThat(offline.find(presented).blockOptional()).as(presented).isEmpty();
        }
        // the offline store would have failed had it gone to the database: a genuine token does
        assertThatThrownBy(() -> offline.rotate(token, CLIENT).block()).isNotNull();
        // and the real store still rotates the genuine token: nothing above reached its family
        rotated(token);
    }

    @Test
    void anotherClientsPresentationIsRefusedAndLeavesTheFamilyAlive() {
        String token = tokens.issue(grant()).block();
        assertThat(tokens.rotate(token, "other-app").block()).isInstanceOf(Rotation.Refused.class);
        String next = rotated(token);
        // a replay by another client is refused, not treated as reuse: it does not revoke this client's family
        assertThat(tokens.rotate(token, "other-app").block()).isInstanceOf(Rotation.Refused.class);
        rotated(next);
    }

    @Test
    void anExpiredFamilyIsRefusedAndAnOlderGenerationOfItIsNotCountedAsReuse() {
        RefreshGrant g = grant();
        String first = tokens.issue(g).block();
        String second = rotated(first);
        db.sql("UPDATE identity.refresh_families SET family_expires_at = now() - interval '1 second' "
                + "WHERE family_id = :f").bind("f", g.familyId()).then().block();
        assertThat(tokens.rotate(second, CLIENT).block()).isInstanceOf(Rotation.Refused.class);
        assertThat(tokens.rotate(first, CLIENT).block()).isInstanceOf(Rotation.Refused.class);
        assertThat(column("revoked", g.familyId())).isEqualTo(false);

        RefreshGrant born = grant(Instant.now().minusSeconds(1));
        assertThat(tokens.rotate(tokens.issue(born).block(), CLIENT).block()).isInstanceOf(Rotation.Refused.class);
    }

    @Test
    void aRevokedFamilyIsRefusedAndNoLongerListed() {
        RefreshGrant g = grant();
        String token = tokens.issue(g).block();
        tokens.revokeFamily(g.familyId()).block();
        assertThat(tokens.rotate(token, CLIENT).block()).isInstanceOf(Rotation.Refused.class);
        assertThat(tokens.families(g.citizenId(), CLIENT).block()).isEmpty();
        assertThat(column("generation", g.familyId())).isEqualTo(0L);
    }

    @Test
    void replayingAnOlderGenerationRevokesTheFamily() {
        RefreshGrant g = grant();
        String first = tokens.issue(g).block();
        String second = rotated(first);
        String third = rotated(second);

        assertThat(tokens.rotate(first, CLIENT).block()).isEqualTo(new Rotation.Reused(g.familyId()));
        assertThat(column("revoked", g.familyId())).isEqualTo(true);
        // the thief's or the citizen's newest token is dead too; another replay is merely refused
        assertThat(tokens.rotate(third, CLIENT).block()).isInstanceOf(Rotation.Refused.class);
        assertThat(tokens.rotate(second, CLIENT).block()).isInstanceOf(Rotation.Refused.class);
    }

    @Test
    void twoConcurrentPresentationsOfOneTokenYieldExactlyOneRotationAndRevokeTheFamily() throws Exception {
        RefreshGrant g = grant();
        String token = tokens.issue(g).block();
        List<Rotation> outcomes;
        // hold the family's row lock while both presentations arrive, so that both UPDATEs are waiting at once
        try (Connection lock = DriverManager.getConnection(TestInfrastructure.jdbcUrl(), TestInfrastructure.pgUser(),
                "")) {
            lock.setAutoCommit(false);
            try (PreparedStatement s = lock.prepareStatement(
                    "SELECT 1 FROM identity.refresh_families WHERE family_id = ? FOR UPDATE")) {
                s.setString(1, g.familyId());
                s.executeQuery().close();
            }
            CompletableFuture<Rotation> a = tokens.rotate(token, CLIENT).toFuture();
            CompletableFuture<Rotation> b = tokens.rotate(token, CLIENT).toFuture();
            awaitWaitingUpdates(2);
            lock.commit();
            outcomes = List.of(a.get(), b.get());
        }
        assertThat(outcomes).filteredOn(Rotation.Rotated.class::isInstance).hasSize(1);
        assertThat(outcomes).contains(new Rotation.Reused(g.familyId()));
        assertThat(column("revoked", g.familyId())).isEqualTo(true);
        assertThat(column("generation", g.familyId())).isEqualTo(1L);
    }

    /** Polls from a connection of its own: a transaction sees one snapshot of pg_stat_activity. */
    private static void awaitWaitingUpdates(int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try (Connection c = DriverManager.getConnection(TestInfrastructure.jdbcUrl(), TestInfrastructure.pgUser(), "");
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND wait_event_type = 'Lock' "
                        + "AND query LIKE 'UPDATE identity.refresh_families%'")) {
            while (true) {
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getInt(1) >= expected) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("both presentations waiting for the row lock").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    @Test
    void aShortOrNonBase64KeyIsRefused() {
        assertThatThrownBy(() -> new R2dbcRefreshTokens(db, "c2hvcnQ")).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new R2dbcRefreshTokens(db, "not base64 !!")).hasMessageContaining("base64url");
    }
}
