package th.onecitizen.bff.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static th.onecitizen.bff.support.PdpaFixtures.json;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.bff.support.PdpaFixtures;
import th.onecitizen.bff.support.TestSubjectFacts;
import th.onecitizen.bff.support.TestTokens;

/**
 * PDPA s33 (R33.1) over HTTP: erasure reaches the copies outside the consent tables, the responses stored in Redis
 * for Idempotency-Key replays and the dashboard pins, and a re-query proves them gone.
 */
@ApplicationTest
class ErasureReachPdpaTests {

    @Autowired
    WebTestClient web;
    @Autowired
    TestTokens tokens;
    @Autowired
    TestSubjectFacts facts;
    @Autowired
    ReactiveRedisConnectionFactory redisConnections;
    @Autowired
    DatabaseClient db;

    PdpaFixtures api;

    @BeforeEach
    void fixtures() {
        api = new PdpaFixtures(web, tokens);
    }

    private List<String> storedResponses(String subject) {
        return new ReactiveStringRedisTemplate(redisConnections).scan(ScanOptions.scanOptions()
                .match("oc:cns:idem:" + subject + ":*").count(500).build()).collectList().block();
    }

    private long pins(String subject) {
        return db.sql("SELECT count(*) FROM connectors.dashboard_pins WHERE subject_ref = :s").bind("s", subject)
                .map(r -> r.get(0, Long.class)).one().block();
    }

    @Test
    void R33_1_erasureReachesStoredResponsesInRedisAndDashboardPinsProvenByARequery() {
        String subject = facts.adult();
        String other = facts.adult();
        String purpose = api.consentPurpose("agency-r33-1b", List.of("address"));
        api.granted(subject, purpose);
        api.granted(other, purpose);
        String token = tokens.citizen(subject, TestTokens.IAL_2_3);
        web.put().uri("/v1/me/dashboard").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("service_ids", List.of("rd.pit-e-filing"))).exchange().expectStatus().isOk();
        assertThat(storedResponses(subject)).hasSize(1);
        assertThat(pins(subject)).isEqualTo(1);

        Map<String, Object> erasure = json(api.postPrivacyRequest(subject, Map.of("type", "erasure"))
                .expectStatus().isCreated());

        assertThat(erasure).containsEntry("status", "fulfilled");
        assertThat((String) erasure.get("outcome")).contains("stored responses of idempotent requests",
                "dashboard pins (1)");
        // only the erasure request's own answer is stored again (it answers a retry of that request)
        assertThat(storedResponses(subject)).singleElement().satisfies(k -> assertThat(
                new ReactiveStringRedisTemplate(redisConnections).opsForValue().get(k).block())
                .contains("\"type\":\"erasure\"").doesNotContain(purpose));
        assertThat(pins(subject)).isZero();
        web.get().uri("/v1/me/dashboard").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.source").isEqualTo("default");
        assertThat(storedResponses(other)).hasSize(1);
    }
}
