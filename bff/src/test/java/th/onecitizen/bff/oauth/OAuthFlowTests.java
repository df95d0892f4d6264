package th.onecitizen.bff.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.testkit.CitizenIdFixtures;

/** The login flows end to end over HTTP: app -> OneCitizen -> mock provider -> OneCitizen -> app -> token. */
@ApplicationTest
class OAuthFlowTests extends AgainstIdentityMocks {

    Map<String, Object> redeem(Map<String, String> callback, String verifier) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", callback.get("code"));
        form.put("redirect_uri", OAuthDriver.APP_REDIRECT);
        form.put("client_id", "superapp");
        form.put("code_verifier", verifier);
        OAuthDriver.Answer a = driver.post("/oauth2/token", form, Map.of());
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    @Test
    void thaidLoginIssuesTokensThatWorkForUserinfoRefreshAndRevoke() throws Exception {
        String cid = CitizenIdFixtures.random();
        String verifier = OAuthDriver.verifier();
        Map<String, String> params = OAuthDriver.authorizeParams("thaid", cid, verifier);
        Map<String, String> callback = driver.authorize(params);
        assertThat(callback).containsEntry("state", params.get("state")).containsEntry("iss", identity.issuer())
                .containsKey("code");
        Map<String, Object> tokens = redeem(callback, verifier);
        assertThat(tokens).containsKeys("access_token", "refresh_token", "id_token")
                .containsEntry("token_type", "Bearer");
        SignedJWT at = SignedJWT.parse((String) tokens.get("access_token"));
        assertThat(at.getHeader().getType().toString()).isEqualTo("at+jwt");
        assertThat(at.getJWTClaimsSet().getStringClaim("acr")).isEqualTo("urn:th:ial:2.3:aal:2.2");
        assertThat(at.getJWTClaimsSet().getStringClaim("idp")).isEqualTo("thaid");
        // S-PV-05: the subject is opaque, the citizen ID appears in no token
        assertThat(at.getJWTClaimsSet().getSubject()).doesNotContain(cid);
        assertThat(at.getParsedString() + tokens.get("id_token")).doesNotContain(cid);
        SignedJWT id = SignedJWT.parse((String) tokens.get("id_token"));
        assertThat(id.getJWTClaimsSet().getClaim("nonce")).isEqualTo(params.get("nonce"));

        var userinfo = driver.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(identity.issuer()
                + "/oauth2/userinfo")).header("Authorization", "Bearer " + tokens.get("access_token")).build());
        assertThat(userinfo.status()).isEqualTo(200);
        assertThat(userinfo.json()).containsEntry("sub", at.getJWTClaimsSet().getSubject()).containsKey("name");

        Map<String, String> refresh = Map.of("grant_type", "refresh_token", "client_id", "superapp",
                "refresh_token", (String) tokens.get("refresh_token"));
        OAuthDriver.Answer refreshed = driver.post("/oauth2/token", refresh, Map.of());
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.json().get("refresh_token")).isNotEqualTo(tokens.get("refresh_token"));
        // OIDC Core 12.2: no new ID token on refresh (no one authenticated); the access token carries the grant
        assertThat(refreshed.json()).containsKey("access_token").doesNotContainKey("id_token");

        OAuthDriver.Answer revoked = driver.post("/oauth2/revoke", Map.of("client_id", "superapp", "token",
                (String) refreshed.json().get("refresh_token")), Map.of());
        assertThat(revoked.status()).isEqualTo(200);
        OAuthDriver.Answer afterRevoke = driver.post("/oauth2/token", Map.of("grant_type", "refresh_token",
                "client_id", "superapp", "refresh_token", (String) refreshed.json().get("refresh_token")), Map.of());
        assertThat(afterRevoke.status()).isEqualTo(400);
        assertThat(afterRevoke.json()).containsEntry("error", "invalid_grant");
        // the family's access tokens are revoked too
        var me = driver.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(identity.issuer() + "/v1/me"))
                .header("Authorization", "Bearer " + refreshed.json().get("access_token")).build());
        assertThat(me.status()).isEqualTo(401);
    }

    @Test
    void mophIdAndPaotangLoginsReachTheSameCitizen() throws Exception {
        String cid = CitizenIdFixtures.random();
        String subject = null;
        for (String idp : new String[] {"mophid", "paotang", "thaid"}) {
            String verifier = OAuthDriver.verifier();
            Map<String, String> callback = driver.authorize(OAuthDriver.authorizeParams(idp, cid, verifier));
            assertThat(callback).as(idp).containsKey("code");
            Map<String, Object> tokens = redeem(callback, verifier);
            String sub = SignedJWT.parse((String) tokens.get("access_token")).getJWTClaimsSet().getSubject();
            if (subject != null) {
                assertThat(sub).as(idp).isEqualTo(subject);
            }
            subject = sub;
            if (idp.equals("thaid")) {
                var me = driver.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(identity.issuer()
                        + "/v1/me")).header("Authorization", "Bearer " + tokens.get("access_token")).build());
                assertThat(me.status()).as(me.body()).isEqualTo(200);
                assertThat(me.body()).doesNotContain(cid);
                assertThat((java.util.List<?>) me.json().get("identities")).hasSize(3);
                assertThat(me.json()).containsKeys("name_th", "name_en", "birthdate", "assurance");
            }
        }
    }
}
