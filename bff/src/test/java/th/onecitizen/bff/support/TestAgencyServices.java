package th.onecitizen.bff.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.onecitizen.bff.support.TestTokens;
import th.onecitizen.mocks.agency.SampleAgency;

/**
 * Services registered for a test through the agency and admin APIs, each on one of this application's sample
 * agencies, so that a test owns its service and counts exactly the requests its agency received. Bodies are built
 * as the agency API's snake_case JSON.
 */
public final class TestAgencyServices {

    private final WebTestClient web;
    private final TestTokens tokens;

    public TestAgencyServices(WebTestClient web, TestTokens tokens) {
        this.web = web;
        this.tokens = tokens;
    }

    /** A fresh slug. */
    public static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The agency client token of {@code agencyId}. */
    public String agencyToken(String agencyId) {
        return tokens.agency(agencyId + "-client", agencyId);
    }

    /** A service body on {@code mock}: one GET summary operation, for {@code purpose} on {@code basis}. */
    public static Map<String, Object> body(String slug, SampleAgency mock, String category, String purpose, String basis,
            List<String> receives) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("name", Map.of("th", "บริการทดสอบ " + slug, "en", "Test service " + slug));
        body.put("description", Map.of("th", "บริการสำหรับการทดสอบ", "en", "A service for tests"));
        body.put("category", category);
        body.put("tags", List.of("test"));
        body.put("min_assurance", Map.of("ial", "2.1", "aal", "2.1"));
        body.put("operations", new ArrayList<>(List.of(operation("summary", "GET", mock, purpose, basis, receives,
                true))));
        body.put("connector", connector(mock.baseUrl(), mock.profile().id() + "-key", 1000, 4));
        return body;
    }

    /** An operation on the mock's summary path. */
    public static Map<String, Object> operation(String id, String method, SampleAgency mock, String purpose, String basis,
            List<String> receives, boolean idempotent) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("id", id);
        op.put("name", Map.of("th", "ข้อมูลสรุป", "en", "Summary"));
        op.put("method", method);
        op.put("path_template", mock.profile().path());
        op.put("request_schema", "POST".equals(method) ? Map.of("type", "object") : null);
        op.put("response_schema", Map.of("type", "object"));
        op.put("idempotent", idempotent);
        op.put("sends_categories", List.of());
        op.put("receives_categories", receives);
        op.put("purpose_id", purpose);
        op.put("lawful_basis", basis);
        op.put("dashboard", "GET".equals(method));
        return op;
    }

    /** A connector with an API key, {@code timeoutMillis} per attempt and a breaker judging {@code minimumCalls}. */
    public static Map<String, Object> connector(String baseUrl, String secretRef, int timeoutMillis, int minimumCalls) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("base_url", baseUrl);
        c.put("auth", Map.of("type", "api_key", "header", "X-API-Key", "secret_ref", secretRef));
        c.put("timeout_millis", timeoutMillis);
        c.put("max_concurrent", 20);
        c.put("rate_per_second", 1000);
        c.put("breaker", Map.of("failure_rate_percent", 50, "slow_call_millis", 10_000, "slow_call_rate_percent", 100,
                "minimum_calls", minimumCalls, "window_size", minimumCalls, "open_seconds", 60));
        c.put("retry", Map.of("max_attempts", 1, "initial_backoff_millis", 50));
        c.put("max_response_bytes", 262_144);
        return c;
    }

    /** Creates the service as {@code agencyId}'s client; returns its id. */
    public String create(String agencyId, Map<String, Object> body) {
        Map<?, ?> created = web.post().uri("/agency/v1/services").headers(h -> h.setBearerAuth(agencyToken(agencyId)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("id");
    }

    /** Creates, submits and approves the service: it is active and in the catalogue. */
    public String active(String agencyId, Map<String, Object> body) {
        String id = create(agencyId, body);
        web.post().uri("/agency/v1/services/{id}/submit", id).headers(h -> h.setBearerAuth(agencyToken(agencyId)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("pending");
        web.post().uri("/admin/v1/services/{id}/approve", id).headers(h -> h.setBearerAuth(tokens.admin()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("active");
        return id;
    }
}
