package th.onecitizen.bff.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.onecitizen.bff.support.ApplicationTest;

/** With configured origins CORS opens for exactly those origins, without credentials. */
@ApplicationTest
@TestPropertySource(properties = "onecitizen.web.cors-allowed-origins=https://app.onecitizen.example")
class CorsTests {

    @Autowired
    WebTestClient http;

    @Test
    void preflightWhenConfiguredOriginThenAllowedWithoutCredentials() {
        http.options().uri("/actuator/health").header("Origin", "https://app.onecitizen.example")
                .header("Access-Control-Request-Method", "GET").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://app.onecitizen.example")
                .expectHeader().doesNotExist("Access-Control-Allow-Credentials");
    }

    @Test
    void preflightWhenOtherOriginThenRefused() {
        http.options().uri("/actuator/health").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET").exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }

    /** The token endpoint answers ahead of the security chain (TokenEndpoint) and applies the same CORS rules. */
    @Test
    void tokenEndpointWhenConfiguredOriginThenAllowedAndOtherOriginRefused() {
        http.post().uri("/oauth2/token").header("Origin", "https://app.onecitizen.example")
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=refresh_token&client_id=superapp&refresh_token=unknown").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://app.onecitizen.example")
                .expectHeader().doesNotExist("Access-Control-Allow-Credentials");
        http.post().uri("/oauth2/token").header("Origin", "https://evil.example")
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=refresh_token&client_id=superapp&refresh_token=unknown").exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin")
                .expectBody().isEmpty();
    }
}
