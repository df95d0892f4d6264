package th.onecitizen.bff.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static th.onecitizen.bff.support.PdpaFixtures.json;
import static th.onecitizen.bff.support.PdpaFixtures.problem;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.bff.support.PdpaFixtures;
import th.onecitizen.bff.support.TestSubjectFacts;
import th.onecitizen.bff.support.TestTokens;
import th.onecitizen.consent.accesslog.AccessLogDrainer;
import th.onecitizen.consent.decision.ConsentGate;
import th.onecitizen.consent.decision.Decision;
import th.onecitizen.consent.decision.DecisionRequest;
import th.onecitizen.consent.decision.Disclosure;
import th.onecitizen.consent.decision.DisclosureLog;

/** PDPA s30-s36 over HTTP: the citizen files, the DPO works the queue, and decisions follow at once. */
@ApplicationTest
class PrivacyRightsPdpaTests {

    @Autowired
    WebTestClient web;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestSubjectFacts facts;
    @Autowired
    ConsentGate gate;
    @Autowired
    DisclosureLog disclosures;
    @Autowired
    AccessLogDrainer drainer;
    @Autowired
    DatabaseClient db;

    PdpaFixtures api;

    @BeforeEach
    void fixtures() {
        web = PdpaFixtures.forExports(web);
        api = new PdpaFixtures(web, tokens);
    }

    private Decision decide(String subject, String agency, String purpose, String category) {
        return gate.decide(new DecisionRequest(subject, agency, purpose, Set.of(category))).block();
    }

    /** A share under a fresh permit, moved into the access log. */
    private void share(String subject, String agency, String purpose, String category) {
        Decision.Allowed allowed = (Decision.Allowed) decide(subject, agency, purpose, category);
        disclosures.record(allowed.permit(), new Disclosure("svc-1", "op-1", Set.of(category), Instant.now(),
                "trace-" + UUID.randomUUID(), "ok")).block();
        drainer.drain().block();
    }

    private Map<String, Object> file(String subject, Map<String, Object> body) {
        return json(api.postPrivacyRequest(subject, body).expectStatus().isCreated());
    }

    @Test
    @SuppressWarnings("unchecked")
    void R30_1_accessAnswersACopyWithin30DaysAndARefusalNeedsGroundsRecordedInTheRopa() {
        String subject = facts.adult();
        String purpose = api.consentPurpose("agency-r30-1", List.of("address"));
        api.granted(subject, purpose);
        Map<String, Object> request = file(subject, Map.of("type", "access"));
        Instant received = Instant.parse((String) request.get("received_at"));
        assertThat(Instant.parse((String) request.get("legal_deadline"))).isEqualTo(received.plus(Duration.ofDays(30)));

        Map<String, Object> export = json(api.get(tokens.citizen(subject, TestTokens.IAL_2_3),
                "/v1/me/privacy-requests/{id}/export", request.get("id")).expectStatus().isOk());
        assertThat(export).containsEntry("$schema", "urn:onecitizen:schema:privacy-export:1");
        Map<String, Object> records = (Map<String, Object>) ((Map<String, Object>) export.get("sections"))
                .get("consent_records");
        assertThat((List<?>) records.get("consent_ledger")).hasSize(1);
        assertThat((List<?>) records.get("receipts")).hasSize(1);

        Map<String, Object> rectify = file(subject, Map.of("type", "rectification", "details", "My address is wrong"));
        problem(api.post(tokens.dpo(), "/admin/v1/privacy-requests/{id}/refuse", Map.of("grounds", List.of()),
                rectify.get("id")), 400, "validation_failed");
        Map<String, Object> refused = json(api.post(tokens.dpo(), "/admin/v1/privacy-requests/{id}/refuse",
                Map.of("grounds", List.of(Map.of("ground", "s36_unverifiable", "text", "The evidence is missing"))),
                rectify.get("id")).expectStatus().isOk());
        assertThat(refused).containsEntry("status", "refused");
        assertThat((List<?>) refused.get("refusals")).hasSize(1);
        String ropa = web.get().uri("/admin/v1/ropa?format=csv").headers(h -> h.setBearerAuth(tokens.dpo()))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(ropa).contains("s36_unverifiable");
    }

    @Test
    void R30_2_anExtensionNeedsAPdpcRuleReference() {
        Map<String, Object> request = file(facts.adult(), Map.of("type", "rectification", "details", "Wrong name"));
        Instant later = Instant.parse((String) request.get("legal_deadline")).plus(Duration.ofDays(30))
                .truncatedTo(ChronoUnit.SECONDS);

        problem(api.post(tokens.dpo(), "/admin/v1/privacy-requests/{id}/extend", Map.of("deadline",
                later.toString()), request.get("id")), 400, "validation_failed");
        Map<String, Object> extended = json(api.post(tokens.dpo(), "/admin/v1/privacy-requests/{id}/extend",
                Map.of("deadline", later.toString(), "legal_ref", "PDPC Notification on DSAR (draft) cl. 5"),
                request.get("id")).expectStatus().isOk());
        assertThat(Instant.parse((String) extended.get("legal_deadline"))).isEqualTo(later);
    }

    @Test
    @SuppressWarnings("unchecked")
    void R31_1_portabilityGivesStructuredMachineReadableJson() {
        String subject = facts.adult();
        Map<String, Object> request = file(subject, Map.of("type", "portability"));
        assertThat(request).containsEntry("status", "fulfilled");

        Map<String, Object> export = json(api.get(tokens.citizen(subject, TestTokens.IAL_2_3),
                "/v1/me/privacy-requests/{id}/export", request.get("id")).expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON));
        assertThat(export).containsKeys("$schema", "request_id", "generated_at", "sections");
        assertThat((Map<String, Object>) export.get("sections")).containsKey("consent_records");
    }

    @Test
    void R32_1_anObjectionStopsProcessingWhenItCommitsAndARefusalLiftsIt() {
        String subject = facts.adult();
        String purpose = api.consentPurpose("agency-r32-1", List.of("phone"));
        api.granted(subject, purpose);
        assertThat(decide(subject, "agency-r32-1", purpose, "phone")).isInstanceOf(Decision.Allowed.class);

        Map<String, Object> objection = file(subject, Map.of("type", "objection", "purpose_id", purpose));

        assertThat(decide(subject, "agency-r32-1", purpose, "phone")).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.refusal().code()).isEqualTo("processing_objected"));
        api.post(tokens.dpo(), "/admin/v1/privacy-requests/{id}/refuse", Map.of("grounds", List.of(Map.of("ground",
                "s32_compelling_legitimate_grounds", "text", "Needed for the citizen's pension"))),
                objection.get("id")).expectStatus().isOk();
        assertThat(decide(subject, "agency-r32-1", purpose, "phone")).isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void R33_1_erasureWithdrawsConsentsErasesWhatHasNoRetentionDutyAndIsProvenByARequery() {
        String subject = facts.adult();
        String purpose = api.consentPurpose("agency-r33-1", List.of("address"));
        api.granted(subject, purpose);
        assertThat(decide(subject, "agency-r33-1", purpose, "address")).isInstanceOf(Decision.Allowed.class);

        Map<String, Object> erasure = file(subject, Map.of("type", "erasure"));

        assertThat(erasure).containsEntry("status", "fulfilled");
        assertThat((String) erasure.get("outcome")).contains("Consents withdrawn: 1", "kept");
        assertThat(decide(subject, "agency-r33-1", purpose, "address")).isInstanceOf(Decision.Refused.class);
        assertThat(json(api.get(tokens.citizen(subject, TestTokens.IAL_2_3), "/v1/me/consents?state=given")
                .expectStatus().isOk())).containsEntry("total", 0);
        assertThat(json(api.get(tokens.citizen(subject, TestTokens.IAL_2_3), "/v1/me/notifications")
                .expectStatus().isOk())).containsEntry("total", 0);
    }

    @Test
    void R34_1_whileRestrictedTheGateDeniesEverything() {
        String subject = facts.adult();
        String consentBased = api.consentPurpose("agency-r34-1", List.of("address"));
        api.granted(subject, consentBased);
        Map<String, Object> publicTask = PdpaFixtures.purpose(PdpaFixtures.purposeId(), "agency-r34-1",
                List.of("address"));
        publicTask.put("basis", "public_task");
        publicTask.put("legal_ref", "Civil Registration Act B.E. 2534 s.6");
        publicTask.put("approved_by", "dpo@onecitizen.example");
        api.register(publicTask);

        file(subject, Map.of("type", "restriction"));

        assertThat(decide(subject, "agency-r34-1", consentBased, "address")).isInstanceOfSatisfying(
                Decision.Refused.class, r -> assertThat(r.refusal().code()).isEqualTo("processing_restricted"));
        assertThat(decide(subject, "agency-r34-1", (String) publicTask.get("id"), "address"))
                .isInstanceOfSatisfying(Decision.Refused.class,
                        r -> assertThat(r.refusal().code()).isEqualTo("processing_restricted"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void R35_1_aFulfilledCorrectionIsQueuedForEveryAgencyThatReceivedTheData() {
        String subject = facts.adult();
        String a = api.consentPurpose("agency-r35-a", List.of("address"));
        String b = api.consentPurpose("agency-r35-b", List.of("address"));
        api.granted(subject, a);
        api.granted(subject, b);
        share(subject, "agency-r35-a", a, "address");
        share(subject, "agency-r35-b", b, "address");
        Map<String, Object> request = file(subject, Map.of("type", "rectification", "details",
                "My address is 1 Ratchadamnoen Road"));

        api.post(tokens.dpo(), "/admin/v1/privacy-requests/{id}/start", Map.of("note", "Checking the registry"),
                request.get("id")).expectStatus().isOk();
        api.post(tokens.dpo(), "/admin/v1/privacy-requests/{id}/fulfil", Map.of("outcome", "Address corrected"),
                request.get("id")).expectStatus().isOk();

        // neither agency is registered with a correction endpoint: each task is recorded as undeliverable, with why
        List<Map<String, Object>> tasks = List.of();
        for (int i = 0; i < 100 && !(tasks.size() == 2 && tasks.stream().allMatch(t -> "undeliverable".equals(
                t.get("status")))); i++) {
            tasks = (List<Map<String, Object>>) (List<?>) web.get()
                    .uri("/admin/v1/privacy-requests/{id}/corrections", request.get("id"))
                    .headers(h -> h.setBearerAuth(tokens.dpo())).exchange().expectStatus().isOk()
                    .expectBodyList(Map.class).returnResult().getResponseBody();
            sleep(200);
        }
        assertThat(tasks).extracting(t -> t.get("agency_id")).containsExactly("agency-r35-a", "agency-r35-b");
        assertThat(tasks).allSatisfy(t -> assertThat(t).containsEntry("status", "undeliverable")
                .containsEntry("last_error", "the agency declares no correction endpoint"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void dpoQueueListsByDueDateFlagsOverdueAndTheGaugeCountsThem() {
        Map<String, Object> request = file(facts.adult(), Map.of("type", "rectification", "details", "Wrong"));
        db.sql("UPDATE consent.privacy_request SET legal_deadline = now() - interval '1 day' WHERE id = :id")
                .bind("id", UUID.fromString((String) request.get("id"))).then().block();

        Map<String, Object> page = json(api.get(tokens.dpo(), "/admin/v1/privacy-requests?overdue=true&size=100")
                .expectStatus().isOk());
        assertThat((List<Map<String, Object>>) page.get("items")).anySatisfy(r -> assertThat(r)
                .containsEntry("id", request.get("id")).containsEntry("overdue", true));
        problem(api.get(tokens.dpo(), "/admin/v1/privacy-requests?status=lost"), 400, "invalid_parameter");
        problem(api.get(tokens.dpo(), "/admin/v1/privacy-requests?size=1000"), 400, "invalid_parameter");

        String metric = null;
        for (int i = 0; i < 60 && (metric == null || metric.contains(" NaN")
                || metric.matches("(?s).*onecitizen_privacy_requests_overdue(\\{[^}]*\\})? 0\\.0.*")); i++) {
            metric = web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody().lines()
                    .filter(l -> l.startsWith("onecitizen_privacy_requests_overdue")).findFirst().orElse(null);
            if (metric != null && !metric.endsWith(" 0.0") && !metric.endsWith(" NaN")) {
                break;
            }
            reactor.core.publisher.Mono.delay(Duration.ofMillis(500)).block();
        }
        assertThat(metric).isNotNull();
        assertThat(Double.parseDouble(metric.substring(metric.lastIndexOf(' ') + 1))).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void privacyRequestIsFiledOncePerIdempotencyKey() {
        String subject = facts.adult();
        String token = tokens.citizen(subject, TestTokens.IAL_2_3);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("type", "rectification", "details", "My name is misspelt");

        Map<String, Object> first = json(web.post().uri("/v1/me/privacy-requests").headers(h -> {
            h.setBearerAuth(token);
            h.set("Idempotency-Key", key);
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isCreated());
        Map<String, Object> retry = json(web.post().uri("/v1/me/privacy-requests").headers(h -> {
            h.setBearerAuth(token);
            h.set("Idempotency-Key", key);
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isCreated());

        assertThat(retry.get("id")).isEqualTo(first.get("id"));
        assertThat(json(api.get(token, "/v1/me/privacy-requests").expectStatus().isOk())).containsEntry("total", 1);
        problem(web.post().uri("/v1/me/privacy-requests").headers(h -> {
            h.setBearerAuth(token);
            h.set("Idempotency-Key", key);
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("type", "access")).exchange(), 422,
                "idempotency_key_reused");
    }
}
