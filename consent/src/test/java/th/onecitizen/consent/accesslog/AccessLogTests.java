package th.onecitizen.consent.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import th.onecitizen.consent.Page;
import th.onecitizen.consent.config.ConsentModule;
import th.onecitizen.consent.decision.Decision;
import th.onecitizen.consent.decision.DecisionRequest;
import th.onecitizen.consent.decision.Disclosure;
import th.onecitizen.consent.decision.Permit;
import th.onecitizen.consent.grant.GrantCommand;
import th.onecitizen.consent.support.TestConsentModules;
import th.onecitizen.consent.support.TestPurposes;
import th.onecitizen.consent.support.TestSubjectFacts;

class AccessLogTests {

    private static final TestSubjectFacts facts = new TestSubjectFacts();
    private static ConsentModule m;
    private static String purpose;

    @BeforeAll
    static void setUp() {
        m = TestConsentModules.module(facts, "oc:cns:test:access", true);
        purpose = TestPurposes.id();
        m.purposes().register(purpose, TestPurposes.consent("agency-a", Set.of("address", "name"))).block();
    }

    private Permit permit(String s) {
        m.consents().grant(new GrantCommand(s, purpose, 1, "th", true, "self", null, null, null, "app")).block();
        return ((Decision.Allowed) m.gate().decide(new DecisionRequest(s, "agency-a", purpose,
                Set.of("address", "name"))).block()).permit();
    }

    @Test
    void recordWhenDrainedThenOnlyOwnEntriesWithFilters() {
        String s = facts.adult(TestConsentModules.subject());
        String other = facts.adult(TestConsentModules.subject());
        Permit p = permit(s);
        Permit q = permit(other);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        m.disclosureLog().record(p, new Disclosure("svc-1", "op-1", Set.of("address"), now, "trace-1", "ok")).block();
        m.disclosureLog().record(p, new Disclosure("svc-1", "op-2", Set.of("name"), now.minusSeconds(5), "trace-2",
                "ok")).block();
        m.disclosureLog().record(q, new Disclosure("svc-1", "op-1", Set.of("address"), now, "trace-3", "ok")).block();

        m.drainer().drain().block();

        Page<AccessLogEntry> all = m.accessLog().find(s, new AccessLogFilter(null, null, null, null), 0, 10).block();
        assertThat(all.total()).isEqualTo(2);
        assertThat(all.items()).extracting(AccessLogEntry::traceId).containsExactly("trace-1", "trace-2");
        assertThat(all.items().get(0).basis()).isEqualTo("consent");
        Page<AccessLogEntry> byCategory = m.accessLog().find(s, new AccessLogFilter("agency-a", "name", null, null),
                0, 10).block();
        assertThat(byCategory.items()).extracting(AccessLogEntry::operationId).containsExactly("op-2");
        Page<AccessLogEntry> paged = m.accessLog().find(s, new AccessLogFilter(null, null, null, null), 1, 1).block();
        assertThat(paged.items()).extracting(AccessLogEntry::traceId).containsExactly("trace-2");
    }

    @Test
    void recordWhenAccessLogRejectsRowThenKeptInOutboxWithRetry() {
        String s = facts.adult(TestConsentModules.subject());
        Permit p = permit(s);
        // no partition exists this far ahead: the move fails, and the disclosure must stay queued, not vanish
        Instant future = Instant.parse("2099-01-01T00:00:00Z");
        m.disclosureLog().record(p, new Disclosure("svc-x", "op-x", Set.of("address"), future, "trace-x", "ok"))
                .block();

        m.drainer().drain().block();

        Integer attempts = TestConsentModules.db().sql("SELECT attempts FROM consent.access_outbox WHERE subject_ref = "
                + ":s").bind("s", s).map(r -> r.get(0, Integer.class)).one().block();
        assertThat(attempts).isEqualTo(1);
        TestConsentModules.db().sql("DELETE FROM consent.access_outbox WHERE subject_ref = :s").bind("s", s).then()
                .block();
    }
}
