package th.onecitizen.bff.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.onecitizen.bff.support.ApplicationTest;

@ApplicationTest
class ConsentEndpointsTests {

    @Autowired
    WebTestClient web;

    @Test
    void jwksWhenFetchedAnonymouslyThenPublicReceiptKeyOnly() {
        Map<?, ?> jwks = web.get().uri("/v1/consent-receipts/jwks").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        List<?> keys = (List<?>) jwks.get("keys");
        assertThat(keys).singleElement().satisfies(k -> {
            Map<?, ?> key = (Map<?, ?>) k;
            assertThat(key.get("kid").toString()).contains("DEMO-ONLY");
            assertThat(key.containsKey("d")).isFalse();
        });
    }

    @Test
    void consentsWhenNoTokenThenUnauthorizedProblem() {
        web.get().uri("/v1/me/consents").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType("application/problem+json");
    }
}
