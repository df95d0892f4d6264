package th.onecitizen.bff.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.onecitizen.bff.demo.IdentityMocksLauncher;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.identity.IdentityProperties;
import th.onecitizen.identity.dpop.DpopProofVerifier;
import th.onecitizen.identity.key.SigningKeys;
import th.onecitizen.identity.citizen.CitizenIdProtector;
import th.onecitizen.testkit.CitizenIdFixtures;

/** DPoP-bound tokens (RFC 9449) and key hygiene: S-TK-04, S-TK-05, S-TK-07. */
@ApplicationTest
class DpopSecurityTests {

    @Autowired
    IdentityProperties identity;
    @Autowired
    IdentityMocksLauncher mocks;
    @Autowired
    SigningKeys keys;
    @Autowired
    CitizenIdProtector protector;

    OAuthDriver driver;
    ECKey key;

    @BeforeEach
    void setUp() throws Exception {
        driver = new OAuthDriver(identity.issuer());
        mocks.mocks().reset();
        key = new ECKeyGenerator(Curve.P_256).generate();
    }

    static String proof(ECKey key, String htm, String htu, String accessToken, Instant iat) throws Exception {
        JWTClaimsSet.Builder c = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString()).claim("htm", htm)
                .claim("htu", htu).issueTime(Date.from(iat));
        if (accessToken != null) {
            c.claim("ath", DpopProofVerifier.accessTokenHash(accessToken));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt"))
                .jwk(key.toPublicJWK()).build(), c.build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    /** Logs in and redeems the code with a DPoP proof: a bound token set. */
    private Map<String, Object> boundTokens() throws Exception {
        String verifier = OAuthDriver.verifier();
        Map<String, String> cb = driver.authorize(OAuthDriver.authorizeParams("thaid", CitizenIdFixtures.random(),
                verifier));
        OAuthDriver.Answer t = driver.post("/oauth2/token", Map.of("grant_type", "authorization_code", "code",
                cb.get("code"), "redirect_uri", OAuthDriver.APP_REDIRECT, "client_id", "superapp", "code_verifier",
                verifier), Map.of("DPoP", proof(key, "POST", identity.issuer() + "/oauth2/token", null,
                        Instant.now())));
        assertThat(t.status()).as(t.body()).isEqualTo(200);
        assertThat(t.json()).containsEntry("token_type", "DPoP");
        return t.json();
    }

    private OAuthDriver.Answer me(String scheme, String token, String proof) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(identity.issuer() + "/v1/me"))
                .header("Authorization", scheme + " " + token);
        if (proof != null) {
            b.header("DPoP", proof);
        }
        return driver.send(b.build());
    }

    @Test
    void aBoundTokenWorksWithAFreshProofByItsKey() throws Exception {
        String at = (String) boundTokens().get("access_token");
        assertThat(SignedJWT.parse(at).getJWTClaimsSet().getJSONObjectClaim("cnf"))
                .containsEntry("jkt", key.computeThumbprint().toString());
        assertThat(me("DPoP", at, proof(key, "GET", identity.issuer() + "/v1/me", at, Instant.now())).status())
                .isEqualTo(200);
    }

    @Test
    void S_TK_04_replayedMismatchedStaleForeignOrAthlessProofsAreRefused() throws Exception {
        String at = (String) boundTokens().get("access_token");
        String me = identity.issuer() + "/v1/me";
        String once = proof(key, "GET", me, at, Instant.now());
        assertThat(me("DPoP", at, once).status()).isEqualTo(200);
        ECKey other = new ECKeyGenerator(Curve.P_256).generate();
        for (String bad : new String[] {once, proof(key, "POST", me, at, Instant.now()),
            proof(key, "GET", identity.issuer() + "/v1/other", at, Instant.now()),
            proof(key, "GET", me, at, Instant.now().minusSeconds(300)), proof(other, "GET", me, at, Instant.now()),
            proof(key, "GET", me, null, Instant.now())}) {
            OAuthDriver.Answer a = me("DPoP", at, bad);
            assertThat(a.status()).isEqualTo(401);
            assertThat(a.body()).contains("invalid_dpop_proof");
        }
    }

    @Test
    void S_TK_05_aBoundTokenAsBearerAndABoundRefreshWithoutProofAreRefused() throws Exception {
        Map<String, Object> tokens = boundTokens();
        OAuthDriver.Answer bearer = me("Bearer", (String) tokens.get("access_token"), null);
        assertThat(bearer.status()).isEqualTo(401);
        OAuthDriver.Answer refresh = driver.post("/oauth2/token", Map.of("grant_type", "refresh_token",
                "client_id", "superapp", "refresh_token", (String) tokens.get("refresh_token")), Map.of());
        assertThat(refresh.status()).isEqualTo(400);
        assertThat(refresh.json()).containsEntry("error", "invalid_grant");
    }

    @Test
    void aBoundRefreshTokenRotatesWithAProofByTheSameKey() throws Exception {
        Map<String, Object> tokens = boundTokens();
        OAuthDriver.Answer refresh = driver.post("/oauth2/token", Map.of("grant_type", "refresh_token",
                "client_id", "superapp", "refresh_token", (String) tokens.get("refresh_token")), Map.of("DPoP",
                proof(key, "POST", identity.issuer() + "/oauth2/token", null, Instant.now())));
        assertThat(refresh.status()).as(refresh.body()).isEqualTo(200);
        assertThat(refresh.json()).containsEntry("token_type", "DPoP");
    }

    @Test
    void S_TK_07_jwksHasPublicMembersOnlyAndTamperedCiphertextFailsClosed() throws Exception {
        OAuthDriver.Answer jwks = driver.get("/oauth2/jwks");
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.body()).contains("\"kid\"").doesNotContain("\"d\"").doesNotContain("\"p\"")
                .doesNotContain("\"q\"");
        byte[] sealed = protector.seal(CitizenIdFixtures.random());
        sealed[sealed.length - 1] ^= 1;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> protector.open(sealed))
                .isInstanceOf(IllegalArgumentException.class);
        for (Object k : (java.util.List<?>) keys.publicJwks().get("keys")) {
            @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) k;
            assertThat(m).containsKeys("kty", "kid", "x", "y").doesNotContainKeys("d", "p", "q");
        }
    }
}
