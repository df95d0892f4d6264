package th.onecitizen.bff.me;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.identity.assurance.Assurance;
import th.onecitizen.identity.citizen.CitizenIdProtector;
import th.onecitizen.identity.citizen.IdentityConflictException;
import th.onecitizen.identity.citizen.ProviderClaims;
import th.onecitizen.identity.citizen.R2dbcCitizens;
import th.onecitizen.identity.citizen.VerifiedIdentity;
import th.onecitizen.testkit.CitizenIdFixtures;

/**
 * Two first logins of one person at the same moment: both find no citizen, both insert one, and the unique look-up
 * hash lets one win. Made deterministic here: another transaction inserts the same person's citizen first and
 * commits only once the login's insert waits for it.
 */
@ApplicationTest
class ConcurrentFirstLoginTests {

    @Autowired
    R2dbcCitizens citizens;
    @Autowired
    CitizenIdProtector protector;
    @Autowired
    ConnectionFactory connections;
    @Autowired
    DatabaseClient db;

    @Test
    void theLoserOfTwoSimultaneousFirstLoginsIsRefusedAsAnAuditedConflictNotAServerError() throws Exception {
        String cid = CitizenIdFixtures.random();
        String winner = UUID.randomUUID().toString();
        String provider = "thaid";
        Connection other = Mono.from(connections.create()).block();
        try {
            Mono.from(other.beginTransaction()).block();
            Mono.from(other.createStatement(
                    "INSERT INTO identity.citizens (id, cid_hmac, cid_sealed) VALUES ($1, $2, $3)")
                    .bind("$1", winner).bind("$2", protector.lookupHash(cid)).bind("$3", new byte[] {1}).execute())
                    .flatMap(r -> Mono.from(r.getRowsUpdated())).block();
            long before = conflicts();

            CompletableFuture<String> loser = citizens.login(new VerifiedIdentity(provider,
                    "subject-" + UUID.randomUUID(), cid, true, new Assurance("2.3", "2.1"),
                    new ProviderClaims("ทดสอบ", "Test", null))).toFuture();
            waitUntilALoginWaitsForALock();
            Mono.from(other.commitTransaction()).block();

            assertThatThrownBy(() -> loser.get()).hasCauseInstanceOf(IdentityConflictException.class)
                    .cause().extracting(e -> ((IdentityConflictException) e).reason())
                    .isEqualTo("concurrent_first_login");
            assertThat(conflicts()).isEqualTo(before + 1);
            // the loser's transaction left nothing: no second citizen, no link for the person
            assertThat(db.sql("SELECT count(*) FROM identity.links WHERE cid_hmac = :h")
                    .bind("h", protector.lookupHash(cid)).map(r -> r.get(0, Long.class)).one().block()).isZero();
        } finally {
            Mono.from(other.close()).block();
            db.sql("DELETE FROM identity.citizens WHERE id = :id").bind("id", winner).then().block();
        }
    }

    private long conflicts() {
        return db.sql("SELECT count(*) FROM identity.audit_events WHERE event = 'conflict:concurrent_first_login'")
                .map(r -> r.get(0, Long.class)).one().block();
    }

    private void waitUntilALoginWaitsForALock() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Long waiting = db.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND wait_event_type = 'Lock'").map(r -> r.get(0, Long.class)).one().block();
            if (waiting != null && waiting > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the login's insert never waited for the other transaction");
    }
}
