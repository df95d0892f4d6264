package th.onecitizen.bff.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static th.onecitizen.bff.support.PdpaFixtures.consentId;
import static th.onecitizen.bff.support.PdpaFixtures.grant;
import static th.onecitizen.bff.support.PdpaFixtures.json;
import static th.onecitizen.bff.support.PdpaFixtures.problem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.bff.support.PdpaFixtures;
import th.onecitizen.bff.support.TestSubjectFacts;
import th.onecitizen.bff.support.TestTokens;
import th.onecitizen.consent.decision.ConsentGate;
import th.onecitizen.consent.decision.Decision;
import th.onecitizen.consent.decision.DecisionRequest;
import th.onecitizen.consent.ledger.ConsentLedger;
import th.onecitizen.platform.privacy.CitizenIds;

/** SECURITY.md cases that fall to the consent capability, over HTTP on the running application. */
@ApplicationTest
class ConsentSecurityTests {

    @Autowired
    WebTestClient web;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestSubjectFacts facts;
    @Autowired
    ConsentGate gate;
    @Autowired
    ConsentLedger ledger;

    PdpaFixtures api;

    @BeforeEach
    void fixtures() {
        api = new PdpaFixtures(web, tokens);
    }

    @Test
    void S_AC_01_citizenACannotReadOrWithdrawCitizenBsRecords() {
        String a = facts.adult();
        String b = facts.adult();
        String purpose = api.consentPurpose("agency-s-ac-01", List.of("address"));
        String bConsent = consentId(api.granted(b, purpose));
        String bRequest = (String) json(api.postPrivacyRequest(b, Map.of("type", "access")).expectStatus()
                .isCreated()).get("id");
        long bLedger = ledger.entries(b).count().block();
        String aToken = tokens.citizen(a, TestTokens.IAL_2_3);

        problem(api.get(aToken, "/v1/me/consents/{id}", bConsent), 404, "consent_not_found");
        problem(api.get(aToken, "/v1/me/consents/{id}/receipts", bConsent), 404, "consent_not_found");
        problem(api.postWithdraw(a, bConsent), 404, "consent_not_found");
        problem(api.get(aToken, "/v1/me/privacy-requests/{id}", bRequest), 404, "privacy_request_not_found");
        problem(api.get(aToken, "/v1/me/privacy-requests/{id}/export", bRequest), 404, "privacy_request_not_found");
        assertThat(json(api.get(aToken, "/v1/me/consents").expectStatus().isOk())).containsEntry("total", 0);
        assertThat(json(api.get(aToken, "/v1/me/access-log").expectStatus().isOk())).containsEntry("total", 0);
        assertThat(json(api.get(aToken, "/v1/me/privacy-requests").expectStatus().isOk())).containsEntry("total", 0);

        assertThat(ledger.entries(b).count().block()).isEqualTo(bLedger);
        assertThat(json(api.get(tokens.citizen(b, TestTokens.IAL_2_3), "/v1/me/consents/{id}", bConsent)
                .expectStatus().isOk())).containsEntry("state", "given");
    }

    @Test
    void S_AC_03_citizenOrAgencyOnAdminAndANonDpoAdminOnBreachesOrRopaAre403() {
        String citizen = tokens.citizen(facts.adult(), TestTokens.IAL_2_3);
        String agency = tokens.agency("agency-client", "agency-x");
        for (String token : List.of(citizen, agency)) {
            for (String uri : List.of("/admin/v1/breaches", "/admin/v1/ropa", "/admin/v1/privacy-requests",
                    "/admin/v1/purposes", "/admin/v1/consent-ledger/sub-x/verify")) {
                problem(api.get(token, uri), 403, "forbidden");
            }
            problem(api.post(token, "/admin/v1/purposes", PdpaFixtures.purpose(PdpaFixtures.purposeId(), "x",
                    List.of("address"))), 403, "forbidden");
        }
        problem(api.get(tokens.admin(), "/admin/v1/breaches"), 403, "forbidden");
        problem(api.get(tokens.admin(), "/admin/v1/ropa"), 403, "forbidden");
        problem(api.post(tokens.admin(), "/admin/v1/breaches", Map.of()), 403, "forbidden");
        api.get(tokens.admin(), "/admin/v1/privacy-requests").expectStatus().isOk();
        api.get(tokens.dpo(), "/admin/v1/breaches").expectStatus().isOk();
    }

    @Test
    void S_AC_03_aClientCredentialsTokenHasNoCitizenOnV1Me() {
        String agency = tokens.agency("agency-client", "agency-x");
        problem(api.get(agency, "/v1/me/consents"), 403, "forbidden");
        problem(api.get(agency, "/v1/me/access-log"), 403, "forbidden");
        problem(web.post().uri("/v1/me/consents").headers(h -> {
            h.setBearerAuth(tokens.dpo());
            h.set("Idempotency-Key", "k-1");
        }).contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(grant("any.purpose"))
                .exchange(), 403, "forbidden");
    }

    @Test
    void S_AC_06_withoutAPermitOrJustAfterWithdrawalTheGateRefuses() {
        String subject = facts.adult();
        String purpose = api.consentPurpose("agency-s-ac-06", List.of("address"));
        DecisionRequest request = new DecisionRequest(subject, "agency-s-ac-06", purpose, Set.of("address"));
        assertThat(gate.decide(request).block()).isInstanceOf(Decision.Refused.class);
        String consent = consentId(api.granted(subject, purpose));
        assertThat(gate.decide(request).block()).isInstanceOf(Decision.Allowed.class);

        api.postWithdraw(subject, consent).expectStatus().isOk();

        // the connector runtime is not merged yet: its only way to an agency is a Permit, which no decision gives
        assertThat(gate.decide(request).block()).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.refusal().code()).isEqualTo("consent_withdrawn"));
    }

    @Test
    void S_IN_05_massAssignmentOfStatusCitizenDeadlineOrLedgerHashIs400UnknownField() {
        String subject = facts.adult();
        String purpose = api.consentPurpose("agency-s-in-05", List.of("address"));
        for (String field : List.of("state", "subject_ref", "citizen_id", "hash", "prev_hash")) {
            Map<String, Object> body = grant(purpose);
            body.put(field, "x");
            problem(api.postGrant(subject, body), 400, "unknown_field");
        }
        for (String field : List.of("status", "legal_deadline", "subject_ref", "citizen_id")) {
            problem(api.postPrivacyRequest(subject, Map.of("type", "access", field, "x")), 400, "unknown_field");
        }
        problem(api.post(tokens.dpo(), "/admin/v1/breaches", Map.of("office_due", "2020-01-01T00:00:00Z")), 400,
                "unknown_field");
        assertThat(json(api.get(tokens.citizen(subject, TestTokens.IAL_2_3), "/v1/me/consents")
                .expectStatus().isOk())).containsEntry("total", 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void S_PV_05_receiptsCarryTheOpaqueSubjectAndNoCitizenId() {
        String subject = facts.adult();
        String purpose = api.consentPurpose("agency-s-pv-05", List.of("address"));
        Map<String, Object> change = api.granted(subject, purpose);
        String jws = (String) ((Map<String, Object>) change.get("receipt")).get("jws");
        String payload = new String(Base64.getUrlDecoder().decode(jws.split("\\.")[1]), StandardCharsets.UTF_8);

        assertThat(payload).contains("\"sub\":\"" + subject + "\"");
        Matcher digits = Pattern.compile("(?<![0-9a-fA-F])\\d{13}(?![0-9a-fA-F])").matcher(payload);
        while (digits.find()) {
            assertThat(CitizenIds.isValid(digits.group())).as("a citizen ID in the receipt").isFalse();
        }
        assertThat(payload).doesNotContain("citizen_id");
    }
}
