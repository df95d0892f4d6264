package th.onecitizen.bff.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Small factories for the PDPA application tests: purposes registered through the admin API, consents granted and
 * withdrawn through the citizen API, each returning the JSON the API answered (snake_case).
 */
public final class PdpaFixtures {

    private final WebTestClient web;
    private final TestTokens tokens;

    public PdpaFixtures(WebTestClient web, TestTokens tokens) {
        this.web = web;
        this.tokens = tokens;
    }

    /**
     * A client that reads exports whole: the record of processing covers every purpose in the database, which grows
     * from run to run, so it is read as the export it is, not within the default 256 KiB of a single API answer.
     */
    public static WebTestClient forExports(WebTestClient web) {
        return web.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024)).build();
    }

    /** A fresh purpose id. */
    public static String purposeId() {
        return "test.pdpa-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid consent-based purpose body of {@code agency} for {@code categories}; callers vary it. */
    public static Map<String, Object> purpose(String id, String agency, List<String> categories) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("id", id);
        b.put("agency_id", agency);
        b.put("operations", List.of("op-1"));
        b.put("basis", "consent");
        b.put("categories", categories);
        b.put("recipients", List.of("government agency"));
        b.put("retention_days", 365);
        b.put("cross_border", "none");
        b.put("required_by", "none");
        b.put("processors", List.of("OneCitizen connectors"));
        b.put("security_measures", "TLS 1.3, encryption at rest, role-based access, audit trail");
        b.put("title_th", "แบ่งปันข้อมูลเพื่อบริการ");
        b.put("title_en", "Share data for the service");
        b.put("body_th", "เราจะส่งข้อมูลของท่านไปยังหน่วยงานเพื่อให้บริการ");
        b.put("body_en", "We send your data to the agency to serve you.");
        b.put("refusal_effect_th", "ท่านจะไม่ได้รับบริการนี้");
        b.put("refusal_effect_en", "You will not receive this service.");
        return b;
    }

    /** Registers a purpose as an operator; fails the test unless 201. */
    public Map<String, Object> register(Map<String, Object> body) {
        return json(web.post().uri("/admin/v1/purposes").headers(h -> h.setBearerAuth(tokens.admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isCreated());
    }

    /** Registers a consent-based purpose of {@code agency} for {@code categories}; returns its id. */
    public String consentPurpose(String agency, List<String> categories) {
        String id = purposeId();
        register(purpose(id, agency, categories));
        return id;
    }

    /** A grant body for notice version 1 in English, ticked by the citizen. */
    public static Map<String, Object> grant(String purposeId) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("purpose_id", purposeId);
        b.put("notice_version", 1);
        b.put("language", "en");
        b.put("explicit_act", true);
        return b;
    }

    /** POSTs a grant as {@code subject}; the caller asserts the status. */
    public WebTestClient.ResponseSpec postGrant(String subject, Map<String, Object> body) {
        return web.post().uri("/v1/me/consents").headers(h -> {
            h.setBearerAuth(tokens.citizen(subject, TestTokens.IAL_2_3));
            h.set("Idempotency-Key", UUID.randomUUID().toString());
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** Grants consent to {@code purposeId} as {@code subject}; returns the response ({@code consent}, {@code receipt}). */
    public Map<String, Object> granted(String subject, String purposeId) {
        return json(postGrant(subject, grant(purposeId)).expectStatus().isCreated());
    }

    /** The consent id in a grant or withdrawal response. */
    @SuppressWarnings("unchecked")
    public static String consentId(Map<String, Object> change) {
        return (String) ((Map<String, Object>) change.get("consent")).get("consent_id");
    }

    /** POSTs a withdrawal as {@code subject}; the caller asserts the status. */
    public WebTestClient.ResponseSpec postWithdraw(String subject, String consentId) {
        return web.post().uri("/v1/me/consents/{id}/withdraw", consentId).headers(h -> {
            h.setBearerAuth(tokens.citizen(subject, TestTokens.IAL_2_3));
            h.set("Idempotency-Key", UUID.randomUUID().toString());
        }).exchange();
    }

    /** POSTs a privacy request as {@code subject}; the caller asserts the status. */
    public WebTestClient.ResponseSpec postPrivacyRequest(String subject, Map<String, Object> body) {
        return web.post().uri("/v1/me/privacy-requests").headers(h -> {
            h.setBearerAuth(tokens.citizen(subject, TestTokens.IAL_2_3));
            h.set("Idempotency-Key", UUID.randomUUID().toString());
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** GETs {@code uri} with {@code token}; the caller asserts the status. */
    public WebTestClient.ResponseSpec get(String token, String uri, Object... vars) {
        return web.get().uri(uri, vars).headers(h -> h.setBearerAuth(token)).exchange();
    }

    /** POSTs JSON to {@code uri} with {@code token}; the caller asserts the status. */
    public WebTestClient.ResponseSpec post(String token, String uri, Object body, Object... vars) {
        WebTestClient.RequestBodySpec spec = web.post().uri(uri, vars).headers(h -> h.setBearerAuth(token));
        return body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    /** The response body as a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(WebTestClient.ResponseSpec spec) {
        return (Map<String, Object>) spec.expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Asserts a problem document with {@code status} and {@code code}; returns it. */
    public static Map<String, Object> problem(WebTestClient.ResponseSpec spec, int status, String code) {
        Map<String, Object> p = json(spec.expectStatus().isEqualTo(status).expectHeader()
                .contentType("application/problem+json"));
        org.assertj.core.api.Assertions.assertThat(p).containsEntry("code", code);
        return p;
    }
}
