package th.onecitizen.bff.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static th.onecitizen.bff.support.PdpaFixtures.json;
import static th.onecitizen.bff.support.PdpaFixtures.problem;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.onecitizen.bff.demo.AgencyMocksLauncher;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.bff.support.PdpaFixtures;
import th.onecitizen.bff.support.TestAgencyServices;
import th.onecitizen.bff.support.TestSubjectFacts;
import th.onecitizen.bff.support.TestTokens;
import th.onecitizen.consent.purpose.PurposeCatalog;
import th.onecitizen.mocks.agency.FaultMode;
import th.onecitizen.mocks.agency.PrivacyAnswers;
import th.onecitizen.mocks.agency.SampleAgency;
import tools.jackson.databind.json.JsonMapper;

/**
 * PDPA rights that reach the agencies (issue 6), over HTTP on the running application with the five sample
 * agencies: the citizen's data flows through the demo services, then the access export fans out to the agencies
 * (R30.1), a portability export goes directly to another controller (R31.1), corrections are delivered (R35.1) and
 * data received without consent is noticed (R25.1).
 */
@ApplicationTest
@SuppressWarnings("unchecked")
class AgencyPrivacyPdpaTests {

    @Autowired
    WebTestClient web;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestSubjectFacts facts;
    @Autowired
    AgencyMocksLauncher launcher;
    @Autowired
    PurposeCatalog purposes;

    private static final int HEALTHY_TIMEOUT = 5000;

    PdpaFixtures api;
    TestAgencyServices services;

    @BeforeEach
    void fixtures() {
        web = PdpaFixtures.forExports(web).mutate().responseTimeout(Duration.ofSeconds(30)).build();
        api = new PdpaFixtures(web, tokens);
        services = new TestAgencyServices(web, tokens);
    }

    @AfterEach
    void heal() {
        launcher.agencies().heal();
        launcher.agencies().all().forEach(a -> a.slowMillis(1500));
    }

    private WebTestClient.ResponseSpec put(String token, String uri, Object body, Object... vars) {
        return web.put().uri(uri, vars).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private SampleAgency agency(String id) {
        return launcher.agencies().get(id);
    }

    private String citizen(String subject) {
        return tokens.citizen(subject, TestTokens.IAL_2_3);
    }

    /**
     * A service of this test on a sample agency, on public task, whose connector declares the privacy endpoints
     * (the portability-receive one only when {@code receives}). The demo's own services are not used: another
     * application context in the same test run re-seeds them onto its own sample agencies.
     */
    private String service(String agencyId, String category, String purpose, List<String> data, boolean receives,
            int timeoutMillis) {
        Map<String, Object> body = TestAgencyServices.body(TestAgencyServices.slug("rights"), agency(agencyId),
                category, purpose, "public_task", data);
        // generous: the test machine is shared and busy; only the slow agency's timeout matters to a test
        Map<String, Object> connector = TestAgencyServices.connector(agency(agencyId).baseUrl(), agencyId + "-key",
                timeoutMillis, 20);
        body.put("connector", connector);
        Map<String, Object> privacy = new java.util.LinkedHashMap<>();
        privacy.put("access_path", PrivacyAnswers.ACCESS_PATH);
        privacy.put("correction_path", PrivacyAnswers.CORRECTION_PATH);
        privacy.put("portability_receive_path", receives ? PrivacyAnswers.PORTABILITY_PATH : null);
        connector.put("privacy", privacy);
        return services.active(agencyId, body);
    }

    private String dopa() {
        return service("dopa", "civil_registration", "civil_registration", List.of("identity", "household",
                "address"), false, HEALTHY_TIMEOUT);
    }

    private String sso(boolean receives) {
        return service("sso", "social_security", "social_security", List.of("identity", "social_security",
                "employment"), receives, HEALTHY_TIMEOUT);
    }

    private String dlt() {
        return service("dlt", "transport", "vehicle_registration", List.of("identity", "vehicle"), false,
                HEALTHY_TIMEOUT);
    }

    /** Calls a service's summary as the citizen: the agency receives and returns data. */
    private void use(String subject, String serviceId) {
        web.post().uri("/v1/services/{s}/operations/summary", serviceId).headers(h -> h.setBearerAuth(citizen(subject)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isOk();
    }

    private Map<String, Object> file(String subject, Map<String, Object> body) {
        return json(api.postPrivacyRequest(subject, body).expectStatus().isCreated());
    }

    private List<Map<String, Object>> accessLog(String subject) {
        return (List<Map<String, Object>>) json(api.get(citizen(subject), "/v1/me/access-log?size=100")
                .expectStatus().isOk()).get("items");
    }

    private List<Map<String, Object>> notifications(String subject) {
        return (List<Map<String, Object>>) json(api.get(citizen(subject), "/v1/me/notifications?size=100")
                .expectStatus().isOk()).get("items");
    }

    /** Polls {@code read} until {@code done} holds (background jobs: the outbox drain, notices, deliveries). */
    private static <T> T eventually(Supplier<T> read, Predicate<T> done) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T last = read.get();
        while (!done.test(last) && System.nanoTime() < until) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = read.get();
        }
        assertThat(done.test(last)).as("condition met in time; last seen: %s", last).isTrue();
        return last;
    }

    private static String pairwiseSubject(LoggedRequest request) throws Exception {
        return SignedJWT.parse(request.getHeader("X-OneCitizen-Assertion")).getJWTClaimsSet().getSubject();
    }

    private static Map<String, Object> byAgency(List<Map<String, Object>> entries, String agencyId) {
        return entries.stream().filter(e -> agencyId.equals(e.get("agency_id"))).findFirst().orElseThrow(
                () -> new AssertionError("no entry for " + agencyId + " in " + entries));
    }

    @Test
    void R30_1_theAccessExportCarriesEveryHoldingAgencysAnswerAndTheSourceOfDataObtainedWithoutConsent()
            throws Exception {
        String subject = facts.adult();
        String dopa = dopa();
        use(subject, dopa);
        use(subject, service("sso", "social_security", "social_security", List.of("identity", "social_security"),
                false, 1500));
        use(subject, dlt());
        eventually(() -> accessLog(subject), l -> l.size() >= 3);
        agency("sso").slowMillis(7000);
        agency("sso").privacyFault(FaultMode.SLOW);
        agency("dlt").privacyFault(FaultMode.SERVER_ERROR);

        Map<String, Object> request = file(subject, Map.of("type", "access"));
        Map<String, Object> export = json(api.get(citizen(subject), "/v1/me/privacy-requests/{id}/export",
                request.get("id")).expectStatus().isOk());

        Map<String, Object> sections = (Map<String, Object>) export.get("sections");
        List<Map<String, Object>> agencies = (List<Map<String, Object>>) sections.get("agencies");
        assertThat(agencies).extracting(a -> a.get("agency_id")).containsExactly("dlt", "dopa", "sso");
        Map<String, Object> fromDopaAgency = byAgency(agencies, "dopa");
        assertThat(fromDopaAgency).containsEntry("status", "answered").containsEntry("service_id", dopa);
        assertThat((List<String>) fromDopaAgency.get("categories_shared_by_onecitizen")).contains("household",
                "address");
        Map<String, Object> answer = (Map<String, Object>) fromDopaAgency.get("answer");
        assertThat((List<Map<String, Object>>) answer.get("sources")).anySatisfy(s -> assertThat(s)
                .containsEntry("obtained_without_consent", true).containsEntry("legal_ref",
                        "Civil Registration Act B.E. 2534"));
        assertThat(byAgency(agencies, "sso")).containsEntry("status", "timeout");
        assertThat(byAgency(agencies, "dlt")).containsEntry("status", "unavailable")
                .containsEntry("error", "agency_unavailable");

        // the source of data OneCitizen itself obtained without consent (the services run on public_task)
        List<Map<String, Object>> sources = eventually(() -> (List<Map<String, Object>>) ((Map<String, Object>)
                json(api.get(citizen(subject), "/v1/me/privacy-requests/{id}/export", request.get("id"))
                        .expectStatus().isOk()).get("sections")).get("data_obtained_without_consent"),
                l -> l.size() >= 3);
        Map<String, Object> fromDopa = sources.stream().filter(x -> "dopa".equals(x.get("source_agency_id")))
                .findFirst().orElseThrow();
        assertThat(fromDopa).containsEntry("lawful_basis", "public_task")
                .containsEntry("purpose_id", "dopa.civil_registration");
        assertThat((List<String>) fromDopa.get("data_categories")).contains("household", "address");

        // the agency saw its own pairwise subject and a rights purpose, never the citizen's reference
        List<LoggedRequest> asked = agency("dopa").privacyRequestLog(PrivacyAnswers.ACCESS_PATH);
        LoggedRequest last = asked.get(asked.size() - 1);
        SignedJWT assertion = SignedJWT.parse(last.getHeader("X-OneCitizen-Assertion"));
        assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly("dopa");
        assertThat(assertion.getJWTClaimsSet().getStringClaim("purpose")).isEqualTo("onecitizen.data_subject_rights");
        assertThat(assertion.getJWTClaimsSet().getStringClaim("lawful_basis")).isEqualTo("legal_obligation");
        List<LoggedRequest> summaries = agency("dopa").summaryRequestLog();
        assertThat(assertion.getJWTClaimsSet().getSubject()).isNotEqualTo(subject)
                .isEqualTo(pairwiseSubject(summaries.get(summaries.size() - 1)));
        assertThat(last.getBodyAsString()).contains(request.get("id").toString()).doesNotContain(subject);

        // every fan-out share is in the citizen's access log, failures included
        List<Map<String, Object>> log = eventually(() -> accessLog(subject), l -> l.stream()
                .filter(e -> "privacy-access".equals(e.get("operation_id"))).count() >= 3);
        assertThat(log).filteredOn(e -> "privacy-access".equals(e.get("operation_id")))
                .anySatisfy(e -> assertThat(e).containsEntry("agency_id", "dopa").containsEntry("outcome", "ok")
                        .containsEntry("purpose_id", "onecitizen.data_subject_rights"))
                .anySatisfy(e -> assertThat(e).containsEntry("agency_id", "dlt").containsEntry("outcome",
                        "unavailable"));

        // the export declares its schema, which is published and names the agencies' section
        Map<String, Object> schema = json(web.get().uri("/v1/privacy-export/schema").exchange().expectStatus().isOk());
        assertThat(export.get("$schema")).isEqualTo(schema.get("title"));
        Map<String, Object> sectionSchema = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                schema.get("properties")).get("sections")).get("properties");
        assertThat(sections.keySet()).containsAll(sectionSchema.keySet());
        List<String> required = (List<String>) ((Map<String, Object>) ((Map<String, Object>) sectionSchema
                .get("agencies")).get("items")).get("required");
        assertThat(agencies).allSatisfy(a -> assertThat(a).containsKeys(required.toArray(String[]::new)));
    }

    @Test
    void R31_1_thePortabilityExportIsSentDirectlyToARegisteredControllerAndRefusalsAreRecorded() {
        String subject = facts.adult();
        use(subject, dopa());
        sso(true);
        dlt();
        Map<String, Object> portability = file(subject, Map.of("type", "portability"));
        assertThat(portability).containsEntry("status", "fulfilled");
        int before = agency("sso").privacyRequestLog(PrivacyAnswers.PORTABILITY_PATH).size();

        Map<String, Object> delivered = transfer(subject, portability.get("id"), "sso").expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(delivered).containsEntry("controller_id", "sso").containsEntry("status", "delivered")
                .containsEntry("reference", "SSO-PORT-" + portability.get("id"));
        List<LoggedRequest> received = agency("sso").privacyRequestLog(PrivacyAnswers.PORTABILITY_PATH);
        assertThat(received).hasSize(before + 1);
        Map<String, Object> sent = JsonMapper.builder().build().readValue(received.get(before).getBodyAsString(),
                Map.class);
        assertThat(sent).containsEntry("$schema", "urn:onecitizen:schema:privacy-export:1")
                .containsEntry("request_id", portability.get("id")).doesNotContainKey("subject_ref");
        assertThat((Map<String, Object>) sent.get("sections")).containsKeys("consent_records", "agencies");

        Map<String, Object> cannot = transfer(subject, portability.get("id"), "dlt").expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(cannot).containsEntry("status", "refused");
        assertThat((String) cannot.get("reason")).contains("cannot receive");
        Map<String, Object> unknown = transfer(subject, portability.get("id"), "no-such-controller")
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(unknown).containsEntry("status", "refused");
        assertThat((String) unknown.get("reason")).contains("not a registered controller");
        problem(transfer(subject, portability.get("id"), "http://169.254.169.254"), 400, "validation_failed");
        Map<String, Object> access = file(subject, Map.of("type", "access"));
        problem(transfer(subject, access.get("id"), "sso"), 409, "conflict");
        problem(transfer(facts.adult(), portability.get("id"), "sso"), 404, "privacy_request_not_found");

        List<Map<String, Object>> recorded = (List<Map<String, Object>>) (List<?>) web.get()
                .uri("/v1/me/privacy-requests/{id}/transfers", portability.get("id"))
                .headers(h -> h.setBearerAuth(citizen(subject))).exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody();
        assertThat(recorded).extracting(t -> t.get("status")).containsExactly("delivered", "refused", "refused");
        Map<String, Object> history = json(api.get(citizen(subject), "/v1/me/privacy-requests/{id}",
                portability.get("id")).expectStatus().isOk());
        assertThat((List<Map<String, Object>>) history.get("history")).extracting(e -> (String) e.get("note"))
                .anyMatch(n -> n.startsWith("Export sent directly to controller sso"))
                .anyMatch(n -> n.contains("refused: the controller cannot receive"));
        eventually(() -> accessLog(subject), l -> l.stream().anyMatch(e -> "sso".equals(e.get("agency_id"))
                && "privacy-portability-receive".equals(e.get("operation_id")) && "ok".equals(e.get("outcome"))));
    }

    private WebTestClient.ResponseSpec transfer(String subject, Object requestId, String controller) {
        return web.post().uri("/v1/me/privacy-requests/{id}/transfers", requestId).headers(h -> {
            h.setBearerAuth(citizen(subject));
            h.set("Idempotency-Key", UUID.randomUUID().toString());
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("controller_id", controller)).exchange();
    }

    @Test
    void R35_1_aCorrectionIsDeliveredToEveryAgencyThatReceivedTheDataRetriedUntilItArrives() {
        String subject = facts.adult();
        use(subject, dopa());
        use(subject, sso(false));
        agency("sso").privacyFault(FaultMode.SERVER_ERROR);
        Map<String, Object> request = file(subject, Map.of("type", "rectification", "details",
                "My address is 1 Ratchadamnoen Road, not 99/1"));
        api.post(tokens.dpo(), "/admin/v1/privacy-requests/{id}/fulfil", Map.of("outcome",
                "Address corrected in OneCitizen"), request.get("id")).expectStatus().isOk();

        Supplier<List<Map<String, Object>>> tasks = () -> (List<Map<String, Object>>) (List<?>) web.get()
                .uri("/admin/v1/privacy-requests/{id}/corrections", request.get("id"))
                .headers(h -> h.setBearerAuth(tokens.dpo())).exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> seen = eventually(tasks, l -> l.size() == 2
                && "delivered".equals(byAgency(l, "dopa").get("status"))
                && byAgency(l, "sso").get("last_error") != null);
        assertThat(byAgency(seen, "dopa")).containsEntry("reference", "DOPA-COR-" + request.get("id"));
        assertThat((List<String>) byAgency(seen, "dopa").get("categories")).contains("household", "address");
        assertThat(byAgency(seen, "sso")).containsEntry("status", "pending");
        assertThat((String) byAgency(seen, "sso").get("last_error")).contains("unavailable");

        agency("sso").privacyFault(FaultMode.NONE);
        seen = eventually(tasks, l -> "delivered".equals(byAgency(l, "sso").get("status")));
        assertThat((Integer) byAgency(seen, "sso").get("attempts")).isGreaterThanOrEqualTo(2);
        List<LoggedRequest> corrections = agency("dopa").privacyRequestLog(PrivacyAnswers.CORRECTION_PATH);
        assertThat(corrections).anySatisfy(r -> assertThat(r.getBodyAsString())
                .contains(request.get("id").toString(), "1 Ratchadamnoen Road", "Address corrected"));

        Map<String, Object> history = json(api.get(tokens.dpo(), "/admin/v1/privacy-requests/{id}",
                request.get("id")).expectStatus().isOk());
        assertThat((List<Map<String, Object>>) history.get("history")).extracting(e -> (String) e.get("note"))
                .anyMatch(n -> n.startsWith("Correction delivered to agency dopa"))
                .anyMatch(n -> n.startsWith("Correction delivered to agency sso"));
        eventually(() -> accessLog(subject), l -> l.stream().filter(e -> "privacy-correction".equals(
                e.get("operation_id"))).map(e -> e.get("agency_id")).distinct().count() == 2);
    }

    @Test
    void R25_1_dataReceivedWithoutConsentIsNoticedOnceUnlessAnExemptionIsRecorded() {
        problem(put(tokens.dpo(), "/admin/v1/purposes/{id}/indirect-collection-exemption", Map.of("ground",
                "because", "legal_ref", "x"), "dlt.vehicle_registration"), 400, "validation_failed");
        problem(put(tokens.admin(), "/admin/v1/purposes/{id}/indirect-collection-exemption", Map.of("ground",
                "s24", "legal_ref", "Land Traffic Act"), "dlt.vehicle_registration"), 403, "forbidden");
        problem(put(tokens.dpo(), "/admin/v1/purposes/{id}/indirect-collection-exemption", Map.of("ground",
                "s24", "legal_ref", "x"), "no.such-purpose"), 404, "purpose_not_found");
        Map<String, Object> exemption = json(put(tokens.dpo(),
                "/admin/v1/purposes/{id}/indirect-collection-exemption", Map.of("ground", "s25_law", "legal_ref",
                        "Land Traffic Act B.E. 2522 s4: registration data exchanged by law"), "dlt.vehicle_registration")
                .expectStatus().isOk());
        assertThat(exemption).containsEntry("approved_by", "dpo").containsEntry("ground", "s25_law");

        String subject = facts.adult();
        String dopa = dopa();
        use(subject, dlt());
        use(subject, dopa);
        use(subject, dopa);

        List<Map<String, Object>> notes = eventually(() -> notifications(subject), l -> !l.isEmpty());
        assertThat(notes).hasSize(1);
        Map<String, Object> notice = notes.get(0);
        assertThat(notice).containsEntry("kind", "indirect_collection");
        assertThat((String) notice.get("title_th")).contains("กรมการปกครอง");
        assertThat((String) notice.get("title_en")).contains("Department of Provincial Administration");
        assertThat((String) notice.get("body_en")).contains("household", "address", "public_task", dopa,
                "PDPA s25");
        assertThat((String) notice.get("body_th")).contains("กรมการปกครอง", "มาตรา 25");
        assertThat(java.time.Instant.parse((String) notice.get("created_at")))
                .isBefore(java.time.Instant.now().plus(Duration.ofDays(30)));

        // a further share of the same data is not noticed twice
        use(subject, dopa);
        eventually(() -> accessLog(subject), l -> l.size() >= 4);
        try {
            Thread.sleep(2500); // longer than a notice tick (five outbox drain intervals)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(notifications(subject)).hasSize(1);
    }
}
