package th.onecitizen.consent.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import th.onecitizen.consent.config.ConsentModule;
import th.onecitizen.consent.support.TestConsentModules;
import th.onecitizen.consent.support.TestSubjectFacts;

class RetentionJobTests {

    private static ConsentModule m;

    @BeforeAll
    static void setUp() {
        m = TestConsentModules.module(new TestSubjectFacts(), "oc:cns:test:retention", false);
    }

    @Test
    void runWhenEntriesPastRetentionThenErasedAndNoneOverdue() {
        String s = TestConsentModules.subject();
        // the schema's first partition is the month of three years before it was migrated: on the first days of a
        // month, 1100 days back falls before it, so the test makes the partition of its back-dated entry itself
        TestConsentModules.db().sql("DO $$ DECLARE m date := date_trunc('month', now() - interval '1100 days')::date; "
                + "BEGIN EXECUTE format('CREATE TABLE IF NOT EXISTS consent.access_log_%s PARTITION OF "
                + "consent.access_log FOR VALUES FROM (%L) TO (%L)', to_char(m, 'YYYYMM'), m, "
                + "(m + interval '1 month')::date); END $$").then().block();
        // 1095 days of access-log retention: an entry from 1100 days ago is overdue, one from yesterday is not
        TestConsentModules.db().sql("INSERT INTO consent.access_log (id, subject_ref, occurred_at, agency_id, "
                + "service_id, operation_id, purpose_id, basis, categories, decision_id, outcome) VALUES "
                + "(:a, :s, now() - interval '1100 days', 'ag', 'svc', 'op', 'p', 'consent', '{address}', 'd', 'ok'), "
                + "(:b, :s, now() - interval '1 day', 'ag', 'svc', 'op', 'p', 'consent', '{address}', 'd', 'ok')")
                .bind("a", UUID.randomUUID()).bind("b", UUID.randomUUID()).bind("s", s).then().block();

        Map<String, Object> report = m.retention().run().block();

        assertThat((Long) report.get("access_log_entries")).isGreaterThanOrEqualTo(1L);
        assertThat(report.get("overdue")).isEqualTo(0L);
        Long left = TestConsentModules.db().sql("SELECT count(*) FROM consent.access_log WHERE subject_ref = :s")
                .bind("s", s).map(r -> r.get(0, Long.class)).one().block();
        assertThat(left).isEqualTo(1L);
    }
}
