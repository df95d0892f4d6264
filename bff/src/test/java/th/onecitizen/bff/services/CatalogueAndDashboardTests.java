package th.onecitizen.bff.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.onecitizen.bff.demo.AgencyMocksLauncher;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.bff.support.TestAgencyServices;
import th.onecitizen.bff.support.TestSubjectFacts;
import th.onecitizen.bff.support.TestTokens;
import th.onecitizen.mocks.agency.FaultMode;
import th.onecitizen.mocks.agency.SampleAgency;

/** The catalogue (seeded with the demo's 300 services) and the dashboard with pinning, over HTTP. */
@ApplicationTest
class CatalogueAndDashboardTests {

    @Autowired
    WebTestClient web;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestSubjectFacts subjects;
    @Autowired
    AgencyMocksLauncher launcher;

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

    private String citizen() {
        return tokens.citizen(subjects.adult(), TestTokens.IAL_2_3);
    }

    @Test
    void catalogueWhenSeededThenThreeHundredServicesOfTwentyAgenciesWithFacets() {
        Map<?, ?> page = web.get().uri("/v1/services?size=100").headers(h -> h.setBearerAuth(citizen())).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Number) page.get("total")).intValue()).isGreaterThanOrEqualTo(300);
        @SuppressWarnings("unchecked")
        Map<String, Object> facets = (Map<String, Object>) ((Map<?, ?>) page.get("facets")).get("category");
        assertThat(facets.keySet()).contains("tax", "health", "transport", "land", "civil_registration");
        web.get().uri("/v1/services/rd.pit-e-filing").headers(h -> h.setBearerAuth(citizen()))
                .header("Accept-Language", "en").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.agency.name").isEqualTo("Revenue Department")
                .jsonPath("$.min_acr").isEqualTo("urn:th:ial:2.3:aal:2.1");
    }

    @Test
    void catalogueSearchWhenThaiWithoutSpacesOrEnglishThenMatchesInTheAskedLanguage() {
        web.get().uri(u -> u.path("/v1/services").queryParam("q", "ภาษีรถ").build())
                .headers(h -> h.setBearerAuth(citizen())).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == 'dlt.vehicle-tax-renewal')]").exists()
                .jsonPath("$.items[0].name").value(n -> assertThat((String) n).matches(".*[\\u0E00-\\u0E7F].*"));
        web.get().uri(u -> u.path("/v1/services").queryParam("q", "passport").queryParam("category", "travel")
                .build()).headers(h -> h.setBearerAuth(citizen())).header("Accept-Language", "en-GB,en;q=0.9")
                .exchange().expectStatus().isOk().expectHeader().valueEquals("Content-Language", "en").expectBody()
                .jsonPath("$.items[?(@.id == 'dca.passport-appointment')]").exists()
                .jsonPath("$.items[?(@.category != 'travel')]").doesNotExist();
    }

    @Test
    void catalogueWhenIfNoneMatchTheCurrentEtagThen304() {
        String token = citizen();
        String etag = web.get().uri("/v1/services?q=tax").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseHeaders().getETag();
        web.get().uri("/v1/services?q=tax").headers(h -> h.setBearerAuth(token)).header("If-None-Match", etag)
                .exchange().expectStatus().isNotModified();
    }

    @Test
    void catalogueWhenBadParametersThen400NotA5xx() {
        web.get().uri("/v1/services?size=1000").headers(h -> h.setBearerAuth(citizen())).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("invalid_parameter");
        web.get().uri("/v1/services?page=abc").headers(h -> h.setBearerAuth(citizen())).exchange()
                .expectStatus().isBadRequest();
        web.get().uri("/v1/services?category=Robert');DROP").headers(h -> h.setBearerAuth(citizen())).exchange()
                .expectStatus().isBadRequest();
    }

    private String activeOn(String agencyId, String category, String purpose, String basis, List<String> receives,
            int timeoutMillis) {
        SampleAgency mock = launcher.agencies().get(agencyId);
        Map<String, Object> body = TestAgencyServices.body(TestAgencyServices.slug("dash"), mock, category, purpose,
                basis, receives);
        body.put("connector", TestAgencyServices.connector(mock.baseUrl(), agencyId + "-key", timeoutMillis, 50));
        return services.active(agencyId, body);
    }

    @Test
    void dashboardWhenPinnedThenFansOutWithAStatusPerServiceWithinOneBudget() {
        String ok = activeOn("dopa", "civil_registration", "civil_registration", "public_task",
                List.of("identity", "household"), 1000);
        String slow = activeOn("sso", "social_security", "social_security", "public_task",
                List.of("identity", "social_security"), 10_000);
        String needsConsent = activeOn("moph", "health", "health_records", "consent",
                List.of("identity", "vaccination"), 1000);
        String down = activeOn("dlt", "transport", "vehicle_registration", "public_task",
                List.of("identity", "vehicle"), 1000);
        String token = citizen();

        web.get().uri("/v1/me/dashboard").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.source").isEqualTo("default");
        web.put().uri("/v1/me/dashboard").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("service_ids", List.of(ok, slow, needsConsent, down))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.source").isEqualTo("pinned");
        web.get().uri("/v1/me/dashboard").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.service_ids[3]").isEqualTo(down);

        launcher.agencies().get("sso").slowMillis(8000);
        launcher.agencies().get("sso").fault(FaultMode.SLOW);
        launcher.agencies().get("dlt").fault(FaultMode.CONNECTION_RESET);
        web.get().uri("/v1/dashboard").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.source").isEqualTo("pinned")
                .jsonPath("$.items.length()").isEqualTo(4)
                .jsonPath("$.items[0].service_id").isEqualTo(ok)
                .jsonPath("$.items[0].status").isEqualTo("ok")
                .jsonPath("$.items[0].data.household.province").isEqualTo("นนทบุรี")
                .jsonPath("$.items[1].status").isEqualTo("timeout")
                .jsonPath("$.items[2].status").isEqualTo("consent_required")
                .jsonPath("$.items[2].code").isEqualTo("consent_required")
                .jsonPath("$.items[3].status").isEqualTo("unavailable");
    }

    @Test
    void pinningWhenUnknownTooManyOrMalformedThen4xxAndPinsUnchanged() {
        String token = citizen();
        web.put().uri("/v1/me/dashboard").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("service_ids", List.of("rd.pit-e-filing", "nope.nothing-here"))).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.unknown_services[0]")
                .isEqualTo("nope.nothing-here");
        web.put().uri("/v1/me/dashboard").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("service_ids", List.of("rd.pit-e-filing", "rd.pit-e-filing"))).exchange()
                .expectStatus().isBadRequest();
        web.put().uri("/v1/me/dashboard").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("service_ids", List.of("rd.pit-e-filing"), "subject_ref", "someone-else"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("unknown_field");
        web.get().uri("/v1/me/dashboard").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.source").isEqualTo("default");
    }
}
