package th.onecitizen.consent.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import th.onecitizen.consent.config.ConsentModule;
import th.onecitizen.consent.grant.GrantCommand;
import th.onecitizen.consent.support.TestConsentModules;
import th.onecitizen.consent.support.TestPurposes;
import th.onecitizen.consent.support.TestSubjectFacts;
import th.onecitizen.platform.error.ProblemException;

/** The decision log (R19.1) on the real PostgreSQL and Redis: refusals are written before they are answered. */
class DecisionLogTests {

    private static final TestSubjectFacts facts = new TestSubjectFacts();
    private static ConsentModule m;
    private static String purpose;

    @BeforeAll
    static void setUp() {
        m = TestConsentModules.module(facts, "oc:cns:test:decision-log", false);
        purpose = TestPurposes.id();
        m.purposes().register(purpose, TestPurposes.consent("agency-log", Set.of("address"))).block();
    }

    private static long logged(String subject) {
        return TestConsentModules.db().sql("SELECT count(*) FROM consent.decision_log WHERE subject_ref = :s")
                .bind("s", subject).map(r -> r.get(0, Long.class)).one().block();
    }

    private static Decision decide(String subject) {
        return m.gate().decide(new DecisionRequest(subject, "agency-log", purpose, Set.of("address"))).block();
    }

    @Test
    void R19_1_aRefusalIsLoggedWithItsReasonAndAPermitAddsNoEntry() {
        String s = facts.adult(TestConsentModules.subject());

        assertThat(decide(s)).isInstanceOf(Decision.Refused.class);
        assertThat(logged(s)).isEqualTo(1);
        var entry = m.gate().decisionLog().find(new DecisionLog.Filter(s, null, null, null, null, null), 0, 10)
                .block().items();
        assertThat(entry).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("consent_required");
            assertThat(e.purposeId()).isEqualTo(purpose);
            assertThat(e.agencyId()).isEqualTo("agency-log");
            assertThat(e.categories()).containsExactly("address");
        });

        m.consents().grant(new GrantCommand(s, purpose, 1, "en", true, "self", null, null, null, "app")).block();
        assertThat(decide(s)).isInstanceOf(Decision.Allowed.class);
        assertThat(logged(s)).isEqualTo(1);
    }

    @Test
    void R19_1_aRefusalThatCannotBeLoggedIsNotAnsweredAsARefusalButAs503() {
        String s = facts.adult(TestConsentModules.subject());
        String fn = "consent.fail_log_" + UUID.randomUUID().toString().replace("-", "");
        DatabaseClient db = TestConsentModules.db();
        db.sql("CREATE FUNCTION " + fn + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "RAISE EXCEPTION 'decision log unavailable'; END $$").then().block();
        String trigger = "fail_" + UUID.randomUUID().toString().replace("-", "");
        db.sql("CREATE TRIGGER " + trigger + " BEFORE INSERT ON consent.decision_log FOR EACH ROW WHEN "
                + "(NEW.subject_ref = '" + s + "') EXECUTE FUNCTION " + fn + "()").then().block();
        try {
            assertThatThrownBy(() -> decide(s)).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.error().status()).isEqualTo(503));
            assertThat(logged(s)).isZero();
        } finally {
            db.sql("DROP TRIGGER " + trigger + " ON consent.decision_log").then().block();
            db.sql("DROP FUNCTION " + fn + "()").then().block();
        }
        assertThat(decide(s)).isInstanceOf(Decision.Refused.class);
        assertThat(logged(s)).isEqualTo(1);
    }
}
