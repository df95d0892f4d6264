package th.onecitizen.consent.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import th.onecitizen.consent.config.ConsentModule;
import th.onecitizen.consent.support.TestConsentModules;
import th.onecitizen.consent.support.TestSubjectFacts;
import th.onecitizen.platform.error.ProblemException;

class BreachServiceTests {

    private static ConsentModule m;

    @BeforeAll
    static void setUp() {
        m = TestConsentModules.module(new TestSubjectFacts(), "oc:cns:test:breach", false);
    }

    private static BreachReport report(Instant aware, String risk, List<String> subjects) {
        return new BreachReport(aware.minus(Duration.ofHours(2)), aware, "confidentiality", 120, List.of("address"),
                risk, "Addresses readable by a misconfigured bucket", "Misconfigured storage exposed addresses",
                "Unwanted mail or visits", "Bucket closed, keys rotated", "ระวังจดหมายหลอกลวง",
                "Beware of scam letters", subjects);
    }

    @Test
    void recordWhenHighRiskThenClockFromAwarenessAndCitizensNotified() {
        String s = TestConsentModules.subject();
        Instant aware = Instant.now().minus(Duration.ofHours(80)).truncatedTo(ChronoUnit.MICROS);

        Breach b = m.breaches().record(report(aware, "high", List.of(s)), "dpo-1").block();

        assertThat(b.officeDue()).isEqualTo(aware.plus(Duration.ofHours(72)));
        assertThat(b.officeOverdue()).isTrue();
        assertThat(b.subjectsNotifiedAt()).isNotNull();
        assertThat(m.notifications().list(s, 0, 10).block().items()).singleElement()
                .satisfies(n -> assertThat(n.bodyEn()).contains("Beware of scam letters"));
        Throwable late = catchThrowable(() -> m.breaches().notifyOffice(b.id(), Instant.now(), null).block());
        assertThat(late).isInstanceOf(ProblemException.class).hasMessageContaining("reasons");
        Breach notified = m.breaches().notifyOffice(b.id(), Instant.now(), "forensics took longer").block();
        assertThat(notified.officeOverdue()).isFalse();
        Map<String, Object> doc = m.breaches().officeNotice(b.id()).block();
        assertThat(doc).containsKeys("nature", "data_subjects_affected", "records_affected", "dpo_contact",
                "likely_consequences", "measures");
    }
}
