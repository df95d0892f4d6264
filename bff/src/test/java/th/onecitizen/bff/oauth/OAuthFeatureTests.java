package th.onecitizen.bff.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.identity.IdentityProperties;
import th.onecitizen.identity.citizen.VerifiedIdentity;
import th.onecitizen.identity.upstream.ThaidProvider;
import th.onecitizen.identity.upstream.UpstreamLogin;
import th.onecitizen.testkit.CitizenIdFixtures;

/** acr_values routing, RP-initiated logout, and ThaiD's second token-response shape. */
@ApplicationTest
class OAuthFeatureTests extends AgainstIdentityMocks {

    @Test
    void acrValuesRouteToProvidersAbleToReachThemAndNeverIssueLess() throws Exception {
        Map<String, String> p = OAuthDriver.authorizeParams(null, null, OAuthDriver.verifier());
        p.put("acr_values", "urn:th:ial:2.3:aal:2.2");
        OAuthDriver.Answer chooser = driver.get("/oauth2/authorize?" + OAuthDriver.query(p));
        assertThat(chooser.body()).contains("idp-thaid").contains("idp-ndid").doesNotContain("idp-paotang")
                .doesNotContain("idp-mophid");
        Map<String, String> weak = OAuthDriver.authorizeParams("paotang", CitizenIdFixtures.random(),
                OAuthDriver.verifier());
        weak.put("acr_values", "urn:th:ial:2.3:aal:2.2");
        assertThat(driver.authorize(weak)).containsEntry("error", "unmet_authentication_requirements");
        Map<String, String> impossible = OAuthDriver.authorizeParams(null, null, OAuthDriver.verifier());
        impossible.put("acr_values", "urn:th:ial:3:aal:3");
        assertThat(driver.authorize(impossible)).containsEntry("error", "unmet_authentication_requirements");
        Map<String, String> ok = OAuthDriver.authorizeParams("thaid", CitizenIdFixtures.random(),
                OAuthDriver.verifier());
        ok.put("acr_values", "urn:th:ial:2.3");
        assertThat(driver.authorize(ok)).containsKey("code");
    }

    @Test
    void logoutWithAnIdTokenHintEndsTheGrantAndReturnsToTheRegisteredUri() throws Exception {
        String verifier = OAuthDriver.verifier();
        Map<String, String> cb = driver.authorize(OAuthDriver.authorizeParams("thaid", CitizenIdFixtures.random(),
                verifier));
        Map<String, Object> tokens = driver.post("/oauth2/token", Map.of("grant_type", "authorization_code", "code",
                cb.get("code"), "redirect_uri", OAuthDriver.APP_REDIRECT, "client_id", "superapp", "code_verifier",
                verifier), Map.of()).json();
        OAuthDriver.Answer logout = driver.get("/oauth2/logout?id_token_hint=" + tokens.get("id_token")
                + "&post_logout_redirect_uri=http%3A%2F%2F127.0.0.1%2Flogout&state=bye");
        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.location()).isEqualTo("http://127.0.0.1/logout?state=bye");
        assertThat(driver.send(HttpRequest.newBuilder(URI.create(identity.issuer() + "/v1/me"))
                .header("Authorization", "Bearer " + tokens.get("access_token")).build()).status()).isEqualTo(401);
        assertThat(driver.post("/oauth2/token", Map.of("grant_type", "refresh_token", "client_id", "superapp",
                "refresh_token", (String) tokens.get("refresh_token")), Map.of()).json())
                .containsEntry("error", "invalid_grant");
    }

    @Test
    void aProviderThatKeepsFailingOpensItsBreakerAndLaterCallsFailFast() throws Exception {
        IdentityProperties.ProviderProperties moph = identity.providers().get("mophid");
        th.onecitizen.identity.upstream.MophIdProvider provider = new th.onecitizen.identity.upstream.MophIdProvider(
                "mophid", moph, WebClient.builder(), Clock.systemUTC());
        UpstreamLogin login = new UpstreamLogin("st", "n", OAuthDriver.verifier(), "http://127.0.0.1/rp-cb", null);
        mocks.mocks().scenario("mophid", th.onecitizen.mocks.idp.Scenario.DOWN);
        try {
            for (int i = 0; i < 6; i++) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> provider.redeem("c", login)
                        .block(Duration.ofSeconds(20))).isInstanceOf(th.onecitizen.identity.upstream
                                .UpstreamException.class);
            }
        } finally {
            mocks.mocks().reset();
        }
        // the provider is healthy again, but the open breaker answers at once without calling it
        long t0 = System.nanoTime();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> provider.redeem("c", login)
                .block(Duration.ofSeconds(20))).isInstanceOfSatisfying(th.onecitizen.identity.upstream
                        .UpstreamException.class, e -> {
                            assertThat(e.oauthError()).isEqualTo("temporarily_unavailable");
                            assertThat(e.getMessage()).isEqualTo("circuit open");
                        });
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void thaidWithoutOpenidAnswersFlatClaimsAndTheAdapterAcceptsThem() throws Exception {
        IdentityProperties.ProviderProperties configured = identity.providers().get("thaid");
        IdentityProperties.ProviderProperties flat = new IdentityProperties.ProviderProperties("thaid", true,
                configured.baseUrl(), null, configured.clientId(), configured.clientSecret(),
                List.of("pid", "name", "name_en", "birthdate"), Duration.ofSeconds(10), "2.3", "2.2", null, null,
                null);
        ThaidProvider provider = new ThaidProvider("thaid", flat, WebClient.builder(), Clock.systemUTC());
        String cid = CitizenIdFixtures.random();
        String verifier = OAuthDriver.verifier();
        UpstreamLogin login = new UpstreamLogin("st", "nonce-1", verifier, "http://127.0.0.1/rp-cb", cid);
        OAuthDriver.Answer back = driver.get(provider.authorizationUri(login).toString());
        String code = OAuthDriver.queryOf(back.location()).get("code");
        for (int i = 0; i < 2; i++) {
            // twice: the mock alternates expires_in (duration) and expire_in (absolute time)
            VerifiedIdentity identity = provider.redeem(code, login).block(Duration.ofSeconds(20));
            assertThat(identity.citizenId()).isEqualTo(cid);
            assertThat(identity.claims().nameEn()).isNotBlank();
            assertThat(identity.claims().birthDate()).isNotNull();
            code = OAuthDriver.queryOf(driver.get(provider.authorizationUri(login).toString()).location())
                    .get("code");
        }
    }
}
