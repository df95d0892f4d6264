package th.onecitizen.bff.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static th.onecitizen.bff.support.PdpaFixtures.consentId;
import static th.onecitizen.bff.support.PdpaFixtures.grant;
import static th.onecitizen.bff.support.PdpaFixtures.json;
import static th.onecitizen.bff.support.PdpaFixtures.problem;
import static th.onecitizen.bff.support.PdpaFixtures.purpose;
import static th.onecitizen.bff.support.PdpaFixtures.purposeId;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import th.onecitizen.consent.decision.Refusals;
import th.onecitizen.consent.grant.SubjectFacts;
import th.onecitizen.consent.receipt.ReceiptSigner;
import th.onecitizen.platform.error.ProblemException;

/**
 * PDPA s19-s28 over HTTP on the running application (real PostgreSQL and Redis): purposes registered by an operator,
 * consents given and withdrawn by citizens, and the gate's decisions. Connectors are not merged yet, so decisions are
 * asked of the application's own {@link ConsentGate} bean, the one a connector calls.
 */
@ApplicationTest
class ConsentPdpaTests {

    @Autowired
    WebTestClient web;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestSubjectFacts facts;
    @Autowired
    ConsentGate gate;
    @Autowired
    ReceiptSigner receipts;
    @Autowired
    org.springframework.r2dbc.core.DatabaseClient db;

    PdpaFixtures api;

    @BeforeEach
    void fixtures() {
        api = new PdpaFixtures(web, tokens);
    }

    private Decision decide(String subject, String agency, String purpose, String... categories) {
        return gate.decide(new DecisionRequest(subject, agency, purpose, Set.of(categories))).block();
    }

    private static String refusalCode(Decision d) {
        assertThat(d).isInstanceOf(Decision.Refused.class);
        return ((Decision.Refused) d).refusal().code();
    }

    @SuppressWarnings("unchecked")
    private JWTClaimsSet receiptClaims(Map<String, Object> change) {
        return receipts.verify((String) ((Map<String, Object>) change.get("receipt")).get("jws"));
    }

    @Test
    void R19_1_noConsentIsRefusedWithA403NamingThePurposeAndConsentAllows() {
        String purpose = api.consentPurpose("agency-r19-1", List.of("address"));
        String subject = facts.adult();

        Decision refused = decide(subject, "agency-r19-1", purpose, "address");
        assertThat(refusalCode(refused)).isEqualTo("consent_required");
        ProblemException problem = Refusals.problem(((Decision.Refused) refused).refusal());
        assertThat(problem.error().status()).isEqualTo(403);
        assertThat(problem.error().code()).isEqualTo("consent_required");
        assertThat(problem.properties()).containsEntry("ask", Map.of("purpose_id", purpose, "consents_uri",
                "/v1/me/consents"));

        api.granted(subject, purpose);
        Decision allowed = decide(subject, "agency-r19-1", purpose, "address");
        assertThat(allowed).isInstanceOfSatisfying(Decision.Allowed.class, a -> {
            assertThat(a.permit().basis().code()).isEqualTo("consent");
            assertThat(a.permit().purposeId()).isEqualTo(purpose);
            assertThat(a.permit().expiresAt()).isAfter(a.permit().issuedAt());
        });
    }

    @Test
    void R19_2_preTickedGrantIsRejectedAndTheRecordKeepsNoticeVersionHashAndLanguage() {
        String purpose = api.consentPurpose("agency-r19-2", List.of("address"));
        String subject = facts.adult();
        Map<String, Object> preTicked = grant(purpose);
        preTicked.put("explicit_act", false);
        problem(api.postGrant(subject, preTicked), 400, "consent_not_explicit");
        Map<String, Object> implied = grant(purpose);
        implied.remove("explicit_act");
        problem(api.postGrant(subject, implied), 400, "validation_failed");
        assertThat(decide(subject, "agency-r19-2", purpose, "address")).isInstanceOf(Decision.Refused.class);

        Map<String, Object> thai = grant(purpose);
        thai.put("language", "th");
        Map<String, Object> change = json(api.postGrant(subject, thai).expectStatus().isCreated());

        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) json(api.get(tokens.citizen(subject, TestTokens.IAL_2_3),
                "/v1/purposes/{id}/notice", purpose).expectStatus().isOk()).get("th");
        JWTClaimsSet claims = receiptClaims(change);
        assertThat(claims.getClaim("language")).isEqualTo("th");
        assertThat(claims.getClaim("notice")).isEqualTo(Map.of("purpose_id", purpose, "version", 1L, "text_hash",
                shown.get("text_hash")));
    }

    @Test
    void R19_3_oneChoicePerPurposeAndNoBundling() {
        String purpose = api.consentPurpose("agency-r19-3", List.of("address"));
        String other = api.consentPurpose("agency-r19-3", List.of("phone"));
        String subject = facts.adult();
        String token = tokens.citizen(subject, TestTokens.IAL_2_3);

        Map<String, Object> notice = json(api.get(token, "/v1/purposes/{id}/notice", purpose).expectStatus().isOk());
        assertThat(notice.get("choice")).isEqualTo(Map.of("purpose_id", purpose, "notice_version", 1,
                "default", false));
        Map<String, Object> noPurpose = grant(purpose);
        noPurpose.remove("purpose_id");
        problem(api.postGrant(subject, noPurpose), 400, "validation_failed");
        Map<String, Object> bundled = grant(purpose);
        bundled.put("purpose_ids", List.of(purpose, other));
        problem(api.postGrant(subject, bundled), 400, "unknown_field");
        Map<String, Object> withTerms = grant(purpose);
        withTerms.put("terms_accepted", true);
        problem(api.postGrant(subject, withTerms), 400, "unknown_field");
        assertThat(json(api.get(token, "/v1/me/consents").expectStatus().isOk())).containsEntry("total", 0);
    }

    @Test
    void R19_4_refusingAnUnneededPurposeNeverBlocksTheService() {
        String needed = api.consentPurpose("agency-r19-4", List.of("address"));
        String marketing = api.consentPurpose("agency-r19-4", List.of("phone"));
        String subject = facts.adult();

        api.granted(subject, needed);

        assertThat(decide(subject, "agency-r19-4", needed, "address")).isInstanceOf(Decision.Allowed.class);
        assertThat(refusalCode(decide(subject, "agency-r19-4", marketing, "phone"))).isEqualTo("consent_required");
    }

    @Test
    void R19_5_withdrawalTakesOneStepOnTheGrantsChannelAndTheNextDecisionRefuses() {
        String purpose = api.consentPurpose("agency-r19-5", List.of("address"));
        String subject = facts.adult();
        Map<String, Object> given = api.granted(subject, purpose);
        assertThat(decide(subject, "agency-r19-5", purpose, "address")).isInstanceOf(Decision.Allowed.class);
        assertThat(decide(subject, "agency-r19-5", purpose, "address")).isInstanceOf(Decision.Allowed.class);

        Map<String, Object> withdrawn = json(api.postWithdraw(subject, consentId(given)).expectStatus().isOk());

        assertThat(refusalCode(decide(subject, "agency-r19-5", purpose, "address"))).isEqualTo("consent_withdrawn");
        Map<?, ?> grantEvent = (Map<?, ?>) receiptClaims(given).getClaim("event");
        Map<?, ?> withdrawEvent = (Map<?, ?>) receiptClaims(withdrawn).getClaim("event");
        assertThat(withdrawEvent.get("channel")).isEqualTo(grantEvent.get("channel"));
        assertThat((Long) withdrawEvent.get("steps")).isLessThanOrEqualTo((Long) grantEvent.get("steps"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void R19_6_withdrawalIsNotRetroactiveAndItsConsequencesAreShownFirst() {
        String purpose = api.consentPurpose("agency-r19-6", List.of("address"));
        String subject = facts.adult();
        String token = tokens.citizen(subject, TestTokens.IAL_2_3);
        String consent = consentId(api.granted(subject, purpose));

        Map<String, Object> before = json(api.get(token, "/v1/me/consents/{id}", consent).expectStatus().isOk());
        assertThat(before).containsEntry("withdrawal_effect_en", "You will not receive this service.")
                .containsEntry("withdrawal_effect_th", "ท่านจะไม่ได้รับบริการนี้");
        api.postWithdraw(subject, consent).expectStatus().isOk();

        List<Map<String, Object>> history = (List<Map<String, Object>>) (List<?>) web.get()
                .uri("/v1/me/consents/{id}/receipts", consent).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody();
        assertThat(history).extracting(r -> r.get("state")).containsExactly("given", "withdrawn");
        Map<String, Object> after = json(api.get(token, "/v1/me/consents/{id}", consent).expectStatus().isOk());
        assertThat(after).containsEntry("state", "withdrawn");
        assertThat(after.get("granted_at")).isEqualTo(before.get("granted_at"));
        problem(api.postWithdraw(subject, consent), 409, "consent_already_withdrawn");
    }

    @Test
    void R20_1_underTenOnlyTheParentConsentsAndAgeComesFromTheVerifiedBirthDate() {
        String purpose = api.consentPurpose("agency-r20-1", List.of("address"));
        String child = facts.bornOn(LocalDate.now().minusYears(8));

        problem(api.postGrant(child, grant(purpose)), 403, "minor_requires_guardian");
        problem(api.postGrant(facts.unverified(), grant(purpose)), 403, "age_unverified");
        Map<String, Object> byParent = grant(purpose);
        byParent.put("actor", Map.of("role", "parent", "authority_ref", "birth-certificate-ref-1"));
        Map<String, Object> change = json(api.postGrant(child, byParent).expectStatus().isCreated());

        assertThat(receiptClaims(change).getClaim("actor")).isEqualTo(Map.of("role", "parent"));
        assertThat(decide(child, "agency-r20-1", purpose, "address")).isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void R20_2_aMinorFromTenNeedsTheParentAsWellUnlessThePurposeAllowsActingAlone() {
        String purpose = api.consentPurpose("agency-r20-2", List.of("address"));
        String alone = purposeId();
        Map<String, Object> body = purpose(alone, "agency-r20-2", List.of("address"));
        body.put("minor_may_consent_alone", true);
        api.register(body);
        String teen = facts.bornOn(LocalDate.now().minusYears(15));

        problem(api.postGrant(teen, grant(purpose)), 403, "minor_requires_guardian");
        Map<String, Object> withParent = grant(purpose);
        withParent.put("guardian", Map.of("role", "parent", "authority_ref", "house-registration-ref"));
        api.postGrant(teen, withParent).expectStatus().isCreated();
        api.postGrant(teen, grant(alone)).expectStatus().isCreated();
        String married = facts.with(new SubjectFacts.Facts(LocalDate.now().minusYears(18), SubjectFacts.Capacity.FULL,
                true));
        api.postGrant(married, grant(purpose)).expectStatus().isCreated();
    }

    private Map<String, Object> representation(String ward, String representative, String role, String proof) {
        Map<String, Object> b = new java.util.LinkedHashMap<>();
        b.put("ward_ref", ward);
        b.put("representative_ref", representative);
        b.put("role", role);
        b.put("authority_ref", proof);
        b.put("authority_date", LocalDate.now().minusDays(30).toString());
        return b;
    }

    private WebTestClient.ResponseSpec postAs(String subject, String uri, Object body, Object... vars) {
        WebTestClient.RequestBodySpec spec = web.post().uri(uri, vars).headers(h -> {
            h.setBearerAuth(tokens.citizen(subject, TestTokens.IAL_2_3));
            h.set("Idempotency-Key", java.util.UUID.randomUUID().toString());
        });
        return body == null ? spec.exchange() : spec.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private List<Map<String, Object>> ledgerOf(String subject) {
        return db.sql("SELECT event, actor_role, authority_ref FROM consent.ledger WHERE subject_ref = :s ORDER BY seq")
                .bind("s", subject).fetch().all().collectList().block();
    }

    @Test
    @SuppressWarnings("unchecked")
    void R20_3_aRegisteredCustodianConsentsAndWithdrawsForTheWardWithRoleAndProofInLedgerAndReceipt() {
        String purpose = api.consentPurpose("agency-r20-3", List.of("address"));
        String earlier = api.consentPurpose("agency-r20-3", List.of("address"));
        String ward = facts.adult();
        String custodian = facts.adult();
        String ownConsent = consentId(api.granted(ward, earlier));

        Map<String, Object> registered = json(api.post(tokens.admin(), "/admin/v1/representations",
                representation(ward, custodian, "custodian", "Civil Court order 1234/2568")).expectStatus()
                .isCreated());
        assertThat(registered).containsEntry("in_force", true).containsEntry("role", "custodian")
                .containsEntry("authority_ref", "Civil Court order 1234/2568").containsKey("registered_by");

        // the ward alone no longer consents or withdraws, and their own earlier consent no longer allows (s20)
        problem(api.postGrant(ward, grant(purpose)), 403, "representative_required");
        problem(api.postWithdraw(ward, ownConsent), 403, "representative_required");
        Map<String, Object> claimed = grant(purpose);
        claimed.put("actor", Map.of("role", "custodian", "authority_ref", "court-order-123/2568"));
        problem(api.postGrant(ward, claimed), 403, "representative_required");
        assertThat(refusalCode(decide(ward, "agency-r20-3", earlier, "address"))).isEqualTo("minor_requires_guardian");

        // the custodian, signed in as themself, consents for the ward
        assertThat((List<Map<String, Object>>) json(api.get(tokens.citizen(custodian, TestTokens.IAL_2_3),
                "/v1/me/wards").expectStatus().isOk()).get("items")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("ward_ref", ward).containsEntry("role", "custodian"));
        Map<String, Object> change = json(postAs(custodian, "/v1/me/wards/{w}/consents", grant(purpose), ward)
                .expectStatus().isCreated());
        Map<String, Object> actor = (Map<String, Object>) receiptClaims(change).getClaim("actor");
        assertThat(actor).containsEntry("role", "custodian").containsEntry("representative", custodian)
                .containsEntry("representation_id", registered.get("id"))
                .containsEntry("authority_ref", "Civil Court order 1234/2568")
                .containsEntry("authority_date", registered.get("authority_date"));
        assertThat(receiptClaims(change).getSubject()).isEqualTo(ward);
        assertThat(decide(ward, "agency-r20-3", purpose, "address")).isInstanceOf(Decision.Allowed.class);
        assertThat((List<Map<String, Object>>) json(api.get(tokens.citizen(custodian, TestTokens.IAL_2_3),
                "/v1/me/wards/{w}/consents", ward).expectStatus().isOk()).get("items")).extracting(c -> c.get(
                        "purpose_id")).contains(purpose, earlier);

        // someone else cannot act for the ward
        problem(postAs(facts.adult(), "/v1/me/wards/{w}/consents", grant(purpose), ward), 404,
                "representation_not_found");

        // withdrawal follows the same rules: by the custodian, recorded with role and proof
        String consent = consentId(change);
        Map<String, Object> withdrawn = json(postAs(custodian, "/v1/me/wards/{w}/consents/{c}/withdraw", null, ward,
                consent).expectStatus().isOk());
        assertThat((Map<String, Object>) receiptClaims(withdrawn).getClaim("actor")).containsEntry("role",
                "custodian").containsEntry("representative", custodian);
        assertThat(refusalCode(decide(ward, "agency-r20-3", purpose, "address"))).isEqualTo("consent_withdrawn");

        List<Map<String, Object>> ledger = ledgerOf(ward);
        assertThat(ledger).hasSize(3);
        assertThat(ledger.get(0)).containsEntry("actor_role", "self");
        for (Map<String, Object> e : ledger.subList(1, 3)) {
            assertThat(e).containsEntry("actor_role", "custodian");
            assertThat((String) e.get("authority_ref")).contains("representation=" + registered.get("id"),
                    "representative=" + custodian, "proof=Civil Court order 1234/2568");
        }
        assertThat(json(api.get(tokens.dpo(), "/admin/v1/consent-ledger/{s}/verify", ward).expectStatus().isOk()))
                .containsEntry("valid", true).containsEntry("entries", 3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void R20_3_aRepresentationNeedsProofIsAuditedAndEndsWithItsRevocationAndACuratorConsentsToo() {
        String purpose = api.consentPurpose("agency-r20-3b", List.of("address"));
        String ward = facts.adult();
        String curator = facts.adult();

        problem(api.post(tokens.admin(), "/admin/v1/representations", representation(ward, curator, "curator",
                " ")), 400, "validation_failed");
        problem(api.post(tokens.admin(), "/admin/v1/representations", representation(ward, curator, "parent",
                "Order 1/2568")), 400, "validation_failed");
        problem(api.post(tokens.admin(), "/admin/v1/representations", representation(ward, ward, "curator",
                "Order 1/2568")), 400, "validation_failed");
        Map<String, Object> future = representation(ward, curator, "curator", "Order 1/2568");
        future.put("authority_date", LocalDate.now().plusDays(3).toString());
        problem(api.post(tokens.admin(), "/admin/v1/representations", future), 400, "validation_failed");
        api.post(tokens.citizen(curator, TestTokens.IAL_2_3), "/admin/v1/representations",
                representation(ward, curator, "curator", "Order 1/2568")).expectStatus().isForbidden();

        Map<String, Object> registered = json(api.post(tokens.dpo(), "/admin/v1/representations",
                representation(ward, curator, "curator", "Family Court order 77/2568")).expectStatus().isCreated());
        problem(api.post(tokens.admin(), "/admin/v1/representations", representation(ward, facts.adult(),
                "custodian", "Order 2/2568")), 409, "conflict");

        Map<String, Object> change = json(postAs(curator, "/v1/me/wards/{w}/consents", grant(purpose), ward)
                .expectStatus().isCreated());
        assertThat((Map<String, Object>) receiptClaims(change).getClaim("actor")).containsEntry("role", "curator")
                .containsEntry("representative", curator);
        assertThat(decide(ward, "agency-r20-3b", purpose, "address")).isInstanceOf(Decision.Allowed.class);

        problem(api.post(tokens.admin(), "/admin/v1/representations/{id}/revoke", Map.of("reason", ""),
                registered.get("id")), 400, "validation_failed");
        Map<String, Object> revoked = json(api.post(tokens.admin(), "/admin/v1/representations/{id}/revoke",
                Map.of("reason", "The court lifted the order"), registered.get("id")).expectStatus().isOk());
        assertThat(revoked).containsEntry("in_force", false).containsEntry("revoke_reason",
                "The court lifted the order");
        List<Map<String, Object>> events = (List<Map<String, Object>>) (List<?>) web.get()
                .uri("/admin/v1/representations/{id}/events", registered.get("id"))
                .headers(h -> h.setBearerAuth(tokens.dpo())).exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody();
        assertThat(events).extracting(e -> e.get("event")).containsExactly("registered", "revoked");
        assertThat(events).allSatisfy(e -> assertThat(e).containsKeys("actor", "at"));
        assertThat((List<Map<String, Object>>) json(api.get(tokens.admin(), "/admin/v1/representations?ward={w}",
                ward).expectStatus().isOk()).get("items")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("in_force", false));

        // the former curator no longer acts; the ward, of full capacity again, does
        problem(postAs(curator, "/v1/me/wards/{w}/consents/{c}/withdraw", null, ward, consentId(change)), 404,
                "representation_not_found");
        assertThat((List<?>) json(api.get(tokens.citizen(curator, TestTokens.IAL_2_3), "/v1/me/wards")
                .expectStatus().isOk()).get("items")).isEmpty();
        api.postWithdraw(ward, consentId(change)).expectStatus().isOk();
    }

    @Test
    void R21_1_everyDecisionBindsToItsPurposeAndAnyOtherUseIsDenied() {
        String purpose = api.consentPurpose("agency-r21-1", List.of("address"));
        String subject = facts.adult();
        api.granted(subject, purpose);

        assertThat(refusalCode(decide(subject, "agency-other", purpose, "address"))).isEqualTo("purpose_mismatch");
        assertThat(refusalCode(decide(subject, "agency-r21-1", purposeId(), "address")))
                .isEqualTo("purpose_unknown");
        assertThat(refusalCode(decide(subject, "agency-r21-1", api.consentPurpose("agency-r21-1",
                List.of("address")), "address"))).isEqualTo("consent_required");
    }

    @Test
    void R22_1_onlyThePurposesMinimalCategoriesMayFlow() {
        String purpose = api.consentPurpose("agency-r22-1", List.of("address", "phone"));
        String subject = facts.adult();
        api.granted(subject, purpose);

        Decision d = decide(subject, "agency-r22-1", purpose, "address", "income", "religion");
        assertThat(d).isInstanceOfSatisfying(Decision.Allowed.class,
                a -> assertThat(a.permit().dataCategories()).containsExactly("address"));
        assertThat(refusalCode(decide(subject, "agency-r22-1", purpose, "income"))).isEqualTo("purpose_mismatch");
    }

    @Test
    @SuppressWarnings("unchecked")
    void R23_1_aPurposeNeedsACompleteNoticeAndVersionsAreImmutable() {
        Map<String, Object> incomplete = purpose(purposeId(), "agency-r23-1", List.of("address"));
        incomplete.remove("title_th");
        incomplete.put("recipients", List.of());
        incomplete.put("required_by", "maybe");
        Map<String, Object> p = problem(api.post(tokens.admin(), "/admin/v1/purposes", incomplete), 422,
                "invalid_purpose");
        assertThat((List<String>) p.get("violations")).hasSize(3);

        String id = api.consentPurpose("agency-r23-1", List.of("address"));
        String token = tokens.citizen(facts.adult(), TestTokens.IAL_2_3);
        Map<String, Object> en = (Map<String, Object>) json(api.get(token, "/v1/purposes/{id}/notice", id)
                .expectStatus().isOk()).get("en");
        assertThat((String) en.get("text")).contains("Lawful basis: consent", "Required by: none",
                "Retention (days): 365", "Recipients: agency-r23-1", "Data protection officer:", "withdraw consent");
        Map<String, Object> v1 = json(api.get(tokens.admin(), "/admin/v1/purposes/{id}/notices/1", id)
                .expectStatus().isOk());

        Map<String, Object> revision = purpose(id, "agency-r23-1", List.of("address"));
        revision.put("body_en", "We send your address to the agency to deliver your documents.");
        Map<String, Object> published = json(api.post(tokens.admin(), "/admin/v1/purposes/{id}/notices", revision, id)
                .expectStatus().isCreated());

        assertThat(((Map<String, Object>) published.get("notice")).get("version")).isEqualTo(2);
        assertThat(json(api.get(tokens.admin(), "/admin/v1/purposes/{id}/notices/1", id).expectStatus().isOk()))
                .isEqualTo(v1);
    }

    @Test
    void R23_1_aMaterialRevisionRefusesAtOnceEvenWhenTheDecisionWasCached() {
        String id = api.consentPurpose("agency-r23-1m", List.of("address"));
        String subject = facts.adult();
        api.granted(subject, id);
        assertThat(decide(subject, "agency-r23-1m", id, "address")).isInstanceOf(Decision.Allowed.class);
        assertThat(decide(subject, "agency-r23-1m", id, "address")).isInstanceOf(Decision.Allowed.class);

        Map<String, Object> revision = purpose(id, "agency-r23-1m", List.of("address"));
        revision.put("material", true);
        api.post(tokens.admin(), "/admin/v1/purposes/{id}/notices", revision, id).expectStatus().isCreated();

        assertThat(refusalCode(decide(subject, "agency-r23-1m", id, "address"))).isEqualTo("consent_renewal_required");
        Map<String, Object> renewed = grant(id);
        renewed.put("notice_version", 2);
        api.postGrant(subject, renewed).expectStatus().isCreated();
        assertThat(decide(subject, "agency-r23-1m", id, "address")).isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void R24_1_aNonConsentBasisNeedsALegalReferenceAndAnApproverAndNoSwitchFromConsent() {
        Map<String, Object> body = purpose(purposeId(), "agency-r24-1", List.of("address"));
        body.put("basis", "public_task");
        problem(api.post(tokens.admin(), "/admin/v1/purposes", body), 422, "invalid_purpose");
        body.put("legal_ref", "Civil Registration Act B.E. 2534 s.6");
        body.put("approved_by", "dpo@onecitizen.example");
        api.register(body);
        assertThat(decide(facts.adult(), "agency-r24-1", (String) body.get("id"), "address"))
                .isInstanceOfSatisfying(Decision.Allowed.class,
                        a -> assertThat(a.permit().basis().code()).isEqualTo("public_task"));

        String consentBased = api.consentPurpose("agency-r24-1", List.of("address"));
        Map<String, Object> switched = purpose(consentBased, "agency-r24-1", List.of("address"));
        switched.put("basis", "public_task");
        switched.put("legal_ref", "Civil Registration Act B.E. 2534 s.6");
        switched.put("approved_by", "dpo@onecitizen.example");
        problem(api.post(tokens.admin(), "/admin/v1/purposes/{id}/notices", switched, consentBased), 422,
                "invalid_purpose");
        problem(api.postGrant(facts.adult(), grant((String) body.get("id"))), 409, "purpose_not_consent_based");
    }

    @Test
    void R26_1_sensitiveCategoriesNeedExplicitConsentOrARecordedS26Exception() {
        Map<String, Object> body = purpose(purposeId(), "agency-r26-1", List.of("health.vaccination"));
        body.put("basis", "public_task");
        body.put("legal_ref", "Communicable Disease Act B.E. 2558");
        body.put("approved_by", "dpo@onecitizen.example");
        problem(api.post(tokens.admin(), "/admin/v1/purposes", body), 422, "invalid_purpose");
        body.put("sensitive_exception", "s26_5_law");
        api.register(body);
        assertThat(decide(facts.adult(), "agency-r26-1", (String) body.get("id"), "health.vaccination"))
                .isInstanceOf(Decision.Allowed.class);

        String byConsent = api.consentPurpose("agency-r26-1", List.of("health.vaccination"));
        String subject = facts.adult();
        assertThat(refusalCode(decide(subject, "agency-r26-1", byConsent, "health.vaccination")))
                .isEqualTo("consent_required");
        assertThat(receiptClaims(api.granted(subject, byConsent)).getClaim("purposes").toString())
                .contains("consent_type=explicit", "sensitive=true");
        assertThat(decide(subject, "agency-r26-1", byConsent, "health.vaccination"))
                .isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void R28_1_aTransferAbroadWithoutALawfulRouteIsDenied() {
        Map<String, Object> inadequate = purpose(purposeId(), "agency-r28-1", List.of("address"));
        inadequate.put("cross_border", "inadequate");
        inadequate.put("cross_border_country", "XX");
        api.register(inadequate);
        String subject = facts.adult();
        api.granted(subject, (String) inadequate.get("id"));
        assertThat(refusalCode(decide(subject, "agency-r28-1", (String) inadequate.get("id"), "address")))
                .isEqualTo("cross_border_not_allowed");

        Map<String, Object> informed = purpose(purposeId(), "agency-r28-1", List.of("address"));
        informed.put("cross_border", "informed_consent");
        problem(api.post(tokens.admin(), "/admin/v1/purposes", informed), 422, "invalid_purpose");
        informed.put("cross_border_country", "SG");
        api.register(informed);
        api.granted(subject, (String) informed.get("id"));
        assertThat(decide(subject, "agency-r28-1", (String) informed.get("id"), "address"))
                .isInstanceOf(Decision.Allowed.class);
    }
}
