package th.onecitizen.consent.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.Page;
import th.onecitizen.consent.breach.Notifications;
import th.onecitizen.consent.config.ConsentModule;
import th.onecitizen.consent.config.Sql;
import th.onecitizen.consent.support.TestConsentModules;
import th.onecitizen.consent.support.TestPurposes;
import th.onecitizen.consent.support.TestSubjectFacts;

class IndirectCollectionNoticesTests {

    private static ConsentModule m;
    private static DatabaseClient db;
    private static IndirectCollectionNotices notices;
    private static String publicTask;
    private static String exempt;

    @BeforeAll
    static void setUp() {
        m = TestConsentModules.module(new TestSubjectFacts(), "oc:cns:test:indirect", true);
        db = TestConsentModules.db();
        AgencyNames names = agency -> "agency-n".equals(agency)
                ? Mono.just(new AgencyNames.Name("กรมทดสอบ", "Test Department")) : Mono.empty();
        notices = new IndirectCollectionNotices(db, names, Duration.ofSeconds(1), Clock.systemUTC());
        publicTask = TestPurposes.id();
        m.purposes().register(publicTask, TestPurposes.draft("agency-n", "public_task", "Civil Registration Act",
                "dpo-1", null, Set.of("identity", "household"), "none", false, false)).block();
        exempt = TestPurposes.id();
        m.purposes().register(exempt, TestPurposes.draft("agency-n", "public_task", "Revenue Code", "dpo-1", null,
                Set.of("identity", "household"), "none", false, false)).block();
        m.exemptions().record(exempt, "s25_law", "Revenue Code s3 septem", "dpo-1").block();
    }

    private static void received(String subject, String purpose, String basis, Set<String> categories,
            String outcome) {
        db.sql("INSERT INTO consent.access_log (id, subject_ref, occurred_at, agency_id, service_id, operation_id, "
                + "purpose_id, basis, categories, decision_id, outcome, received_categories) VALUES (:id, :s, :at, "
                + "'agency-n', 'agency-n.svc', 'summary', :p, :b, :c, 'd-1', :o, :c)").bind("id", UUID.randomUUID())
                .bind("s", subject).bind("at", Sql.ts(Instant.now())).bind("p", purpose).bind("b", basis)
                .bind("c", Sql.array(categories)).bind("o", outcome).then().block();
    }

    private static List<Notifications.Notification> inbox(String subject) {
        Page<Notifications.Notification> page = m.notifications().list(subject, 0, 20).block();
        return page.items();
    }

    @Test
    void runWhenDataWasReceivedWithoutConsentThenOneBilingualNoticeUnlessExemptOrOnConsent() {
        String subject = TestConsentModules.subject();
        received(subject, publicTask, "public_task", Set.of("identity", "household"), "ok");
        received(subject, publicTask, "public_task", Set.of("household", "identity"), "ok");
        received(subject, exempt, "public_task", Set.of("identity"), "ok");
        received(subject, publicTask, "consent", Set.of("address"), "ok");
        received(subject, publicTask, "public_task", Set.of("income"), "agency_timeout");

        assertThat(notices.run(Duration.ofHours(1)).block()).isGreaterThanOrEqualTo(1L);
        assertThat(notices.run(Duration.ofDays(30)).block()).isZero();

        List<Notifications.Notification> inbox = inbox(subject);
        assertThat(inbox).hasSize(1);
        Notifications.Notification n = inbox.get(0);
        assertThat(n.kind()).isEqualTo("indirect_collection");
        assertThat(n.titleEn()).isEqualTo("Data about you was received from Test Department");
        assertThat(n.titleTh()).contains("กรมทดสอบ");
        assertThat(n.bodyEn()).contains("household, identity", "public_task", "agency-n.svc",
                "Share data for the service", "PDPA s25");
        assertThat(n.bodyTh()).contains("มาตรา 25", "แบ่งปันข้อมูลเพื่อบริการ");
    }
}
