package th.onecitizen.bff.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.mocks.idp.Scenario;
import th.onecitizen.testkit.CitizenIdFixtures;

/** The NDID webhook trusts nothing it is told (S-WH-01..05). */
@ApplicationTest
class WebhookSecurityTests extends AgainstIdentityMocks {

    private String startCiba() throws Exception {
        Map<String, String> form = new LinkedHashMap<>(OAuthDriver.kioskAuth(identity.issuer()));
        form.put("scope", "openid");
        form.put("login_hint", CitizenIdFixtures.random());
        OAuthDriver.Answer a = driver.post("/oauth2/bc-authorize", form, Map.of());
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return (String) a.json().get("auth_req_id");
    }

    private OAuthDriver.Answer poll(String id) throws Exception {
        Thread.sleep(identity.cibaInterval().toMillis() + 50);
        Map<String, String> form = new LinkedHashMap<>(OAuthDriver.kioskAuth(identity.issuer()));
        form.put("grant_type", "urn:openid:params:grant-type:ciba");
        form.put("auth_req_id", id);
        return driver.post("/oauth2/token", form, Map.of());
    }

    private int callback(String url, Map<String, Object> body) throws Exception {
        return driver.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(OAuthDriver.JSON.writeValueAsString(body))).build())
                .status();
    }

    private static Map<String, Object> completed(String requestId, String referenceId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "request_status");
        body.put("request_id", requestId);
        body.put("reference_id", referenceId);
        body.put("status", "completed");
        body.put("closed", true);
        body.put("timed_out", false);
        body.put("response_list", java.util.List.of(Map.of("idp_id", "forged", "ial", 3, "aal", 3,
                "status", "accept", "valid_signature", true, "valid_ial", true)));
        return body;
    }

    @Test
    void S_WH_01_aCallbackWithoutTheSecretIsRefusedAndChangesNothing() throws Exception {
        mocks.mocks().scenario("ndid", Scenario.SLOW);
        String id = startCiba();
        Map<String, String> last = mocks.mocks().lastNdidRequest();
        assertThat(callback(identity.issuer() + "/oauth2/ndid/callback/" + "A".repeat(43),
                completed(last.get("request_id"), last.get("reference_id")))).isEqualTo(401);
        assertThat(callback(identity.issuer() + "/oauth2/ndid/callback/x", completed(last.get("request_id"),
                last.get("reference_id")))).isEqualTo(401);
        assertThat(poll(id).json()).containsEntry("error", "authorization_pending");
    }

    @Test
    void S_WH_02_anotherRequestIdOrReferenceIsIgnored() throws Exception {
        mocks.mocks().scenario("ndid", Scenario.SLOW);
        String id = startCiba();
        Map<String, String> last = mocks.mocks().lastNdidRequest();
        assertThat(callback(last.get("callback_url"), completed("other-request", last.get("reference_id"))))
                .isEqualTo(204);
        assertThat(callback(last.get("callback_url"), completed(last.get("request_id"), "other-reference")))
                .isEqualTo(204);
        assertThat(poll(id).json()).containsEntry("error", "authorization_pending");
    }

    @Test
    void S_WH_03_duplicateAndLateCallbacksIssueTokensOnceAndOnlyMoveForward() throws Exception {
        String id = startCiba();
        Map<String, String> last = mocks.mocks().lastNdidRequest();
        Thread.sleep(600);
        Map<String, Object> pending = completed(last.get("request_id"), last.get("reference_id"));
        pending.put("status", "pending");
        for (int i = 0; i < 3; i++) {
            assertThat(callback(last.get("callback_url"), completed(last.get("request_id"),
                    last.get("reference_id")))).isEqualTo(204);
            assertThat(callback(last.get("callback_url"), pending)).isEqualTo(204);
        }
        OAuthDriver.Answer first = poll(id);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(poll(id).json()).containsEntry("error", "invalid_grant");
    }

    @Test
    void S_WH_04_completionBelowTheMinimumOrWithInvalidSignatureIsDenied() throws Exception {
        for (Scenario s : new Scenario[] {Scenario.NDID_LOW_IAL, Scenario.NDID_INVALID_SIGNATURE}) {
            mocks.mocks().scenario("ndid", s);
            String id = startCiba();
            OAuthDriver.Answer a = poll(id);
            for (int i = 0; i < 10 && "authorization_pending".equals(a.json().get("error")); i++) {
                a = poll(id);
            }
            assertThat(a.json()).as(s.name()).containsEntry("error", "access_denied");
        }
    }

    @Test
    void S_WH_05_aForgedCompletionIssuesNothingUntilTheNodeAgrees() throws Exception {
        mocks.mocks().scenario("ndid", Scenario.SLOW);
        String id = startCiba();
        Map<String, String> last = mocks.mocks().lastNdidRequest();
        assertThat(callback(last.get("callback_url"), completed(last.get("request_id"), last.get("reference_id"))))
                .isEqualTo(204);
        assertThat(poll(id).json()).containsEntry("error", "authorization_pending");
        // once the citizen really accepts at the IdP, the node agrees and the token comes
        driver.send(HttpRequest.newBuilder(URI.create(mocks.mocks().baseUrl() + "/ndid/idp/requests/"
                + last.get("request_id"))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("answer=accept")).build());
        OAuthDriver.Answer a = poll(id);
        for (int i = 0; i < 10 && "authorization_pending".equals(a.json().get("error")); i++) {
            a = poll(id);
        }
        assertThat(a.status()).as(a.body()).isEqualTo(200);
    }
}
