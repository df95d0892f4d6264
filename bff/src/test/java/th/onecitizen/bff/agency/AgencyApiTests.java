package th.onecitizen.bff.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.onecitizen.bff.demo.AgencyMocksLauncher;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.bff.support.TestAgencyServices;
import th.onecitizen.bff.support.TestTokens;
import th.onecitizen.identity.token.AccessTokenIssuer;
import th.onecitizen.identity.token.AccessTokenRequest;
import th.onecitizen.mocks.agency.SampleAgency;

/** The agency API and the admin API over HTTP: onboarding, ownership, approval, validation refusals. */
@ApplicationTest
class AgencyApiTests {

    @Autowired
    WebTestClient web;
    @Autowired
    TestTokens tokens;
    @Autowired
    AccessTokenIssuer issuer;
    @Autowired
    AgencyMocksLauncher launcher;

    TestAgencyServices services;
    SampleAgency dopa;

    @BeforeEach
    void setUp() {
        services = new TestAgencyServices(web, tokens);
        dopa = launcher.agencies().get("dopa");
    }

    private Map<String, Object> dopaBody(String slug) {
        return TestAgencyServices.body(slug, dopa, "civil_registration", "civil_registration", "public_task",
                List.of("identity", "household"));
    }

    private String dopaToken() {
        return services.agencyToken("dopa");
    }

    @Test
    void agencyWhenItRegistersAServiceThenDraftPendingActiveAndVisibleInCatalogue() {
        String slug = TestAgencyServices.slug("onboard");
        String id = services.create("dopa", dopaBody(slug));
        assertThat(id).isEqualTo("dopa." + slug);

        web.get().uri("/agency/v1/services/{id}", id).headers(h -> h.setBearerAuth(dopaToken())).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.status").isEqualTo("draft").jsonPath("$.agency_id").isEqualTo("dopa")
                .jsonPath("$.min_acr").isEqualTo("urn:th:ial:2.1:aal:2.1")
                .jsonPath("$.connector.auth.type").isEqualTo("api_key");
        String citizen = tokens.citizen("sub-" + UUID.randomUUID(), TestTokens.IAL_2_3);
        web.get().uri("/v1/services/{id}", id).headers(h -> h.setBearerAuth(citizen)).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("service_not_found");

        web.post().uri("/agency/v1/services/{id}/submit", id).headers(h -> h.setBearerAuth(dopaToken())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("pending");
        web.get().uri("/admin/v1/services?status=pending&agency=dopa").headers(h -> h.setBearerAuth(tokens.admin()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items[?(@.id == '" + id + "')]").exists();
        web.post().uri("/admin/v1/services/{id}/approve", id).headers(h -> h.setBearerAuth(tokens.admin()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("active");

        web.get().uri("/v1/services/{id}", id).headers(h -> h.setBearerAuth(citizen)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.operations[0].id").isEqualTo("summary")
                .jsonPath("$.operations[0].shares.received_from_agency[0]").isEqualTo("household");

        web.post().uri("/admin/v1/services/{id}/suspend", id).headers(h -> h.setBearerAuth(tokens.admin()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("suspended");
        web.get().uri("/v1/services/{id}", id).headers(h -> h.setBearerAuth(citizen)).exchange()
                .expectStatus().isNotFound();
        web.post().uri("/admin/v1/services/{id}/retire", id).headers(h -> h.setBearerAuth(tokens.admin()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("retired");
        web.post().uri("/admin/v1/services/{id}/approve", id).headers(h -> h.setBearerAuth(tokens.admin()))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.code")
                .isEqualTo("invalid_lifecycle_transition");
    }

    @Test
    void agencyWhenItEditsOperationsAndConnectorThenNewVersionsAndHealthVisible() {
        String id = services.create("dopa", dopaBody(TestAgencyServices.slug("edit")));
        Map<String, Object> op = TestAgencyServices.operation("request", "POST", dopa, "civil_registration",
                "public_task", List.of("identity", "address"), false);
        web.put().uri("/agency/v1/services/{id}/operations/request", id).headers(h -> h.setBearerAuth(dopaToken()))
                .header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON).bodyValue(op).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.operations.length()").isEqualTo(2);
        web.put().uri("/agency/v1/services/{id}/connector", id).headers(h -> h.setBearerAuth(dopaToken()))
                .header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestAgencyServices.connector(dopa.baseUrl(), "dopa-key", 2000, 5)).exchange()
                .expectStatus().isEqualTo(412).expectBody().jsonPath("$.code").isEqualTo("version_mismatch");
        web.put().uri("/agency/v1/services/{id}/connector", id).headers(h -> h.setBearerAuth(dopaToken()))
                .header("If-Match", "\"2\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestAgencyServices.connector(dopa.baseUrl(), "dopa-key", 2000, 5)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.connector.timeout_millis").isEqualTo(2000);
        web.delete().uri("/agency/v1/services/{id}/operations/request", id).headers(h -> h.setBearerAuth(dopaToken()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.operations.length()").isEqualTo(1)
                .jsonPath("$.version").isEqualTo(4);
        web.get().uri("/agency/v1/services/{id}/health", id).headers(h -> h.setBearerAuth(dopaToken())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.service_id").isEqualTo(id)
                .jsonPath("$.breaker_state").isEqualTo("idle");
        web.get().uri("/agency/v1/services?size=100").headers(h -> h.setBearerAuth(dopaToken())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[?(@.id == '" + id + "')]").exists()
                .jsonPath("$.items[?(@.agency_id != 'dopa')]").doesNotExist();
    }

    // S-AC-02: agency X never reads or edits agency Y's service, connector or health: 404 on every endpoint.

    private String rdsService() {
        SampleAgency rd = launcher.agencies().get("dlt");
        return services.create("dlt", TestAgencyServices.body(TestAgencyServices.slug("other"), rd, "transport",
                "vehicle_registration", "public_task", List.of("identity", "vehicle")));
    }

    private void notFoundFor(String method, String path, Object body) {
        WebTestClient.RequestBodySpec spec = web.method(HttpMethod.valueOf(method)).uri(path)
                .headers(h -> h.setBearerAuth(dopaToken()));
        WebTestClient.ResponseSpec response = body == null ? spec.exchange()
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        response.expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("service_not_found");
    }

    @Test
    void S_AC_02_getWhenAnotherAgencysServiceThen404() {
        notFoundFor("GET", "/agency/v1/services/" + rdsService(), null);
    }

    @Test
    void S_AC_02_updateWhenAnotherAgencysServiceThen404AndUnchanged() {
        String other = rdsService();
        Map<String, Object> content = dopaBody("x");
        content.remove("slug");
        notFoundFor("PUT", "/agency/v1/services/" + other, content);
        web.get().uri("/agency/v1/services/{id}", other).headers(h -> h.setBearerAuth(services.agencyToken("dlt")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
    }

    @Test
    void S_AC_02_connectorWhenAnotherAgencysServiceThen404() {
        notFoundFor("PUT", "/agency/v1/services/" + rdsService() + "/connector",
                TestAgencyServices.connector(dopa.baseUrl(), "dopa-key", 1000, 4));
    }

    @Test
    void S_AC_02_putOperationWhenAnotherAgencysServiceThen404() {
        notFoundFor("PUT", "/agency/v1/services/" + rdsService() + "/operations/summary",
                TestAgencyServices.operation("summary", "GET", dopa, "civil_registration", "public_task",
                        List.of("identity"), true));
    }

    @Test
    void S_AC_02_deleteOperationWhenAnotherAgencysServiceThen404() {
        notFoundFor("DELETE", "/agency/v1/services/" + rdsService() + "/operations/summary", null);
    }

    @Test
    void S_AC_02_submitWhenAnotherAgencysServiceThen404() {
        notFoundFor("POST", "/agency/v1/services/" + rdsService() + "/submit", null);
    }

    @Test
    void S_AC_02_healthWhenAnotherAgencysServiceThen404() {
        notFoundFor("GET", "/agency/v1/services/" + rdsService() + "/health", null);
    }

    @Test
    void S_AC_02_listWhenOtherAgenciesHaveServicesThenOnlyOwn() {
        String other = rdsService();
        web.get().uri("/agency/v1/services?size=100").headers(h -> h.setBearerAuth(dopaToken())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[?(@.id == '" + other + "')]").doesNotExist();
    }

    @Test
    void S_AC_02_createWhenSlugOfAnotherAgencysServiceThenOwnIdNeverTheirs() {
        String other = rdsService();
        String slug = other.substring(other.indexOf('.') + 1);
        assertThat(services.create("dopa", dopaBody(slug))).isEqualTo("dopa." + slug).isNotEqualTo(other);
    }

    @Test
    void S_AC_03_citizenOrAgencyTokenOnAdminThen403() {
        String id = services.create("dopa", dopaBody(TestAgencyServices.slug("adm")));
        for (String token : List.of(tokens.citizen("sub-" + UUID.randomUUID(), TestTokens.IAL_2_3), dopaToken())) {
            web.post().uri("/admin/v1/services/{id}/approve", id).headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isForbidden().expectHeader().contentType("application/problem+json");
            web.get().uri("/admin/v1/services").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isForbidden();
            web.get().uri("/admin/v1/services/{id}/health", id).headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isForbidden();
        }
    }

    @Test
    void S_AC_03_citizenOrAdminTokenOnAgencyApiThen403() {
        for (String token : List.of(tokens.citizen("sub-" + UUID.randomUUID(), TestTokens.IAL_2_3),
                tokens.admin())) {
            web.get().uri("/agency/v1/services").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isForbidden();
        }
    }

    @Test
    void S_AC_04_agencyApprovingItsOwnServiceThen403() {
        String id = services.create("dopa", dopaBody(TestAgencyServices.slug("self")));
        web.post().uri("/agency/v1/services/{id}/submit", id).headers(h -> h.setBearerAuth(dopaToken())).exchange()
                .expectStatus().isOk();
        web.post().uri("/admin/v1/services/{id}/approve", id).headers(h -> h.setBearerAuth(dopaToken())).exchange()
                .expectStatus().isForbidden();
        // an operator client that acts for the same agency may not approve it either
        String operatorOfDopa = issuer.issue(AccessTokenRequest.forClient("dopa-operator", Set.of("admin"), "dopa",
                null)).value();
        web.post().uri("/admin/v1/services/{id}/approve", id).headers(h -> h.setBearerAuth(operatorOfDopa))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code")
                .isEqualTo("self_approval_forbidden");
        web.get().uri("/admin/v1/services/{id}", id).headers(h -> h.setBearerAuth(tokens.admin())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("pending");
    }

    @Test
    void S_AC_04_urlChangedAfterApprovalThenBackToPendingAndOutOfCatalogue() {
        String id = services.active("dopa", dopaBody(TestAgencyServices.slug("move")));
        String citizen = tokens.citizen("sub-" + UUID.randomUUID(), TestTokens.IAL_2_3);
        web.get().uri("/v1/services/{id}", id).headers(h -> h.setBearerAuth(citizen)).exchange()
                .expectStatus().isOk();
        String elsewhere = launcher.agencies().get("sso").baseUrl();
        web.put().uri("/agency/v1/services/{id}/connector", id).headers(h -> h.setBearerAuth(dopaToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestAgencyServices.connector(elsewhere, "dopa-key", 1000, 4)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("pending");
        web.get().uri("/v1/services/{id}", id).headers(h -> h.setBearerAuth(citizen)).exchange()
                .expectStatus().isNotFound();
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "agency_id", "version"})
    void S_IN_05_massAssignmentOfStatusOrOwnerThen400UnknownField(String field) {
        Map<String, Object> body = dopaBody(TestAgencyServices.slug("mass"));
        body.put(field, "status".equals(field) ? "active" : "version".equals(field) ? 7 : "rd");
        web.post().uri("/agency/v1/services").headers(h -> h.setBearerAuth(dopaToken()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("unknown_field");
        String id = services.create("dopa", dopaBody(TestAgencyServices.slug("mass")));
        Map<String, Object> update = dopaBody("ignored");
        update.remove("slug");
        update.put(field, "status".equals(field) ? "active" : "version".equals(field) ? 7 : "rd");
        web.put().uri("/agency/v1/services/{id}", id).headers(h -> h.setBearerAuth(dopaToken()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(update).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("unknown_field");
        web.get().uri("/agency/v1/services/{id}", id).headers(h -> h.setBearerAuth(dopaToken())).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("draft").jsonPath("$.agency_id").isEqualTo("dopa");
    }

    private void refused(String baseUrl, String code) {
        refused(body -> body.put("connector", TestAgencyServices.connector(baseUrl, "dopa-key", 1000, 4)), code);
    }

    private void refused(Function<Map<String, Object>, Object> change, String code) {
        Map<String, Object> body = dopaBody(TestAgencyServices.slug("bad"));
        change.apply(body);
        web.post().uri("/agency/v1/services").headers(h -> h.setBearerAuth(dopaToken()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(422).expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.code").isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/api", "https://10.1.2.3/api", "https://172.16.0.1/",
        "https://192.168.1.1/", "https://100.64.0.1/", "https://169.254.169.254/latest/meta-data"})
    void S_CN_01_privateIpv4BaseUrlThen422(String url) {
        refused(url, "target_address_forbidden");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://[::1]/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:a9fe:a9fe]/",
        "https://[fc00::1]/", "https://[fe80::1]/"})
    void S_CN_02_privateIpv6BaseUrlThen422(String url) {
        refused(url, "target_address_forbidden");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://2130706433/", "https://0177.0.0.1/", "https://0x7f.1/", "https://127.1/",
        "https://0.0.0.0/", "https://127.0.0.1./"})
    void S_CN_03_obfuscatedLoopbackThen422(String url) {
        Map<String, Object> body = dopaBody(TestAgencyServices.slug("bad"));
        body.put("connector", TestAgencyServices.connector(url, "dopa-key", 1000, 4));
        String code = (String) web.post().uri("/agency/v1/services").headers(h -> h.setBearerAuth(dopaToken()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(422).expectBody(Map.class).returnResult().getResponseBody().get("code");
        assertThat(code).isIn("target_address_forbidden", "target_host_invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://agency.example.go.th/", "file:///etc/passwd", "gopher://agency.example/",
        "https://user:pass@agency.example.go.th/"})
    void S_CN_04_unsafeSchemeOrUserinfoThen422(String url) {
        Map<String, Object> body = dopaBody(TestAgencyServices.slug("bad"));
        body.put("connector", TestAgencyServices.connector(url, "dopa-key", 1000, 4));
        String code = (String) web.post().uri("/agency/v1/services").headers(h -> h.setBearerAuth(dopaToken()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(422).expectBody(Map.class).returnResult().getResponseBody().get("code");
        assertThat(code).isIn("target_scheme_forbidden", "target_userinfo_forbidden", "target_url_invalid");
    }

    @Test
    void S_CN_04_unsafeTokenUrlThen422() {
        refused(body -> {
            Map<String, Object> connector = TestAgencyServices.connector(dopa.baseUrl(), "dopa-key", 1000, 4);
            connector.put("auth", Map.of("type", "oauth2_client_credentials", "token_url",
                    "http://169.254.169.254/token", "client_id", "onecitizen", "secret_ref", "rd-secret", "scope", ""));
            return body.put("connector", connector);
        }, "target_scheme_forbidden");
    }

    @Test
    void S_CN_05_hostResolvingToLoopbackAfterDnsThen422() {
        refused("https://localhost/api", "target_address_forbidden");
    }

    @Test
    void onboardingWhenPurposeDoesNotJustifyTheDataThen422PurposeNotJustified() {
        refused(body -> body.put("operations", List.of(TestAgencyServices.operation("summary", "GET", dopa,
                "civil_registration", "public_task", List.of("identity", "health"), true))), "purpose_not_justified");
        refused(body -> body.put("operations", List.of(TestAgencyServices.operation("summary", "GET", dopa,
                "no_such_purpose", "public_task", List.of("identity"), true))), "purpose_unknown");
        refused(body -> body.put("operations", List.of(Map.of("id", "summary", "name", Map.of("th", "ก", "en", "a"),
                "method", "GET", "path_template", "/x", "response_schema", Map.of("type", "nonsense"),
                "idempotent", true, "purpose_id", "civil_registration", "lawful_basis", "public_task",
                "receives_categories", List.of("identity"), "dashboard", true))), "schema_invalid");
    }
}
