package th.onecitizen.bff.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.onecitizen.bff.demo.IdentityMocksLauncher;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.identity.IdentityProperties;
import th.onecitizen.testkit.CitizenIdFixtures;

/**
 * S-PV-02: a citizen ID never travels in one of our URLs, and the one upstream path that holds it is observed as a
 * template.
 */
@ApplicationTest
class CitizenIdInUrlSecurityTests {

    @Autowired
    IdentityProperties identity;
    @Autowired
    IdentityMocksLauncher mocks;
    @Autowired
    ObservationRegistry observations;
    @Autowired
    WebTestClient web;

    OAuthDriver driver;

    @BeforeEach
    void setUp() {
        driver = new OAuthDriver(identity.issuer());
        mocks.mocks().reset();
    }

    private void assertRefused(OAuthDriver.Answer a, String cid) {
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.headers().get("content-type"))
                .anySatisfy(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(a.json()).containsEntry("code", "citizen_id_in_url").containsEntry("status", 400);
        assertThat(a.body()).doesNotContain(cid).doesNotContain(cid.substring(0, 12));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void S_PV_02_aCitizenIdInAQueryStringIsRefusedWith400AtEveryKindOfEndpoint() throws Exception {
        String cid = CitizenIdFixtures.random();
        String printed = cid.charAt(0) + "-" + cid.substring(1, 5) + "-" + cid.substring(5, 10) + "-"
                + cid.substring(10, 12) + "-" + cid.charAt(12);
        // citizen, agency and admin APIs: refused before authentication, so without a token too
        for (String url : List.of("/v1/services?q=" + cid, "/v1/me?citizen_id=" + cid,
                "/agency/v1/services?filter=" + enc("id:" + cid), "/admin/v1/services?agency=" + enc(printed),
                "/admin/v1/services?" + cid, "/v1/services?q=" + enc("id " + cid + " here"))) {
            assertRefused(driver.get(url), cid);
        }
        // OAuth endpoints: any other parameter of authorize, and any query on the back channel
        var params = new java.util.LinkedHashMap<>(OAuthDriver.authorizeParams("thaid", null, OAuthDriver.verifier()));
        params.put("state", cid);
        assertRefused(driver.get("/oauth2/authorize?" + OAuthDriver.query(params)), cid);
        assertRefused(driver.send(HttpRequest.newBuilder(URI.create(identity.issuer() + "/oauth2/token?login_hint="
                + cid)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build()), cid);
        assertRefused(driver.get("/oauth2/logout?id_token_hint=" + cid), cid);
        // login_hint is only taken at GET authorize, and not at POST authorize's URL
        assertRefused(driver.send(HttpRequest.newBuilder(URI.create(identity.issuer() + "/oauth2/authorize?login_hint="
                + cid)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=superapp")).build()), cid);
        // longer numbers, IDs glued to letters and checksum-invalid runs are something else
        String invalid = cid.substring(0, 12) + ((cid.charAt(12) - '0' + 1) % 10);
        assertThat(driver.get("/v1/services?q=" + invalid).status()).isNotEqualTo(400);
        assertThat(driver.get("/v1/services?q=9" + cid).status()).isNotEqualTo(400);
    }

    @Test
    void S_PV_02_loginHintAtAuthorizeIsTheOneNarrowException() throws Exception {
        String cid = CitizenIdFixtures.random();
        String verifier = OAuthDriver.verifier();
        Map<String, String> callback = driver.authorize(OAuthDriver.authorizeParams("thaid", cid, verifier));
        assertThat(callback).containsKey("code");
    }

    @Test
    void S_PV_02_theOutboundNdidPathIsObservedAsATemplateNeverWithTheId() throws Exception {
        String cid = CitizenIdFixtures.random();
        List<String> seen = new CopyOnWriteArrayList<>();
        boolean[] on = {true};
        observations.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                if (on[0]) {
                    seen.add(context.getName() + " " + context.getContextualName() + " "
                            + context.getAllKeyValues());
                }
            }
        });
        try {
            OAuthDriver.Answer a = driver.get("/oauth2/authorize?" + OAuthDriver.query(OAuthDriver.authorizeParams(
                    "ndid", cid, OAuthDriver.verifier())));
            assertThat(a.status()).isEqualTo(302);
            assertThat(a.location()).contains("/oauth2/ndid/wait/");
            // the waiting page reads the request's status back from the node
            for (int i = 0; i < 50 && driver.get(a.location()).status() == 200; i++) {
                Thread.sleep(100);
            }
        } finally {
            on[0] = false;
        }
        assertThat(seen).anySatisfy(s -> assertThat(s).contains("http.client.requests")
                .contains("/rp/requests/citizen_id/{pid}"));
        assertThat(seen).allSatisfy(s -> assertThat(s).doesNotContain(cid));
        String prometheus = web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(prometheus).contains("/rp/requests/citizen_id/{pid}").doesNotContain(cid);
    }
}
