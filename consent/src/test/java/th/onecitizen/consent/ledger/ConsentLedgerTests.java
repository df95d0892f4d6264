package th.onecitizen.consent.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import th.onecitizen.consent.config.ConsentModule;
import th.onecitizen.consent.grant.ConsentChange;
import th.onecitizen.consent.grant.GrantCommand;
import th.onecitizen.consent.support.TestConsentModules;
import th.onecitizen.consent.support.TestPurposes;
import th.onecitizen.consent.support.TestSubjectFacts;

class ConsentLedgerTests {

    private static final TestSubjectFacts facts = new TestSubjectFacts();
    private static ConsentModule module;
    private static String purpose;

    @BeforeAll
    static void setUp() {
        module = TestConsentModules.module(facts, "oc:cns:test:ledger", true);
        purpose = TestPurposes.id();
        module.purposes().register(purpose, TestPurposes.consent("agency-a", Set.of("address"))).block();
    }

    private ConsentChange grant(String subject) {
        return module.consents().grant(new GrantCommand(subject, purpose, 1, "th", true, "self", null, null, null,
                "app")).block();
    }

    @Test
    void verifyWhenChainUntouchedThenValidAndHeadMatchesLastReceipt() {
        String s = facts.adult(TestConsentModules.subject());
        ConsentChange g = grant(s);
        ConsentChange w = module.consents().withdraw(s, g.consent().consentId(), "app").block();

        LedgerVerification v = module.ledger().verify(s).block();

        assertThat(v.valid()).isTrue();
        assertThat(v.entries()).isEqualTo(2);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> ledger = (java.util.Map<String, Object>) module.signer()
                .verify(w.receipt().jws()).getClaim("ledger");
        assertThat(ledger.get("hash")).isEqualTo(v.headHash());
    }

    @Test
    void verifyWhenRowEditedInPostgresThenTamperCaughtAtThatEntry() {
        String s = facts.adult(TestConsentModules.subject());
        ConsentChange g = grant(s);
        module.consents().withdraw(s, g.consent().consentId(), "app").block();
        grant(s);

        // an attacker with database rights bypasses the append-only trigger and rewrites history
        TestConsentModules.db().sql("SET session_replication_role = replica; UPDATE consent.ledger SET event = 'granted' "
                + "WHERE subject_ref = '" + s + "' AND seq = 2; SET session_replication_role = origin").then()
                .block();

        LedgerVerification v = module.ledger().verify(s).block();
        assertThat(v.valid()).isFalse();
        assertThat(v.brokenSeq()).isEqualTo(2);
        assertThat(v.reason()).contains("altered");
    }

    @Test
    void verifyWhenLastEntryDeletedThenDeletionCaught() {
        String s = facts.adult(TestConsentModules.subject());
        ConsentChange g = grant(s);
        module.consents().withdraw(s, g.consent().consentId(), "app").block();

        TestConsentModules.db().sql("SET session_replication_role = replica; DELETE FROM consent.ledger "
                + "WHERE subject_ref = '" + s + "' AND seq = 2; SET session_replication_role = origin").then()
                .block();

        LedgerVerification v = module.ledger().verify(s).block();
        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).contains("deleted");
    }

    @Test
    void updateWhenAppendOnlyTriggerActiveThenRefused() {
        String s = facts.adult(TestConsentModules.subject());
        grant(s);

        Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> TestConsentModules.db()
                .sql("UPDATE consent.ledger SET event = 'withdrawn' WHERE subject_ref = :s").bind("s", s).then().block());

        assertThat(error).rootCause().hasMessageContaining("append-only");
        assertThat(module.ledger().verify(s).block().valid()).isTrue();
    }
}
