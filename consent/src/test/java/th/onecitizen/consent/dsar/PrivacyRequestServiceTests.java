package th.onecitizen.consent.dsar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import th.onecitizen.consent.config.ConsentModule;
import th.onecitizen.consent.decision.Decision;
import th.onecitizen.consent.decision.DecisionRequest;
import th.onecitizen.consent.grant.GrantCommand;
import th.onecitizen.consent.support.TestConsentModules;
import th.onecitizen.consent.support.TestPurposes;
import th.onecitizen.consent.support.TestSubjectFacts;
import th.onecitizen.platform.error.ProblemException;

class PrivacyRequestServiceTests {

    private static final TestSubjectFacts facts = new TestSubjectFacts();
    private static ConsentModule m;
    private static String purpose;

    @BeforeAll
    static void setUp() {
        m = TestConsentModules.module(facts, "oc:cns:test:dsar", true);
        purpose = TestPurposes.id();
        m.purposes().register(purpose, TestPurposes.consent("agency-a", Set.of("address"))).block();
    }

    private String consented() {
        String s = facts.adult(TestConsentModules.subject());
        m.consents().grant(new GrantCommand(s, purpose, 1, "en", true, "self", null, null, null, "app")).block();
        return s;
    }

    private Decision decide(String s) {
        return m.gate().decide(new DecisionRequest(s, "agency-a", purpose, Set.of("address"))).block();
    }

    private PrivacyRequest file(String s, String type, String purposeId) {
        return m.privacyRequests().file(new PrivacyRequestService.Filing(s, type, "self", null, purposeId,
                "rectification".equals(type) ? "my address is wrong" : null, "app")).block();
    }

    @Test
    void fileWhenRestrictionThenGateDeniesAtOnceAndDeadlineIsThirtyDays() {
        String s = consented();
        assertThat(decide(s)).isInstanceOf(Decision.Allowed.class);

        PrivacyRequest r = file(s, "restriction", null);

        assertThat(Duration.between(r.receivedAt(), r.legalDeadline())).isEqualTo(Duration.ofDays(30));
        assertThat(r.status()).isEqualTo("in_progress");
        assertThat(decide(s)).isInstanceOfSatisfying(Decision.Refused.class,
                d -> assertThat(d.refusal().code()).isEqualTo("processing_restricted"));
    }

    @Test
    void refuseWhenObjectionOverriddenThenGroundRecordedAndProcessingResumes() {
        String s = consented();
        PrivacyRequest r = file(s, "objection", purpose);
        assertThat(decide(s)).isInstanceOfSatisfying(Decision.Refused.class,
                d -> assertThat(d.refusal().code()).isEqualTo("processing_objected"));

        PrivacyRequest refused = m.privacyRequests().refuse(r.id(), List.of(new PrivacyRequest.RefusalGround(
                "s32_compelling_legitimate_grounds", "Needed to pay the citizen's benefit")), "dpo-1").block();

        assertThat(refused.status()).isEqualTo("refused");
        assertThat(refused.refusals()).extracting(PrivacyRequest.RefusalGround::ground)
                .containsExactly("s32_compelling_legitimate_grounds");
        assertThat(decide(s)).isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void fileWhenErasureThenConsentsWithdrawnAndOutcomeSaysWhatWasKept() {
        String s = consented();

        PrivacyRequest r = file(s, "erasure", null);

        assertThat(r.status()).isEqualTo("fulfilled");
        assertThat(r.outcome()).contains("Consents withdrawn: 1").contains("kept");
        assertThat(decide(s)).isInstanceOfSatisfying(Decision.Refused.class,
                d -> assertThat(d.refusal().code()).isEqualTo("consent_withdrawn"));
    }

    @Test
    void exportWhenAccessRequestThenSchemaAndLedgerIncluded() {
        String s = consented();
        PrivacyRequest r = file(s, "access", null);

        Map<String, Object> export = m.privacyRequests().export(s, r.id()).block();

        assertThat(export).containsEntry("$schema", PrivacyRequestService.EXPORT_SCHEMA);
        @SuppressWarnings("unchecked")
        Map<String, Object> records = (Map<String, Object>) ((Map<String, Object>) export.get("sections"))
                .get("consent_records");
        assertThat((List<?>) records.get("consent_ledger")).hasSize(1);
        assertThat((List<?>) records.get("receipts")).hasSize(1);
    }

    @Test
    void getWhenOtherSubjectsRequestThenNotFound() {
        String s = consented();
        PrivacyRequest r = file(s, "rectification", null);

        Throwable t = catchThrowable(() -> m.privacyRequests().get(facts.adult(TestConsentModules.subject()), r.id())
                .block());

        assertThat(t).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.error().status()).isEqualTo(404));
    }
}
