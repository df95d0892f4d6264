package th.onecitizen.bff.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import th.onecitizen.bff.demo.IdentityMocksLauncher;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.identity.IdentityProperties;
import th.onecitizen.identity.client.ClientAuthenticator;
import th.onecitizen.identity.client.ClientRegistry;
import th.onecitizen.identity.client.RegisteredClient;
import th.onecitizen.testkit.CitizenIdFixtures;

/** The authorization server refuses the attacks of SECURITY.md S-AS-01..14, over HTTP. */
@ApplicationTest
class AuthorizationServerSecurityTests {

    @Autowired
    IdentityProperties identity;
    @Autowired
    IdentityMocksLauncher mocks;
    @Autowired
    ClientRegistry clients;
    @Autowired
    ReactiveStringRedisTemplate redis;
    @Autowired
    DatabaseClient db;

    OAuthDriver driver;

    @BeforeEach
    void setUp() {
        driver = new OAuthDriver(identity.issuer());
        mocks.mocks().reset();
        // a second app and a second CIBA client, so that cross-client cases can be tried
        clients.save(new RegisteredClient("other-app", "Other app", RegisteredClient.NONE, null, null,
                List.of("http://127.0.0.1/other"), List.of(), Set.of("authorization_code", "refresh_token"),
                Set.of("openid", "profile"), true, null)).block();
        clients.save(new RegisteredClient("kiosk-2", "Second kiosk", RegisteredClient.CLIENT_SECRET_BASIC,
                ClientAuthenticator.sha256Hex("kiosk-2-secret"), null, List.of(), List.of(),
                Set.of("urn:openid:params:grant-type:ciba"), Set.of("openid"), false, null)).block();
    }

    private Map<String, String> login(String verifier) throws Exception {
        Map<String, String> cb = driver.authorize(OAuthDriver.authorizeParams("thaid", CitizenIdFixtures.random(),
                verifier));
        assertThat(cb).containsKey("code");
        return cb;
    }

    private OAuthDriver.Answer redeem(String code, String verifier, String redirect, String clientId)
            throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirect);
        form.put("client_id", clientId);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return driver.post("/oauth2/token", form, Map.of());
    }

    private OAuthDriver.Answer me(String accessToken) throws Exception {
        return driver.send(HttpRequest.newBuilder(URI.create(identity.issuer() + "/v1/me"))
                .header("Authorization", "Bearer " + accessToken).build());
    }

    private static void assertOAuthError(OAuthDriver.Answer a, int status, String error) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.json()).containsEntry("error", error);
    }

    @Test
    void S_AS_01_redirectUrisMustBeByteEqualToARegisteredOne() throws Exception {
        for (String bad : List.of("http://127.0.0.1/callback/", "http://127.0.0.1/callback?x=1",
                "http://a@127.0.0.1/callback", "http://127.0.0.1/callback/..;/", "http://127.0.0.1.evil.example/callback",
                "https://127.0.0.1/callback", "th.onecitizen.superapp:/oauth2redirect/x", "http://127.0.0.1:8080/callbac")) {
            Map<String, String> p = OAuthDriver.authorizeParams("thaid", null, OAuthDriver.verifier());
            p.put("redirect_uri", bad);
            OAuthDriver.Answer a = driver.get("/oauth2/authorize?" + OAuthDriver.query(p));
            assertThat(a.status()).as(bad).isEqualTo(400);
            assertThat(a.location()).as(bad).isNull();
        }
        // the loopback redirect of the native app matches on any port (RFC 8252)
        Map<String, String> ok = OAuthDriver.authorizeParams("thaid", null, OAuthDriver.verifier());
        ok.put("redirect_uri", "http://127.0.0.1:51234/callback");
        assertThat(driver.get("/oauth2/authorize?" + OAuthDriver.query(ok)).status()).isEqualTo(302);
        // an unregistered post-logout redirect is never followed
        OAuthDriver.Answer logout = driver.get("/oauth2/logout?client_id=superapp&post_logout_redirect_uri="
                + "https%3A%2F%2Fevil.example%2F");
        assertThat(logout.status()).isEqualTo(400);
        assertThat(logout.location()).isNull();
    }

    @Test
    void S_AS_02_loopbackForNonNativeAndScriptUrisAreRejectedAtRegistration() {
        assertThatThrownBy(() -> new RegisteredClient("web", "web", RegisteredClient.NONE, null, null,
                List.of("http://127.0.0.1/cb"), List.of(), Set.of("authorization_code"), Set.of(), false, null))
                .isInstanceOf(IllegalArgumentException.class);
        for (String uri : List.of("javascript:alert(1)", "JavaScript://x/%0aalert(1)", "data:text/html,x")) {
            assertThatThrownBy(() -> new RegisteredClient("app", "app", RegisteredClient.NONE, null, null,
                    List.of(uri), List.of(), Set.of("authorization_code"), Set.of(), true, null))
                    .as(uri).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void S_AS_03_authorizeWithoutPkceOrWithPlainIsRefused() throws Exception {
        Map<String, String> none = OAuthDriver.authorizeParams("thaid", CitizenIdFixtures.random(),
                OAuthDriver.verifier());
        none.remove("code_challenge");
        none.remove("code_challenge_method");
        assertThat(driver.authorize(none)).containsEntry("error", "invalid_request").doesNotContainKey("code");
        Map<String, String> plain = OAuthDriver.authorizeParams("thaid", CitizenIdFixtures.random(),
                OAuthDriver.verifier());
        plain.put("code_challenge_method", "plain");
        assertThat(driver.authorize(plain)).containsEntry("error", "invalid_request")
                .containsEntry("iss", identity.issuer());
    }

    @Test
    void S_AS_04_missingWrongOrShortVerifierFailsAndConsumesTheCode() throws Exception {
        for (String wrong : new String[] {null, OAuthDriver.verifier(), "short-verifier"}) {
            String verifier = OAuthDriver.verifier();
            Map<String, String> cb = login(verifier);
            assertOAuthError(redeem(cb.get("code"), wrong, OAuthDriver.APP_REDIRECT, "superapp"), 400,
                    "invalid_grant");
            assertOAuthError(redeem(cb.get("code"), verifier, OAuthDriver.APP_REDIRECT, "superapp"), 400,
                    "invalid_grant");
        }
    }

    @Test
    void S_AS_05_noCodeExistsWithoutAChallengeSoAVerifierCannotDowngrade() throws Exception {
        Map<String, String> p = OAuthDriver.authorizeParams("thaid", CitizenIdFixtures.random(),
                OAuthDriver.verifier());
        p.remove("code_challenge");
        p.remove("code_challenge_method");
        Map<String, String> cb = driver.authorize(p);
        assertThat(cb).doesNotContainKey("code");
        assertOAuthError(redeem("made-up-code", OAuthDriver.verifier(), OAuthDriver.APP_REDIRECT, "superapp"), 400,
                "invalid_grant");
    }

    @Test
    void S_AS_06_aCodeRedeemedTwiceRevokesTheFirstTokens() throws Exception {
        String verifier = OAuthDriver.verifier();
        Map<String, String> cb = login(verifier);
        OAuthDriver.Answer first = redeem(cb.get("code"), verifier, OAuthDriver.APP_REDIRECT, "superapp");
        assertThat(first.status()).isEqualTo(200);
        String accessToken = (String) first.json().get("access_token");
        assertThat(me(accessToken).status()).isEqualTo(200);
        assertOAuthError(redeem(cb.get("code"), verifier, OAuthDriver.APP_REDIRECT, "superapp"), 400,
                "invalid_grant");
        assertThat(me(accessToken).status()).isEqualTo(401);
        assertOAuthError(driver.post("/oauth2/token", Map.of("grant_type", "refresh_token", "client_id", "superapp",
                "refresh_token", (String) first.json().get("refresh_token")), Map.of()), 400, "invalid_grant");
    }

    @Test
    void S_AS_07_codeOfAnotherClientAnotherRedirectOrOlderThanItsLifeIsRefused() throws Exception {
        String verifier = OAuthDriver.verifier();
        Map<String, String> cb = login(verifier);
        assertOAuthError(redeem(cb.get("code"), verifier, "http://127.0.0.1/other", "other-app"), 400,
                "invalid_grant");
        Map<String, String> cb2 = login(verifier);
        assertOAuthError(redeem(cb2.get("code"), verifier, "http://127.0.0.1:9999/callback", "superapp"), 400,
                "invalid_grant");
        Map<String, String> cb3 = login(verifier);
        String key = "oc:idf:code:" + sha256Hex(cb3.get("code"));
        Long ttl = redis.getExpire(key).map(Duration::toSeconds).block();
        assertThat(ttl).isBetween(1L, 60L);
        // the code outlives nothing: once its 60 s are over (simulated by expiring the key), it is gone
        redis.expire(key, Duration.ofMillis(1)).block();
        Thread.sleep(20);
        assertOAuthError(redeem(cb3.get("code"), verifier, OAuthDriver.APP_REDIRECT, "superapp"), 400,
                "invalid_grant");
    }

    @Test
    void S_AS_08_implicitPasswordAndUnregisteredGrantsAreRefused() throws Exception {
        Map<String, String> p = OAuthDriver.authorizeParams("thaid", CitizenIdFixtures.random(),
                OAuthDriver.verifier());
        p.put("response_type", "token");
        assertThat(driver.authorize(p)).containsEntry("error", "unsupported_response_type");
        assertOAuthError(driver.post("/oauth2/token", Map.of("grant_type", "password", "client_id", "superapp",
                "username", "a", "password", "b"), Map.of()), 400, "unsupported_grant_type");
        assertOAuthError(driver.post("/oauth2/token", Map.of("grant_type", "client_credentials", "client_id",
                "superapp"), Map.of()), 400, "unauthorized_client");
    }

    @Test
    void S_AS_09_badClientAssertionsAreRefused() throws Exception {
        String iss = identity.issuer();
        Instant soon = Instant.now().plusSeconds(60);
        List<String> assertions = new java.util.ArrayList<>(List.of(
                OAuthDriver.kioskAssertion(iss, iss + "/oauth2/token", JWSAlgorithm.ES256, soon, uuid()),
                OAuthDriver.kioskAssertionRaw("{\"iss\":\"kiosk\",\"sub\":\"kiosk\",\"aud\":[\"" + iss
                        + "\"],\"exp\":" + soon.getEpochSecond() + ",\"jti\":\"" + uuid() + "\"}"),
                OAuthDriver.kioskAssertion(iss, iss, JWSAlgorithm.ES256, Instant.now().minusSeconds(5), uuid())));
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("kiosk").subject("kiosk").audience(iss)
                .expirationTime(Date.from(soon)).jwtID(uuid()).build();
        assertions.add(Base64URL.encode("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + Base64URL.encode(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".");
        SignedJWT hs = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        hs.sign(new MACSigner("kiosk-secret-guess-kiosk-secret-guess".getBytes(StandardCharsets.UTF_8)));
        assertions.add(hs.serialize());
        for (String assertion : assertions) {
            assertOAuthError(driver.post("/oauth2/bc-authorize", Map.of("client_assertion_type",
                    "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion", assertion,
                    "scope", "openid", "login_hint", CitizenIdFixtures.random()), Map.of()), 401, "invalid_client");
        }
        // a replayed jti
        String once = OAuthDriver.kioskAssertion(iss, iss, JWSAlgorithm.ES256, soon, uuid());
        Map<String, String> form = Map.of("client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion", once, "scope", "openid",
                "login_hint", CitizenIdFixtures.random());
        assertThat(driver.post("/oauth2/bc-authorize", form, Map.of()).status()).isEqualTo(200);
        assertOAuthError(driver.post("/oauth2/bc-authorize", form, Map.of()), 401, "invalid_client");
    }

    @Test
    void S_AS_10_aReusedRotatedRefreshTokenRevokesTheWholeFamily() throws Exception {
        String verifier = OAuthDriver.verifier();
        OAuthDriver.Answer tokens = redeem(login(verifier).get("code"), verifier, OAuthDriver.APP_REDIRECT,
                "superapp");
        String first = (String) tokens.json().get("refresh_token");
        OAuthDriver.Answer rotated = driver.post("/oauth2/token", Map.of("grant_type", "refresh_token",
                "client_id", "superapp", "refresh_token", first), Map.of());
        assertThat(rotated.status()).isEqualTo(200);
        assertOAuthError(driver.post("/oauth2/token", Map.of("grant_type", "refresh_token", "client_id", "superapp",
                "refresh_token", first), Map.of()), 400, "invalid_grant");
        assertOAuthError(driver.post("/oauth2/token", Map.of("grant_type", "refresh_token", "client_id", "superapp",
                "refresh_token", (String) rotated.json().get("refresh_token")), Map.of()), 400, "invalid_grant");
        assertThat(me((String) rotated.json().get("access_token")).status()).isEqualTo(401);
    }

    @Test
    void S_AS_11_refreshOfAnotherClientWiderScopeOrPastItsLifetimeIsRefused() throws Exception {
        String verifier = OAuthDriver.verifier();
        OAuthDriver.Answer tokens = redeem(login(verifier).get("code"), verifier, OAuthDriver.APP_REDIRECT,
                "superapp");
        String refresh = (String) tokens.json().get("refresh_token");
        assertOAuthError(driver.post("/oauth2/token", Map.of("grant_type", "refresh_token", "client_id", "other-app",
                "refresh_token", refresh), Map.of()), 400, "invalid_grant");
        OAuthDriver.Answer tokens2 = redeem(login(verifier).get("code"), verifier, OAuthDriver.APP_REDIRECT,
                "superapp");
        assertOAuthError(driver.post("/oauth2/token", Map.of("grant_type", "refresh_token", "client_id", "superapp",
                "refresh_token", (String) tokens2.json().get("refresh_token"), "scope", "openid admin"), Map.of()),
                400, "invalid_scope");
        OAuthDriver.Answer tokens3 = redeem(login(verifier).get("code"), verifier, OAuthDriver.APP_REDIRECT,
                "superapp");
        String old = (String) tokens3.json().get("refresh_token");
        // rt1.<family>.<generation>.<mac>: the family's row is what expires
        db.sql("UPDATE identity.refresh_families SET family_expires_at = now() - interval '1 second' "
                + "WHERE family_id = :f").bind("f", old.split("\\.")[1]).then().block();
        assertOAuthError(driver.post("/oauth2/token", Map.of("grant_type", "refresh_token", "client_id", "superapp",
                "refresh_token", old), Map.of()), 400, "invalid_grant");
    }

    @Test
    void S_AS_12_repeatedParametersAndGetOnPostOnlyEndpointsAreRefused() throws Exception {
        Map<String, String> p = OAuthDriver.authorizeParams("thaid", CitizenIdFixtures.random(),
                OAuthDriver.verifier());
        String url = "/oauth2/authorize?" + OAuthDriver.query(p) + "&scope=openid";
        OAuthDriver.Answer a = driver.get(url);
        assertThat(OAuthDriver.queryOf(a.location())).containsEntry("error", "invalid_request");
        OAuthDriver.Answer repeated = driver.send(HttpRequest.newBuilder(URI.create(identity.issuer()
                + "/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=a&code=b"
                        + "&client_id=superapp")).build());
        assertOAuthError(repeated, 400, "invalid_request");
        for (String path : List.of("/oauth2/token", "/oauth2/bc-authorize", "/oauth2/revoke")) {
            assertThat(driver.get(path).status()).as(path).isEqualTo(405);
        }
    }

    @Test
    void S_AS_13_issOnEveryResponseFixedIssuerAnd303AfterPost() throws Exception {
        HttpRequest spoofed = HttpRequest.newBuilder(URI.create(identity.issuer()
                + "/.well-known/openid-configuration")).header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https").build();
        assertThat(driver.send(spoofed).json()).containsEntry("issuer", identity.issuer());
        Map<String, String> p = OAuthDriver.authorizeParams("thaid", CitizenIdFixtures.random(),
                OAuthDriver.verifier());
        OAuthDriver.Answer toProvider = driver.send(HttpRequest.newBuilder(URI.create(identity.issuer()
                + "/oauth2/authorize?" + OAuthDriver.query(p))).header("X-Forwarded-Host", "evil.example").build());
        assertThat(OAuthDriver.queryOf(toProvider.location()).get("redirect_uri"))
                .startsWith(identity.issuer() + "/oauth2/callback/");
        assertThat(driver.authorize(p)).containsEntry("iss", identity.issuer());
        OAuthDriver.Answer posted = driver.send(HttpRequest.newBuilder(URI.create(identity.issuer()
                + "/oauth2/authorize")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(OAuthDriver.query(p))).build());
        assertThat(posted.status()).isEqualTo(303);
    }

    @Test
    void S_AS_14_cibaPollingTooFastOtherClientsIdAndLongBindingMessageAreRefused() throws Exception {
        Map<String, String> start = new LinkedHashMap<>(OAuthDriver.kioskAuth(identity.issuer()));
        start.put("scope", "openid");
        start.put("login_hint", CitizenIdFixtures.random());
        mocks.mocks().scenario("ndid", th.onecitizen.mocks.idp.Scenario.NDID_TIMED_OUT);
        // the timed-out scenario answers late enough for the first polls to be pending
        OAuthDriver.Answer started = driver.post("/oauth2/bc-authorize", start, Map.of());
        String id = (String) started.json().get("auth_req_id");
        assertOAuthError(driver.post("/oauth2/token", Map.of("grant_type", "urn:openid:params:grant-type:ciba",
                "auth_req_id", id), Map.of("Authorization", OAuthDriver.basic("kiosk-2", "kiosk-2-secret"))), 400,
                "invalid_grant");
        Map<String, String> poll = new LinkedHashMap<>(OAuthDriver.kioskAuth(identity.issuer()));
        poll.put("grant_type", "urn:openid:params:grant-type:ciba");
        poll.put("auth_req_id", id);
        OAuthDriver.Answer firstPoll = driver.post("/oauth2/token", poll, Map.of());
        poll.putAll(OAuthDriver.kioskAuth(identity.issuer()));
        OAuthDriver.Answer secondPoll = driver.post("/oauth2/token", poll, Map.of());
        assertThat(List.of(firstPoll.json().get("error"), secondPoll.json().get("error"))).contains("slow_down");
        Map<String, String> longMessage = new LinkedHashMap<>(OAuthDriver.kioskAuth(identity.issuer()));
        longMessage.put("scope", "openid");
        longMessage.put("login_hint", CitizenIdFixtures.random());
        longMessage.put("binding_message", "x".repeat(65));
        assertOAuthError(driver.post("/oauth2/bc-authorize", longMessage, Map.of()), 400, "invalid_binding_message");
    }

    @Test
    void S_IN_04_jsonOrNoContentTypeAtTheTokenEndpointIsInvalidRequest() throws Exception {
        for (String type : new String[] {"application/json", "text/plain", null}) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(identity.issuer() + "/oauth2/token"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}"));
            if (type != null) {
                b.header("Content-Type", type);
            }
            assertOAuthError(driver.send(b.build()), 400, "invalid_request");
        }
    }

    @Test
    void badInputAtTheFrontChannelNeverGivesA5xx() throws Exception {
        Map<String, String> p = OAuthDriver.authorizeParams(null, null, OAuthDriver.verifier());
        p.put("state", "{x}%{y}");
        p.put("nonce", "\u202e{0}");
        OAuthDriver.Answer chooser = driver.get("/oauth2/authorize?" + OAuthDriver.query(p));
        assertThat(chooser.status()).isEqualTo(200);
        assertThat(chooser.body()).doesNotContain("{x}");
        for (String path : List.of("/oauth2/authorize?client_id=%25ZZ%00", "/oauth2/callback/nope?state=%00",
                "/oauth2/ndid/wait/" + "x".repeat(300), "/oauth2/logout?id_token_hint=a.b.c",
                "/oauth2/authorize?client_id=superapp&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback&max_age=x")) {
            assertThat(driver.get(path).status()).as(path).isBetween(200, 499);
        }
        OAuthDriver.Answer callback = driver.send(HttpRequest.newBuilder(URI.create(identity.issuer()
                + "/oauth2/ndid/callback/" + "A".repeat(43))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json")).build());
        assertThat(callback.status()).isBetween(400, 499);
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }

    static String sha256Hex(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
