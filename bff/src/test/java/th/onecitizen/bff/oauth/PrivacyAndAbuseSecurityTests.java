package th.onecitizen.bff.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import th.onecitizen.bff.demo.IdentityMocksLauncher;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.identity.IdentityProperties;
import th.onecitizen.mocks.idp.Scenario;
import th.onecitizen.testkit.CitizenIdFixtures;

/** Nothing secret is echoed, nothing is told apart by its answer, nothing personal is in tokens; abuse is bounded. */
@ApplicationTest
class PrivacyAndAbuseSecurityTests {

    @Autowired
    IdentityProperties identity;
    @Autowired
    IdentityMocksLauncher mocks;
    @Autowired
    ReactiveStringRedisTemplate redis;

    OAuthDriver driver;

    @Autowired
    th.onecitizen.identity.client.ClientRegistry clients;

    @BeforeEach
    void setUp() {
        driver = new OAuthDriver(identity.issuer());
        mocks.mocks().reset();
        for (String id : List.of("timing-target", "guess-target")) {
            clients.save(new th.onecitizen.identity.client.RegisteredClient(id, id,
                    th.onecitizen.identity.client.RegisteredClient.CLIENT_SECRET_BASIC,
                    th.onecitizen.identity.client.ClientAuthenticator.sha256Hex(id + "-secret"), null, List.of(),
                    List.of(), java.util.Set.of("client_credentials"), java.util.Set.of("agency"), false, "x"))
                    .block();
            redis.delete(redis.scan(org.springframework.data.redis.core.ScanOptions.scanOptions()
                    .match("oc:idf:throttle:*" + id).build())).block();
        }
    }

    @Test
    void S_AB_01_guessingAClientSecretIsCutOffWith429AndRetryAfter() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        OAuthDriver.Answer last = null;
        for (int i = 0; i < identity.guessingLimit() + 2; i++) {
            last = driver.post("/oauth2/token", Map.of("grant_type", "client_credentials"),
                    Map.of("Authorization", OAuthDriver.basic("guess-target", "guess-" + i)));
            statuses.add(last.status());
        }
        assertThat(statuses.subList(0, identity.guessingLimit())).containsOnly(401);
        assertThat(last.status()).isEqualTo(429);
        // even the right secret waits until the window has passed
        OAuthDriver.Answer right = driver.post("/oauth2/token", Map.of("grant_type", "client_credentials"),
                Map.of("Authorization", OAuthDriver.basic("guess-target", "guess-target-secret")));
        assertThat(right.status()).isEqualTo(429);
        var raw = driver.send(HttpRequest.newBuilder(URI.create(identity.issuer() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", OAuthDriver.basic("guess-target", "x"))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        assertThat(raw.status()).isEqualTo(429);
        // another client from the same address is not locked out
        assertThat(driver.post("/oauth2/token", Map.of("grant_type", "client_credentials"),
                Map.of("Authorization", OAuthDriver.basic("timing-target", "timing-target-secret"))).status())
                .isEqualTo(200);
    }

    @Test
    void S_PV_03_secretsAssertionsVerifiersTokensAndHintsAreNeverEchoed() throws Exception {
        String secret = "wrong-secret-" + System.nanoTime();
        OAuthDriver.Answer badSecret = driver.post("/oauth2/token", Map.of("grant_type", "client_credentials"),
                Map.of("Authorization", OAuthDriver.basic("agency-demo", secret)));
        assertThat(badSecret.status()).isEqualTo(401);
        assertThat(badSecret.body()).doesNotContain(secret);
        String assertion = OAuthDriver.kioskAssertion("x", "https://evil.example", com.nimbusds.jose.JWSAlgorithm.ES256,
                java.time.Instant.now().plusSeconds(60), "j-" + System.nanoTime());
        OAuthDriver.Answer badAssertion = driver.post("/oauth2/token", Map.of("grant_type", "client_credentials",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion), Map.of());
        assertThat(badAssertion.body()).doesNotContain(assertion).doesNotContain(assertion.substring(0, 30));
        String verifier = OAuthDriver.verifier();
        Map<String, String> cb = driver.authorize(OAuthDriver.authorizeParams("thaid", CitizenIdFixtures.random(),
                OAuthDriver.verifier()));
        OAuthDriver.Answer badVerifier = driver.post("/oauth2/token", Map.of("grant_type", "authorization_code",
                "code", cb.get("code"), "redirect_uri", OAuthDriver.APP_REDIRECT, "client_id", "superapp",
                "code_verifier", verifier), Map.of());
        assertThat(badVerifier.body()).doesNotContain(verifier).doesNotContain(cb.get("code"));
        String token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2VjcmV0LXRva2VuLXZhbHVl";
        OAuthDriver.Answer badToken = driver.send(HttpRequest.newBuilder(URI.create(identity.issuer() + "/v1/me"))
                .header("Authorization", "Bearer " + token).build());
        assertThat(badToken.status()).isEqualTo(401);
        assertThat(badToken.body()).doesNotContain(token).doesNotContain("c2VjcmV0");
        String hint = CitizenIdFixtures.random();
        mocks.mocks().scenario("thaid", Scenario.DOWN);
        Map<String, String> p = OAuthDriver.authorizeParams("thaid", hint, OAuthDriver.verifier());
        OAuthDriver.Answer failed = driver.follow("/oauth2/authorize?" + OAuthDriver.query(p));
        assertThat(failed.location()).doesNotContain(hint);
        mocks.mocks().reset();
    }

    @Test
    void S_PV_04_knownAndUnknownCitizenAndUnknownClientAndWrongSecretLookAlike() throws Exception {
        // bc-authorize never reveals whether a citizen is known: OneCitizen does not even look
        String known = CitizenIdFixtures.random();
        driver.authorize(OAuthDriver.authorizeParams("thaid", known, OAuthDriver.verifier()));
        Map<String, String> a = new LinkedHashMap<>(OAuthDriver.kioskAuth(identity.issuer()));
        a.put("scope", "openid");
        a.put("login_hint", known);
        Map<String, String> b = new LinkedHashMap<>(OAuthDriver.kioskAuth(identity.issuer()));
        b.put("scope", "openid");
        b.put("login_hint", CitizenIdFixtures.random());
        OAuthDriver.Answer knownAnswer = driver.post("/oauth2/bc-authorize", a, Map.of());
        OAuthDriver.Answer unknownAnswer = driver.post("/oauth2/bc-authorize", b, Map.of());
        assertThat(knownAnswer.status()).isEqualTo(unknownAnswer.status()).isEqualTo(200);
        assertThat(knownAnswer.json().keySet()).isEqualTo(unknownAnswer.json().keySet());
        // unknown client vs wrong secret: same status, body and headers, and the same time over 500 samples each
        int samples = 500;
        int warmUp = 50;
        long[] unknownTimes = new long[samples];
        long[] wrongTimes = new long[samples];
        OAuthDriver.Answer firstUnknown = null;
        for (int i = -warmUp; i < samples; i++) {
            if (Math.floorMod(i, 40) == 0) {
                // outside the timed calls: the guessing throttle would otherwise stop the wrong secrets
                clearThrottle();
            }
            // interleaved, and which side goes first alternates, so drift and bursts hit both alike
            boolean unknownFirst = (i & 1) == 0;
            long[] t = new long[2];
            OAuthDriver.Answer[] answers = new OAuthDriver.Answer[2];
            for (int k = 0; k < 2; k++) {
                boolean unknownTurn = (k == 0) == unknownFirst;
                long t0 = System.nanoTime();
                answers[unknownTurn ? 0 : 1] = driver.post("/oauth2/token", Map.of("grant_type",
                        "client_credentials"), Map.of("Authorization", unknownTurn
                                ? OAuthDriver.basic("no-such-client-" + i, "x" + i)
                                : OAuthDriver.basic("timing-target", "x" + i)));
                t[unknownTurn ? 0 : 1] = System.nanoTime() - t0;
            }
            OAuthDriver.Answer unknownClient = answers[0];
            OAuthDriver.Answer wrongSecret = answers[1];
            assertThat(unknownClient.status()).isEqualTo(wrongSecret.status()).isEqualTo(401);
            assertThat(unknownClient.body()).isEqualTo(wrongSecret.body());
            assertThat(comparableHeaders(unknownClient)).isEqualTo(comparableHeaders(wrongSecret));
            if (firstUnknown == null) {
                firstUnknown = unknownClient;
            } else {
                // and every sample answers alike
                assertThat(unknownClient.body()).isEqualTo(firstUnknown.body());
                assertThat(comparableHeaders(unknownClient)).isEqualTo(comparableHeaders(firstUnknown));
            }
            if (i >= 0) {
                unknownTimes[i] = t[0];
                wrongTimes[i] = t[1];
            }
        }
        // robust statistics: the medians and the 20%-trimmed means of the two sides agree within 25% of the smaller
        // (or 1 ms, the noise floor of a shared machine); a secret check that stopped early or a database read on
        // one side only would show far beyond that
        Arrays.sort(unknownTimes);
        Arrays.sort(wrongTimes);
        double[] u = {unknownTimes[samples / 2], trimmedMean(unknownTimes, 0.2)};
        double[] w = {wrongTimes[samples / 2], trimmedMean(wrongTimes, 0.2)};
        String figures = String.format("unknown client median %.2f ms trimmed %.2f ms; wrong secret median %.2f ms"
                + " trimmed %.2f ms", u[0] / 1e6, u[1] / 1e6, w[0] / 1e6, w[1] / 1e6);
        System.out.println("S-PV-04 " + figures);
        for (int k = 0; k < 2; k++) {
            assertThat(Math.abs(u[k] - w[k])).as(figures).isLessThanOrEqualTo(
                    Math.max(0.25 * Math.min(u[k], w[k]), 1_000_000));
        }
    }

    private void clearThrottle() {
        redis.delete(redis.scan(org.springframework.data.redis.core.ScanOptions.scanOptions()
                .match("oc:idf:throttle:*").count(1000).build())).block();
    }

    /** The headers that must be identical between two answers: all but the date and per-request trace ids. */
    static Map<String, List<String>> comparableHeaders(OAuthDriver.Answer a) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        a.headers().forEach((name, values) -> {
            String n = name.toLowerCase(java.util.Locale.ROOT);
            if (!n.equals("date") && !n.equals("traceparent") && !n.contains("trace-id") && !n.equals(":status")) {
                out.put(n, values);
            }
        });
        return out;
    }

    static double trimmedMean(long[] sorted, double cut) {
        int from = (int) (sorted.length * cut);
        int to = sorted.length - from;
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += sorted[i];
        }
        return sum / (to - from);
    }

    @Test
    void S_PV_05_tokensCarryAnOpaqueSubjectAndNoCitizenId() throws Exception {
        String cid = CitizenIdFixtures.random();
        String verifier = OAuthDriver.verifier();
        Map<String, String> cb = driver.authorize(OAuthDriver.authorizeParams("mophid", cid, verifier));
        OAuthDriver.Answer t = driver.post("/oauth2/token", Map.of("grant_type", "authorization_code", "code",
                cb.get("code"), "redirect_uri", OAuthDriver.APP_REDIRECT, "client_id", "superapp", "code_verifier",
                verifier), Map.of());
        for (String jwt : new String[] {(String) t.json().get("access_token"), (String) t.json().get("id_token")}) {
            var claims = SignedJWT.parse(jwt).getJWTClaimsSet();
            assertThat(claims.toString()).doesNotContain(cid);
            assertThat(claims.getSubject()).matches("[0-9a-f-]{36}");
        }
        assertThat(t.body()).doesNotContain(cid);
    }

    @Test
    void S_AB_02_bcAuthorizeLoopedOnOneCitizenIsCutOffWithoutNewNdidRequests() throws Exception {
        String victim = CitizenIdFixtures.random();
        List<Integer> statuses = new ArrayList<>();
        int before = 0;
        for (int i = 0; i < 6; i++) {
            if (i == 3) {
                before = mocks.mocks().ndidRequestCount();
            }
            Map<String, String> form = new LinkedHashMap<>(OAuthDriver.kioskAuth(identity.issuer()));
            form.put("scope", "openid");
            form.put("login_hint", victim);
            OAuthDriver.Answer a = driver.post("/oauth2/bc-authorize", form, Map.of());
            statuses.add(a.status());
        }
        assertThat(statuses.subList(0, 3)).containsOnly(200);
        assertThat(statuses.subList(3, 6)).containsOnly(429);
        assertThat(mocks.mocks().ndidRequestCount()).isEqualTo(before);
    }

    @Test
    void S_AB_03_pendingLoginsHaveABoundedLifetime() throws Exception {
        Map<String, String> p = OAuthDriver.authorizeParams("thaid", null, OAuthDriver.verifier());
        OAuthDriver.Answer a = driver.get("/oauth2/authorize?" + OAuthDriver.query(p));
        assertThat(a.status()).isEqualTo(302);
        String state = OAuthDriver.queryOf(a.location()).get("state");
        String key = "oc:idf:login:" + AuthorizationServerSecurityTests.sha256Hex(state);
        Long ttl = redis.getExpire(key).map(java.time.Duration::toSeconds).block();
        assertThat(ttl).isBetween(1L, identity.upstreamTransactionTtl().toSeconds());
    }

    @Test
    void S_AB_03_authorizeIsLimitedPerAddressWith429AndRetryAfterAndItsCountersExpire() throws Exception {
        FromAddress flood = new FromAddress(identity.issuer(), FromAddress.randomLoopback());
        FromAddress neighbour = new FromAddress(identity.issuer(), FromAddress.randomLoopback());
        String key = "oc:idf:authorize-rate:" + flood.address();
        redis.delete(key, "oc:idf:authorize-rate:" + neighbour.address()).block();
        // the chooser (no idp_hint) stores nothing; with idp_hint, each request stores a pending login
        Map<String, String> p = OAuthDriver.authorizeParams(null, null, OAuthDriver.verifier());
        for (int i = 0; i < identity.authorizeRateLimit(); i++) {
            assertThat(flood.get("/oauth2/authorize?" + OAuthDriver.query(p)).status()).isEqualTo(200);
        }
        OAuthDriver.Answer refused = flood.get("/oauth2/authorize?" + OAuthDriver.query(p));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().get("retry-after")).containsExactly("60");
        assertThat(refused.headers().get("content-type")).anySatisfy(t -> assertThat(t).startsWith("text/html"));
        // a page, never a redirect: the client and its redirect URI are not validated yet
        assertThat(refused.location()).isNull();
        // the POST form is counted too, and nothing was stored for the refused requests
        Map<String, String> withHint = OAuthDriver.authorizeParams("thaid", null, OAuthDriver.verifier());
        Long pendingBefore = redis.keys("oc:idf:login:*").count().block();
        assertThat(flood.post("/oauth2/authorize", withHint, Map.of()).status()).isEqualTo(429);
        assertThat(flood.get("/oauth2/authorize?" + OAuthDriver.query(withHint)).status()).isEqualTo(429);
        assertThat(redis.keys("oc:idf:login:*").count().block()).isEqualTo(pendingBefore);
        // the counter lives no longer than its window; another address is not affected
        Long ttl = redis.getExpire(key).map(java.time.Duration::toMillis).block();
        assertThat(ttl).isBetween(1L, 60_000L);
        assertThat(neighbour.get("/oauth2/authorize?" + OAuthDriver.query(p)).status()).isEqualTo(200);
    }

    @Test
    void S_AB_01_superappUsersBehindOneNatAddressAreNotLockedOutWhileAGuesserThereIs() throws Exception {
        FromAddress nat = new FromAddress(identity.issuer(), FromAddress.randomLoopback());
        redis.delete("oc:idf:throttle:public:" + nat.address() + ":superapp").block();
        // 25 citizens of the super-app, logged in (their refresh tokens are what they hold)
        int users = 25;
        List<String> refresh = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String verifier = OAuthDriver.verifier();
            Map<String, String> cb = driver.authorize(OAuthDriver.authorizeParams("thaid", CitizenIdFixtures.random(),
                    verifier));
            OAuthDriver.Answer t = driver.post("/oauth2/token", Map.of("grant_type", "authorization_code", "code",
                    cb.get("code"), "redirect_uri", OAuthDriver.APP_REDIRECT, "client_id", "superapp",
                    "code_verifier", verifier), Map.of());
            assertThat(t.status()).isEqualTo(200);
            refresh.add((String) t.json().get("refresh_token"));
        }
        // behind the NAT, each fails three times (a stale token, a code redeemed twice): 75 failures in all, more
        // than a confidential client may fail in the window; none is refused as guessing, and all refresh after
        for (int i = 0; i < users; i++) {
            for (int k = 0; k < 3; k++) {
                OAuthDriver.Answer failed = nat.post("/oauth2/token", Map.of("grant_type", "refresh_token",
                        "client_id", "superapp", "refresh_token", "stale-" + i + "-" + k), Map.of());
                assertThat(failed.status()).isEqualTo(400);
                assertThat(failed.json()).containsEntry("error", "invalid_grant");
            }
            refresh.set(i, refreshFrom(nat, refresh.get(i)));
        }
        assertThat(users * 3).isGreaterThan(identity.guessingLimit());
        // one guesser at the same address: past the public ceiling, its guesses answer 429 with Retry-After
        OAuthDriver.Answer guess = null;
        for (int i = 0; i <= identity.publicGuessingLimit(); i++) {
            guess = nat.post("/oauth2/token", Map.of("grant_type", "refresh_token", "client_id", "superapp",
                    "refresh_token", "guess-" + i + "-" + System.nanoTime()), Map.of());
        }
        assertThat(guess.status()).isEqualTo(429);
        assertThat(guess.headers().get("retry-after")).containsExactly("60");
        assertThat(guess.json()).containsEntry("error", "invalid_request");
        // while the citizens behind that address keep refreshing with their valid tokens
        for (int i = 0; i < users; i++) {
            refresh.set(i, refreshFrom(nat, refresh.get(i)));
        }
    }

    private static String refreshFrom(FromAddress from, String token) {
        OAuthDriver.Answer ok = from.post("/oauth2/token", Map.of("grant_type", "refresh_token", "client_id",
                "superapp", "refresh_token", token), Map.of());
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        return (String) ok.json().get("refresh_token");
    }
}
