package th.onecitizen.bff.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.onecitizen.bff.support.ApplicationTest;

/** Every malformed request gets a clear 4xx problem document: never a 5xx, a stack trace or an echo of input. */
@ApplicationTest
class ErrorModelTests {

    @Autowired
    WebTestClient http;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private WebTestClient.ResponseSpec post(String body, MediaType type) {
        WebTestClient.RequestBodySpec req = http.post().uri("/test-fixture/echo");
        if (type != null) {
            req = req.contentType(type);
        }
        return req.bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    private static void problem(WebTestClient.ResponseSpec response, int status, String code) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.type").isEqualTo("urn:onecitizen:problem:" + code)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.trace").doesNotExist()
                .jsonPath("$.exception").doesNotExist();
    }

    @Test
    void validRequestWhenWellFormedThenOk() {
        post("{\"name\":\"สมชาย\",\"active\":true,\"count\":3,\"tags\":[]}", MediaType.APPLICATION_JSON)
                .expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("สมชาย");
    }

    @Test
    void malformedJsonWhenPostedThen400MalformedJson() {
        problem(post("{\"name\":", MediaType.APPLICATION_JSON), 400, "malformed_json");
    }

    @Test
    void emptyBodyWhenPostedThen400() {
        post("", MediaType.APPLICATION_JSON).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void validationWhenFieldBlankThen400ValidationFailedNamingTheField() {
        post("{\"name\":\"\",\"active\":true,\"count\":1}", MediaType.APPLICATION_JSON)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("validation_failed")
                .jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void S_IN_01_bodyOverLimitWhenDeclaredThen413BeforeBuffering() {
        String big = "{\"name\":\"" + "a".repeat(300 * 1024) + "\",\"active\":true,\"count\":1}";
        problem(post(big, MediaType.APPLICATION_JSON), 413, "payload_too_large");
    }

    @Test
    void S_IN_02_deeplyNestedJsonWhenPostedThen400WithoutStackOverflow() {
        String deep = "{\"name\":\"x\",\"active\":true,\"count\":1,\"attributes\":{\"a\":" + "[".repeat(10_000)
                + "]".repeat(10_000) + "}}";
        post(deep, MediaType.APPLICATION_JSON).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("malformed_json");
    }

    @Test
    void S_IN_02_hugeNumberWhenPostedThen400() {
        post("{\"name\":\"x\",\"active\":true,\"count\":1e1000000}", MediaType.APPLICATION_JSON)
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void S_IN_04_formBodyToJsonEndpointThen415() {
        problem(post("name=x", MediaType.APPLICATION_FORM_URLENCODED), 415, "unsupported_media_type");
    }

    @Test
    void S_IN_04_textPlainAndXmlToJsonEndpointThen415() {
        problem(post("name", MediaType.TEXT_PLAIN), 415, "unsupported_media_type");
        problem(post("<a/>", MediaType.APPLICATION_XML), 415, "unsupported_media_type");
    }

    @Test
    void S_IN_04_noContentTypeThen415() {
        problem(post("{\"name\":\"x\",\"active\":true,\"count\":1}", null), 415, "unsupported_media_type");
    }

    @Test
    void S_IN_05_unknownFieldWhenMassAssignedThen400UnknownField() {
        post("{\"name\":\"x\",\"active\":true,\"count\":1,\"status\":\"approved\"}", MediaType.APPLICATION_JSON)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("unknown_field").jsonPath("$.field").isEqualTo("status");
    }

    @Test
    void S_IN_06_duplicateKeysWhenPostedThen400() {
        problem(post("{\"name\":\"x\",\"name\":\"y\",\"active\":true,\"count\":1}", MediaType.APPLICATION_JSON),
                400, "malformed_json");
    }

    @Test
    void S_IN_06_stringForBooleanWhenPostedThen400() {
        post("{\"name\":\"x\",\"active\":\"true\",\"count\":1}", MediaType.APPLICATION_JSON)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("validation_failed");
    }

    @Test
    void S_IN_03_malformedUtf8WhenPostedThen400() {
        byte[] bad = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        http.post().uri("/test-fixture/echo").contentType(MediaType.APPLICATION_JSON).bodyValue(bad).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void unknownRouteWhenRequestedThen404Problem() {
        problem(http.get().uri("/no/such/route").exchange(), 404, "not_found");
    }

    @Test
    void wrongMethodWhenRequestedThen405ProblemWithAllow() {
        problem(http.get().uri("/test-fixture/echo").exchange(), 405, "method_not_allowed");
        http.put().uri("/test-fixture/echo").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectHeader().valueEquals("Allow", "POST");
    }

    @Test
    void S_AC_07_pathTricksWhenRequestedThenNoBypass() {
        for (String path : new String[] {"/v1/..;/actuator/env", "/v1/%2e%2e/actuator/env", "//actuator/env",
                "/actuator/env/", "/v1/me/", "/actuator/health/../env"}) {
            HttpStatus status = HttpStatus.valueOf(http.get().uri(java.net.URI.create("http://127.0.0.1:" + port + path))
                    .exchange().returnResult(byte[].class).getStatus().value());
            assertThat(status.value()).as(path).isIn(400, 401, 404, 405);
        }
        http.post().uri("/test-fixture/echo").header("X-HTTP-Method-Override", "DELETE")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"x\",\"active\":true,\"count\":1}")
                .exchange().expectStatus().isOk();
    }

    @Test
    void S_PV_06_actuatorEnvAndHeapdumpWhenRequestedThen404() {
        problem(http.get().uri("/actuator/env").exchange(), 404, "not_found");
        problem(http.get().uri("/actuator/heapdump").exchange(), 404, "not_found");
        problem(http.get().uri("/actuator/configprops").exchange(), 404, "not_found");
    }

    @Test
    void securityHeadersWhenAnyResponseThenPresent() {
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().exists("Content-Security-Policy");
    }

    @Test
    void corsWhenForeignOriginPreflightsThenNoAllowOrigin() {
        http.options().uri("/test-fixture/echo").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").exchange()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }

    @Test
    void openApiDocumentWhenRequestedThenServed() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").exists().jsonPath("$.info.title").isEqualTo("OneCitizen API");
    }
}
