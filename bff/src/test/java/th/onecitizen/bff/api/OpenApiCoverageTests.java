package th.onecitizen.bff.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import th.onecitizen.bff.support.ApplicationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The served OpenAPI document covers every JSON endpoint of the application, as endpoints are added. */
@ApplicationTest
class OpenApiCoverageTests {

    @Autowired
    WebTestClient http;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void apiDocsWhenServedThenEveryJsonEndpointIsDescribed() {
        byte[] doc = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        JsonNode paths = JsonMapper.builder().build().readTree(doc).get("paths");
        Set<String> documented = new TreeSet<>(paths.propertyNames());

        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            String type = method.getBeanType().getName();
            boolean html = info.getProducesCondition().getProducibleMediaTypes().stream()
                    .anyMatch(MediaType.TEXT_HTML::isCompatibleWith);
            if (type.startsWith("th.onecitizen.bff") && !type.contains("Fixture") && !html) {
                info.getPatternsCondition().getPatterns().forEach(p -> endpoints.add(p.getPatternString()));
            }
        });

        assertThat(endpoints).isNotEmpty();
        assertThat(documented).containsAll(endpoints);
    }
}
