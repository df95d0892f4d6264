package th.onecitizen.bff.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.onecitizen.bff.support.ApplicationTest;

/**
 * The token endpoint is answered ahead of the security chain and the handler mapping ({@link TokenEndpoint}): its
 * responses must still look like every other endpoint's (the chain's security headers) and be measured like them.
 */
@ApplicationTest
class TokenEndpointTests {

    private static final List<String> EDGE_HEADERS = List.of("X-Content-Type-Options", "X-Frame-Options",
            "X-XSS-Protection", "Content-Security-Policy", "Referrer-Policy");

    @Autowired
    WebTestClient http;

    @Autowired
    MeterRegistry meters;

    @Test
    void responsesWhenSuccessOrErrorThenSameSecurityHeadersAsBehindTheChain() {
        HttpHeaders behindChain = http.post().uri("/oauth2/revoke")
                .header("Authorization", OAuthDriver.basic("agency-demo", "agency-demo-secret"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("token=unknown")
                .exchange().expectStatus().isOk().returnResult(byte[].class).getResponseHeaders();
        HttpHeaders granted = http.post().uri("/oauth2/token")
                .header("Authorization", OAuthDriver.basic("agency-demo", "agency-demo-secret"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("grant_type=client_credentials")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectHeader().valueEquals("Pragma", "no-cache")
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.access_token").isNotEmpty().jsonPath("$.token_type").isEqualTo("Bearer")
                .returnResult().getResponseHeaders();
        HttpHeaders refused = http.post().uri("/oauth2/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=refresh_token&client_id=superapp&refresh_token=unknown")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody().jsonPath("$.error").isEqualTo("invalid_grant")
                .returnResult().getResponseHeaders();
        for (String name : EDGE_HEADERS) {
            assertThat(behindChain.get(name)).as(name).isNotEmpty();
            assertThat(granted.get(name)).as(name).isEqualTo(behindChain.get(name));
            assertThat(refused.get(name)).as(name).isEqualTo(behindChain.get(name));
        }
        assertThat(granted.getContentLength()).isPositive();
    }

    @Test
    void requestWhenAnsweredThenMeasuredUnderItsPath() {
        http.post().uri("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=refresh_token&client_id=superapp&refresh_token=unknown")
                .exchange().expectStatus().isBadRequest();
        assertThat(meters.find("http.server.requests").tag("uri", "/oauth2/token").tag("status", "400").timer())
                .isNotNull()
                .satisfies(t -> assertThat(t.count()).isPositive());
    }

    @Test
    void otherMethodsWhenSentThenNotAnsweredByTheFilter() {
        http.get().uri("/oauth2/token").exchange().expectStatus().isEqualTo(405)
                .expectHeader().valueEquals("Allow", "POST");
        http.post().uri("/oauth2/token/").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=client_credentials").exchange().expectStatus().isNotFound();
    }
}
