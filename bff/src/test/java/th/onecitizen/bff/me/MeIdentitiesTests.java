package th.onecitizen.bff.me;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.identity.IdentityProperties;
import th.onecitizen.testkit.CitizenIdFixtures;

/** GET /v1/me and linking or unlinking providers through /v1/me/identities, over HTTP. */
@ApplicationTest
class MeIdentitiesTests {

    @Autowired
    IdentityProperties identity;

    private th.onecitizen.bff.oauth.TestOAuth oauth() {
        return new th.onecitizen.bff.oauth.TestOAuth(identity.issuer());
    }

    @Test
    void aCitizenLinksAnotherProviderAndUnlinksAnyButTheLast() throws Exception {
        var oauth = oauth();
        String cid = CitizenIdFixtures.random();
        String token = oauth.loginToken("thaid", cid);
        var link = oauth.json("POST", "/v1/me/identities", token, "{\"provider\":\"mophid\"}");
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        String url = (String) link.json().get("authorization_url");
        // the citizen picks themself at the provider (the picker's links carry login_hint)
        var done = oauth.follow(url + "&login_hint=" + cid);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("linked");
        var me = oauth.json("GET", "/v1/me", token, null);
        assertThat(me.status()).isEqualTo(200);
        assertThat((List<?>) me.json().get("identities")).hasSize(2);
        @SuppressWarnings("unchecked") Map<String, Object> assurance = (Map<String, Object>) me.json().get("assurance");
        assertThat(assurance).containsEntry("ial", "2.3").containsEntry("idp", "thaid");
        assertThat(me.body()).doesNotContain(cid);
        assertThat(oauth.json("DELETE", "/v1/me/identities/mophid", token, null).status()).isEqualTo(204);
        var last = oauth.json("DELETE", "/v1/me/identities/thaid", token, null);
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.json()).containsEntry("reason", "last_link");
        assertThat(oauth.json("DELETE", "/v1/me/identities/paotang", token, null).status()).isEqualTo(404);
    }

    @Test
    void linkingAProviderAccountOfAnotherPersonIsRefused() throws Exception {
        var oauth = oauth();
        String token = oauth.loginToken("thaid", CitizenIdFixtures.random());
        var link = oauth.json("POST", "/v1/me/identities", token, "{\"provider\":\"paotang\"}");
        var done = oauth.follow(link.json().get("authorization_url") + "&login_hint=" + CitizenIdFixtures.random());
        assertThat(done.status()).isEqualTo(400);
        assertThat(done.body()).contains("citizen_id_mismatch");
        assertThat((List<?>) oauth.json("GET", "/v1/me", token, null).json().get("identities")).hasSize(1);
    }

    @Test
    void linkRequestsAreValidatedStrictly() throws Exception {
        var oauth = oauth();
        String token = oauth.loginToken("thaid", CitizenIdFixtures.random());
        assertThat(oauth.json("POST", "/v1/me/identities", token, "{\"provider\":\"mophid\",\"citizenId\":\"1\"}")
                .status()).isEqualTo(400);
        assertThat(oauth.json("POST", "/v1/me/identities", token, "{\"provider\":\"nope\"}").status())
                .isEqualTo(422);
        assertThat(oauth.json("GET", "/v1/me", null, null).status()).isEqualTo(401);
    }


}
