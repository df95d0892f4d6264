package th.onecitizen.bff.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.mocks.idp.Scenario;
import th.onecitizen.testkit.CitizenIdFixtures;

/** NDID end to end: the authorize flow with its waiting page, and CIBA poll mode for the kiosk. */
@ApplicationTest
class NdidFlowTests extends AgainstIdentityMocks {

    /** Our own origin, which a browser sends with a POST from one of our pages. */
    String ownOrigin() {
        java.net.URI issuer = java.net.URI.create(identity.issuer());
        return issuer.getScheme() + "://" + issuer.getRawAuthority();
    }

    /** Posts the authorize form, with the given header names and values (as a browser would add them). */
    OAuthDriver.Answer postAuthorize(Map<String, String> params, String... headers) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(identity.issuer() + "/oauth2/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return driver.send(request.POST(java.net.http.HttpRequest.BodyPublishers.ofString(OAuthDriver.query(params)))
                .build());
    }

    /** Follows the waiting page until it redirects to the app. */
    Map<String, String> throughWaitingPage(Map<String, String> params) throws Exception {
        OAuthDriver.Answer a = driver.get("/oauth2/authorize?" + OAuthDriver.query(params));
        assertThat(a.status()).isEqualTo(302);
        String wait = a.location();
        assertThat(wait).contains("/oauth2/ndid/wait/");
        for (int i = 0; i < 50; i++) {
            OAuthDriver.Answer w = driver.get(wait);
            if (w.status() == 302) {
                return OAuthDriver.queryOf(w.location());
            }
            assertThat(w.status()).isEqualTo(200);
            assertThat(w.body()).contains("http-equiv=\"refresh\"");
            Thread.sleep(100);
        }
        throw new AssertionError("the waiting page never completed");
    }

    @Test
    void ndidLoginCompletesThroughTheWaitingPage() throws Exception {
        String verifier = OAuthDriver.verifier();
        Map<String, String> params = OAuthDriver.authorizeParams("ndid", CitizenIdFixtures.random(), verifier);
        Map<String, String> callback = throughWaitingPage(params);
        assertThat(callback).containsKey("code").containsEntry("state", params.get("state"))
                .containsEntry("iss", identity.issuer());
        OAuthDriver.Answer t = driver.post("/oauth2/token", Map.of("grant_type", "authorization_code", "code",
                callback.get("code"), "redirect_uri", OAuthDriver.APP_REDIRECT, "client_id", "superapp",
                "code_verifier", verifier), Map.of());
        assertThat(t.status()).as(t.body()).isEqualTo(200);
        assertThat(SignedJWT.parse((String) t.json().get("access_token")).getJWTClaimsSet().getStringClaim("idp"))
                .isEqualTo("ndid");
    }

    @Test
    void ndidWithoutACitizenIdAsksForItAndContinuesAfterThePost() throws Exception {
        Map<String, String> params = OAuthDriver.authorizeParams("ndid", null, OAuthDriver.verifier());
        OAuthDriver.Answer form = driver.get("/oauth2/authorize?" + OAuthDriver.query(params));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"login_hint\"").contains("action=\"/oauth2/authorize\"");
        params.put("login_hint", "1234567890123");
        assertThat(driver.get("/oauth2/authorize?" + OAuthDriver.query(params)).status()).isEqualTo(400);
        params.put("login_hint", CitizenIdFixtures.random());
        OAuthDriver.Answer posted = postAuthorize(params);
        assertThat(posted.status()).isEqualTo(303);
        assertThat(posted.location()).contains("/oauth2/ndid/wait/");
    }

    /**
     * Our pages allow form submissions to this origin only (CSP {@code form-action 'self'}), and browsers apply that
     * to every redirect after the submission: the form's way to the waiting page must not end at the app, or the
     * browser stays on the form. Even when NDID has answered before the page's first load, that load shows the page,
     * whose refresh (no form submission) then reaches the redirect to the app.
     */
    @Test
    void theCitizenIdFormLeadsToTheWaitingPageEvenWhenNdidHasAlreadyAnswered() throws Exception {
        Map<String, String> params = OAuthDriver.authorizeParams("ndid", CitizenIdFixtures.random(),
                OAuthDriver.verifier());
        // as a browser sends it from our page, whose Referrer-Policy: no-referrer makes the Origin null
        OAuthDriver.Answer posted = postAuthorize(params, "Origin", "null", "Sec-Fetch-Site", "same-origin");
        assertThat(posted.status()).isEqualTo(303);
        String first = posted.location();
        assertThat(first).contains("/oauth2/ndid/wait/").endsWith("?after=form");
        String page = first.substring(0, first.indexOf('?'));
        Thread.sleep(1500); // the demo's NDID node approves after 150 ms
        OAuthDriver.Answer shown = driver.get(first);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("http-equiv=\"refresh\" content=\"1; url="
                + page.substring(page.indexOf("/oauth2/ndid/wait/")) + "\"");
        OAuthDriver.Answer done = driver.get(page);
        assertThat(done.status()).isEqualTo(302);
        assertThat(OAuthDriver.queryOf(done.location())).containsKey("code")
                .containsEntry("state", params.get("state"));
    }

    /**
     * The form's answer when NDID cannot start goes back to the app by a page, not a blocked redirect; a client's own
     * page posting to authorize (another Origin) still gets the redirect.
     */
    @Test
    void theCitizenIdFormReturnsToTheAppByAPageWhenNdidIsDown() throws Exception {
        mocks.mocks().scenario("ndid", Scenario.DOWN);
        Map<String, String> params = OAuthDriver.authorizeParams("ndid", CitizenIdFixtures.random(),
                OAuthDriver.verifier());
        OAuthDriver.Answer posted = postAuthorize(params, "Origin", ownOrigin());
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.location()).isNull();
        String target = OAuthDriver.APP_REDIRECT + "?error=";
        assertThat(posted.body()).contains("http-equiv=\"refresh\" content=\"0; url=" + target)
                .contains("<a id=\"continue\" href=\"" + target).contains("state=" + params.get("state"));
        OAuthDriver.Answer fromClient = postAuthorize(params, "Origin", "https://app.example");
        assertThat(fromClient.status()).isEqualTo(303);
        assertThat(fromClient.location()).startsWith(target);
    }

    @Test
    void ndidRejectionEndsTheAppFlowWithAccessDenied() throws Exception {
        mocks.mocks().scenario("ndid", Scenario.NDID_REJECTED);
        Map<String, String> callback = throughWaitingPage(OAuthDriver.authorizeParams("ndid",
                CitizenIdFixtures.random(), OAuthDriver.verifier()));
        assertThat(callback).containsEntry("error", "access_denied").containsEntry("iss", identity.issuer());
    }

    Map<String, String> cibaForm(String cid) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(OAuthDriver.kioskAuth(identity.issuer()));
        form.put("scope", "openid profile");
        form.put("login_hint", cid);
        form.put("binding_message", "Counter 4");
        return form;
    }

    OAuthDriver.Answer poll(String authReqId) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(OAuthDriver.kioskAuth(identity.issuer()));
        form.put("grant_type", "urn:openid:params:grant-type:ciba");
        form.put("auth_req_id", authReqId);
        return driver.post("/oauth2/token", form, Map.of());
    }

    OAuthDriver.Answer pollUntilAnswered(String authReqId) throws Exception {
        for (int i = 0; i < 20; i++) {
            Thread.sleep(identity.cibaInterval().toMillis() + 50);
            OAuthDriver.Answer a = poll(authReqId);
            if (a.status() == 200 || !"authorization_pending".equals(a.json().get("error"))) {
                return a;
            }
        }
        throw new AssertionError("CIBA never completed");
    }

    @Test
    void cibaWithNdidIssuesTokensToTheKiosk() throws Exception {
        OAuthDriver.Answer start = driver.post("/oauth2/bc-authorize", cibaForm(CitizenIdFixtures.random()),
                Map.of());
        assertThat(start.status()).as(start.body()).isEqualTo(200);
        assertThat(start.json()).containsKeys("auth_req_id", "expires_in", "interval");
        OAuthDriver.Answer done = pollUntilAnswered((String) start.json().get("auth_req_id"));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json()).containsKeys("access_token", "id_token", "refresh_token");
        // the auth_req_id is spent
        OAuthDriver.Answer again = poll((String) start.json().get("auth_req_id"));
        assertThat(again.json()).containsEntry("error", "invalid_grant");
    }

    @Test
    void cibaMapsNdidOutcomesToStandardErrors() throws Exception {
        mocks.mocks().scenario("ndid", Scenario.NDID_REJECTED);
        OAuthDriver.Answer rejected = driver.post("/oauth2/bc-authorize", cibaForm(CitizenIdFixtures.random()),
                Map.of());
        assertThat(pollUntilAnswered((String) rejected.json().get("auth_req_id")).json())
                .containsEntry("error", "access_denied");
        mocks.mocks().scenario("ndid", Scenario.NDID_TIMED_OUT);
        OAuthDriver.Answer timedOut = driver.post("/oauth2/bc-authorize", cibaForm(CitizenIdFixtures.random()),
                Map.of());
        assertThat(pollUntilAnswered((String) timedOut.json().get("auth_req_id")).json())
                .containsEntry("error", "expired_token");
        mocks.mocks().scenario("ndid", Scenario.NDID_COMPLICATED);
        OAuthDriver.Answer complicated = driver.post("/oauth2/bc-authorize", cibaForm(CitizenIdFixtures.random()),
                Map.of());
        assertThat(pollUntilAnswered((String) complicated.json().get("auth_req_id")).json())
                .containsEntry("error", "access_denied");
    }
}
