package th.onecitizen.bff.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.onecitizen.bff.demo.AgencyMocksLauncher;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.bff.support.TestAgencyServices;
import th.onecitizen.bff.support.TestDns;
import th.onecitizen.bff.support.TestSubjectFacts;
import th.onecitizen.bff.support.TestTokens;
import th.onecitizen.consent.purpose.PurposeCatalog;
import th.onecitizen.mocks.agency.FaultMode;
import th.onecitizen.mocks.agency.SampleAgency;

/**
 * A service call end to end over HTTP: token, assurance, consent, the agency called with a signed citizen assertion,
 * the access log, idempotency and the agency's failures as problems.
 */
@ApplicationTest
class ServiceCallTests {

    @Autowired
    WebTestClient web;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestSubjectFacts subjects;
    @Autowired
    AgencyMocksLauncher launcher;
    @Autowired
    PurposeCatalog purposes;
    @Autowired
    TestDns dns;

    TestAgencyServices services;

    @BeforeEach
    void setUp() {
        services = new TestAgencyServices(web, tokens);
        web = web.mutate().responseTimeout(Duration.ofSeconds(20)).build();
    }

    @AfterEach
    void heal() {
        launcher.agencies().heal();
    }

    private SampleAgency agency(String id) {
        return launcher.agencies().get(id);
    }

    /** An active vaccination-records service on the MOPH sample, on explicit consent. */
    private String mophService() {
        return services.active("moph", TestAgencyServices.body(TestAgencyServices.slug("vax"), agency("moph"),
                "health", "health_records", "consent", List.of("identity", "vaccination")));
    }

    /** An active household service on the DOPA sample, on public task. */
    private String dopaService(int timeoutMillis, int minimumCalls) {
        Map<String, Object> body = TestAgencyServices.body(TestAgencyServices.slug("hh"), agency("dopa"),
                "civil_registration", "civil_registration", "public_task", List.of("identity", "household"));
        body.put("connector", TestAgencyServices.connector(agency("dopa").baseUrl(), "dopa-key", timeoutMillis,
                minimumCalls));
        return services.active("dopa", body);
    }

    private WebTestClient.ResponseSpec call(String token, String serviceId, String operationId) {
        return web.post().uri("/v1/services/{s}/operations/{o}", serviceId, operationId)
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange();
    }

    private String grant(String token, String purposeId) {
        int version = purposes.find(purposeId).block(Duration.ofSeconds(10)).notice().version();
        Map<?, ?> granted = web.post().uri("/v1/me/consents").headers(h -> h.setBearerAuth(token))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("purpose_id", purposeId, "notice_version", version, "language", "th",
                        "explicit_act", true))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) ((Map<?, ?>) granted.get("consent")).get("consent_id");
    }

    @Test
    void S_AC_05_callBelowTheServicesAcrThen401WithAcrValuesIdentityUnderstands() {
        String id = dopaService(1000, 4);
        int before = agency("dopa").summaryRequests();
        call(tokens.citizen(subjects.adult(), TestTokens.IAL_1_2), id, "summary")
                .expectStatus().isUnauthorized()
                .expectHeader().valueMatches("WWW-Authenticate",
                        ".*error=\"insufficient_user_authentication\".*acr_values=\"urn:th:ial:2.1:aal:2.1\".*")
                .expectBody().jsonPath("$.code").isEqualTo("insufficient_user_authentication")
                .jsonPath("$.acr_values").isEqualTo("urn:th:ial:2.1:aal:2.1")
                .jsonPath("$.service_id").isEqualTo(id);
        assertThat(agency("dopa").summaryRequests()).isEqualTo(before);
    }

    @Test
    void callWhenClientTokenOnCitizenEndpointThen403() {
        String id = dopaService(1000, 4);
        call(tokens.agency("dopa-client", "dopa"), id, "summary").expectStatus().isForbidden();
        web.get().uri("/v1/services").headers(h -> h.setBearerAuth(tokens.admin())).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void S_AC_06_consentGrantedThenAgencyCalledWithAssertionAndAccessLoggedWithdrawnThen403AndNoCall()
            throws Exception {
        String id = mophService();
        String subject = subjects.adult();
        String token = tokens.citizen(subject, TestTokens.IAL_2_3);
        SampleAgency moph = agency("moph");
        int before = moph.summaryRequests();

        call(token, id, "summary").expectStatus().isForbidden().expectBody()
                .jsonPath("$.code").isEqualTo("consent_required")
                .jsonPath("$.purpose_id").isEqualTo("moph.health_records")
                .jsonPath("$.service_id").isEqualTo(id);
        assertThat(moph.summaryRequests()).isEqualTo(before);

        String consentId = grant(token, "moph.health_records");
        call(token, id, "summary").expectStatus().isOk().expectBody()
                .jsonPath("$.service_id").isEqualTo(id)
                .jsonPath("$.data.vaccinations[0].dose").isEqualTo(3);
        assertThat(moph.summaryRequests()).isEqualTo(before + 1);
        var request = moph.summaryRequestLog().get(moph.summaryRequestLog().size() - 1);
        SignedJWT assertion = SignedJWT.parse(request.getHeader("X-OneCitizen-Assertion"));
        assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly("moph");
        assertThat(assertion.getJWTClaimsSet().getSubject()).isNotEqualTo(subject);
        assertThat(assertion.getJWTClaimsSet().getStringClaim("purpose")).isEqualTo("moph.health_records");
        assertThat(assertion.getJWTClaimsSet().getExpirationTime().toInstant())
                .isBefore(Instant.now().plusSeconds(61));

        Map<?, ?> log = awaitAccessLog(token, id);
        assertThat(log.get("agency_id")).isEqualTo("moph");
        assertThat(log.get("purpose_id")).isEqualTo("moph.health_records");
        assertThat(log.get("outcome")).isEqualTo("ok");

        web.post().uri("/v1/me/consents/{c}/withdraw", consentId).headers(h -> h.setBearerAuth(token))
                .header("Idempotency-Key", UUID.randomUUID().toString()).exchange().expectStatus().isOk();
        call(token, id, "summary").expectStatus().isForbidden().expectBody()
                .jsonPath("$.code").isEqualTo("consent_withdrawn");
        assertThat(moph.summaryRequests()).isEqualTo(before + 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void R19_1_aRefusedServiceCallIsInTheDecisionLogForTheDpoAndTheCitizenAndNoAgencyCallHappened() {
        String id = mophService();
        String subject = subjects.adult();
        String token = tokens.citizen(subject, TestTokens.IAL_2_3);
        SampleAgency moph = agency("moph");
        int before = moph.summaryRequests();

        Map<String, Object> problem = call(token, id, "summary").expectStatus().isForbidden()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(problem).containsEntry("code", "consent_required");
        assertThat(moph.summaryRequests()).isEqualTo(before);

        Map<String, Object> log = web.get().uri("/admin/v1/decision-log?subject={s}&agency=moph", subject)
                .headers(h -> h.setBearerAuth(tokens.dpo())).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(log).containsEntry("total", 1);
        Map<String, Object> entry = ((List<Map<String, Object>>) log.get("items")).get(0);
        assertThat(entry).containsEntry("subject_ref", subject).containsEntry("agency_id", "moph")
                .containsEntry("purpose_id", "moph.health_records").containsEntry("decision", "refused")
                .containsEntry("reason", "consent_required").containsKey("occurred_at");
        assertThat((List<String>) entry.get("categories")).isNotEmpty();
        assertThat(entry.get("trace_id")).isNotNull().isEqualTo(problem.get("trace_id"));
        assertThat(web.get().uri("/admin/v1/decision-log?subject={s}&reason=consent_withdrawn", subject)
                .headers(h -> h.setBearerAuth(tokens.dpo())).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody()).containsEntry("total", 0);

        // the citizen sees the refusals that concern them, and only those; the log is the DPO's alone
        Map<String, Object> mine = web.get().uri("/v1/me/refusals").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) mine.get("items")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("reason", "consent_required")
                        .containsEntry("agency_id", "moph"));
        assertThat(web.get().uri("/v1/me/refusals").headers(h -> h.setBearerAuth(tokens.citizen(subjects.adult(),
                TestTokens.IAL_2_3))).exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody()).containsEntry("total", 0);
        web.get().uri("/admin/v1/decision-log").headers(h -> h.setBearerAuth(tokens.admin())).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/admin/v1/decision-log").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/admin/v1/decision-log?size=500").headers(h -> h.setBearerAuth(tokens.dpo())).exchange()
                .expectStatus().isBadRequest();
    }

    private Map<?, ?> awaitAccessLog(String token, String serviceId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Map<?, ?> page = web.get().uri("/v1/me/access-log").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            for (Object item : (List<?>) page.get("items")) {
                if (serviceId.equals(((Map<?, ?>) item).get("service_id"))) {
                    return (Map<?, ?>) item;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The call never appeared in the citizen's access log");
    }

    @Test
    void callAfterTheServiceChangedThenDecidedForTheNewVersionNotTheOneThisInstanceKnewBefore() {
        String id = dopaService(1000, 4);
        String token = tokens.citizen(subjects.adult(), TestTokens.IAL_2_3);
        call(token, id, "summary").expectStatus().isOk();
        int before = agency("dopa").summaryRequests();

        // the operation now serves another purpose, for which this agency has no consent purpose registered (new
        // data sends the service back for approval; once approved, this instance still holds the old version until
        // its next catalogue read)
        String etag = web.get().uri("/agency/v1/services/{id}", id).headers(h -> h.setBearerAuth(
                services.agencyToken("dopa"))).exchange().expectStatus().isOk().returnResult(String.class)
                .getResponseHeaders().getETag();
        web.put().uri("/agency/v1/services/{id}/operations/summary", id)
                .headers(h -> h.setBearerAuth(services.agencyToken("dopa"))).header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestAgencyServices.operation("summary", "GET", agency("dopa"), "tax_administration",
                        "public_task", List.of("identity", "address"), true))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("pending");
        web.post().uri("/admin/v1/services/{id}/approve", id).headers(h -> h.setBearerAuth(tokens.admin()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("active");

        call(token, id, "summary").expectStatus().isForbidden().expectBody()
                .jsonPath("$.purpose_id").isEqualTo("dopa.tax_administration")
                .jsonPath("$.data_categories[1]").isEqualTo("identity");
        assertThat(agency("dopa").summaryRequests()).isEqualTo(before);

        web.post().uri("/admin/v1/services/{id}/suspend", id).headers(h -> h.setBearerAuth(tokens.admin()))
                .exchange().expectStatus().isOk();
        call(token, id, "summary").expectStatus().isNotFound().expectBody().jsonPath("$.code")
                .isEqualTo("service_not_found");
        assertThat(agency("dopa").summaryRequests()).isEqualTo(before);
    }

    @Test
    void S_CN_05_hostPublicAtRegistrationRebindsToLoopbackAtCallThenRefusedWithoutConnecting() throws Exception {
        // a listener on loopback stands for the internal service the attacker wants reached: it must see nothing
        try (ServerSocketChannel internal = ServerSocketChannel.open()) {
            internal.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            internal.configureBlocking(false);
            int port = ((InetSocketAddress) internal.getLocalAddress()).getPort();
            String host = TestAgencyServices.slug("rebind") + ".agency.example.th";
            dns.point(host, "203.150.1.10");
            Map<String, Object> body = TestAgencyServices.body(TestAgencyServices.slug("rebind"), agency("dopa"),
                    "civil_registration", "civil_registration", "public_task", List.of("identity", "household"));
            body.put("connector", TestAgencyServices.connector("https://" + host + ":" + port, "dopa-key", 1000, 4));
            String id = services.active("dopa", body);

            dns.point(host, "127.0.0.1");
            String token = tokens.citizen(subjects.adult(), TestTokens.IAL_2_3);
            call(token, id, "summary").expectStatus().isEqualTo(502).expectBody()
                    .jsonPath("$.code").isEqualTo("agency_target_forbidden")
                    .jsonPath("$.service_id").isEqualTo(id)
                    .jsonPath("$.detail").value(d -> assertThat((String) d).doesNotContain("127.0.0.1"));
            assertThat(internal.accept()).as("a connection reached the loopback listener").isNull();

            // one private record among public ones is refused the same way
            dns.point(host, "203.150.1.10", "10.0.0.8");
            call(token, id, "summary").expectStatus().isEqualTo(502).expectBody()
                    .jsonPath("$.code").isEqualTo("agency_target_forbidden");
            assertThat(internal.accept()).isNull();
        }
    }

    @Test
    void idempotencyKeyWhenRepeatedThenFirstResultReplayedAndAgencyCalledOnce() {
        Map<String, Object> body = TestAgencyServices.body(TestAgencyServices.slug("req"), agency("dopa"),
                "civil_registration", "civil_registration", "public_task", List.of("identity", "household"));
        @SuppressWarnings("unchecked")
        List<Object> ops = (List<Object>) body.get("operations");
        ops.add(TestAgencyServices.operation("request", "POST", agency("dopa"), "civil_registration", "public_task",
                List.of("identity", "address"), false));
        String id = services.active("dopa", body);
        String token = tokens.citizen(subjects.adult(), TestTokens.IAL_2_3);
        String key = "key-" + UUID.randomUUID();
        int before = agency("dopa").summaryRequests();
        for (boolean replayed : List.of(false, true)) {
            web.post().uri("/v1/services/{s}/operations/request", id).headers(h -> h.setBearerAuth(token))
                    .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("reason", "move")).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.replayed").isEqualTo(replayed)
                    .jsonPath("$.data.household.province").isEqualTo("นนทบุรี");
        }
        assertThat(agency("dopa").summaryRequests()).isEqualTo(before + 1);
        web.post().uri("/v1/services/{s}/operations/request", id).headers(h -> h.setBearerAuth(token))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "other")).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("idempotency_key_reused");
        web.post().uri("/v1/services/{s}/operations/request", id).headers(h -> h.setBearerAuth(token))
                .header("Idempotency-Key", "bad key!").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "x")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("idempotency_key_invalid");
        assertThat(agency("dopa").summaryRequests()).isEqualTo(before + 1);
    }

    @Test
    void agencyDownThen503AgencyUnavailableNamingTheService() {
        String id = dopaService(1000, 50);
        String token = tokens.citizen(subjects.adult(), TestTokens.IAL_2_3);
        agency("dopa").fault(FaultMode.SERVER_ERROR);
        call(token, id, "summary").expectStatus().isEqualTo(503).expectHeader()
                .contentType("application/problem+json").expectBody()
                .jsonPath("$.code").isEqualTo("agency_unavailable").jsonPath("$.service_id").isEqualTo(id);
        agency("dopa").fault(FaultMode.CONNECTION_RESET);
        call(token, id, "summary").expectStatus().isEqualTo(503).expectBody()
                .jsonPath("$.code").isEqualTo("agency_unavailable");
    }

    @Test
    void agencyTooSlowThen504AgencyTimeout() {
        String id = dopaService(300, 50);
        agency("dopa").slowMillis(3000);
        agency("dopa").fault(FaultMode.SLOW);
        call(tokens.citizen(subjects.adult(), TestTokens.IAL_2_3), id, "summary").expectStatus().isEqualTo(504)
                .expectBody().jsonPath("$.code").isEqualTo("agency_timeout").jsonPath("$.service_id").isEqualTo(id);
    }

    @Test
    void S_CN_06_agencyRedirectingInwardThenNotFollowed() {
        String id = dopaService(1000, 50);
        agency("dopa").fault(FaultMode.REDIRECT_INWARD);
        call(tokens.citizen(subjects.adult(), TestTokens.IAL_2_3), id, "summary").expectStatus().isEqualTo(502)
                .expectBody().jsonPath("$.code").isEqualTo("agency_redirect_refused");
    }

    @Test
    void breakerOpenThen503WithRetryAfterAndTheDeadAgencyReceivesNothingMoreThenHealthShowsIt() {
        String id = dopaService(1000, 4);
        String token = tokens.citizen(subjects.adult(), TestTokens.IAL_2_3);
        agency("dopa").fault(FaultMode.SERVER_ERROR);
        for (int i = 0; i < 4; i++) {
            call(token, id, "summary").expectStatus().isEqualTo(503);
        }
        int afterOpening = agency("dopa").summaryRequests();
        for (int i = 0; i < 5; i++) {
            call(token, id, "summary").expectStatus().isEqualTo(503).expectHeader().exists("Retry-After")
                    .expectBody().jsonPath("$.code").isEqualTo("agency_circuit_open")
                    .jsonPath("$.service_id").isEqualTo(id);
        }
        assertThat(agency("dopa").summaryRequests()).isEqualTo(afterOpening);

        for (Map.Entry<String, String> api : Map.of("/agency/v1", services.agencyToken("dopa"), "/admin/v1",
                tokens.admin()).entrySet()) {
            web.get().uri(api.getKey() + "/services/{id}/health", id).headers(h -> h.setBearerAuth(api.getValue()))
                    .exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.breaker_state").isEqualTo("open")
                    .jsonPath("$.calls.agency_unavailable").isEqualTo(4)
                    .jsonPath("$.calls.agency_circuit_open").isEqualTo(5);
        }
        String prometheus = web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(prometheus).contains("onecitizen_connector_calls_total{")
                .containsPattern("onecitizen_connector_breaker_open\\{[^}]*service=\"" + id.replace(".", "\\.")
                        + "\"[^}]*} 1")
                .containsPattern("onecitizen_connector_latency_seconds_count\\{[^}]*service=\""
                        + id.replace(".", "\\.") + "\"");
    }
}
