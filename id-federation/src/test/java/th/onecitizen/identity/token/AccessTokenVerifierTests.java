package th.onecitizen.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import th.onecitizen.identity.key.SigningKeys;

class AccessTokenVerifierTests {

    static ECKey key(String kid) throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    }

    static AccessTokenRequest citizen() {
        return new AccessTokenRequest("c-1", "app", Set.of("openid"), "urn:th:ial:2.3:aal:2.2", List.of("fed"),
                Instant.now(), "thaid", "g-1", null, null);
    }

    @Test
    void verifyWhenIssuedByTheCurrentKeyThenClaimsAreRead() throws Exception {
        SigningKeys keys = SigningKeys.fromJwkSet(new JWKSet(key("k1")).toString(false));
        AccessTokenIssuer issuer = new AccessTokenIssuer(keys, "https://as", "https://as/v1", Duration.ofMinutes(5),
                Clock.systemUTC());
        AccessTokenVerifier verifier = new AccessTokenVerifier(keys, "https://as", "https://as/v1", Clock.systemUTC(),
                10);
        VerifiedAccessToken v = verifier.verify(issuer.issue(citizen()).value());
        assertThat(v.subject()).isEqualTo("c-1");
        assertThat(v.acr()).isEqualTo("urn:th:ial:2.3:aal:2.2");
        assertThat(v.grantId()).isEqualTo("g-1");
        assertThat(v.isClientToken()).isFalse();
    }

    @Test
    void verifyWhenKeyRotatedThenOldTokensStillVerifyAndNewOnesUseTheNewKey() throws Exception {
        ECKey old = key("old");
        ECKey fresh = key("new");
        SigningKeys before = SigningKeys.fromJwkSet(new JWKSet(old).toString(false));
        SigningKeys after = SigningKeys.fromJwkSet(new JWKSet(List.of(fresh, old)).toString(false));
        String oldToken = new AccessTokenIssuer(before, "i", "a", Duration.ofMinutes(5), Clock.systemUTC())
                .issue(citizen()).value();
        AccessTokenIssuer issuer = new AccessTokenIssuer(after, "i", "a", Duration.ofMinutes(5), Clock.systemUTC());
        AccessTokenVerifier verifier = new AccessTokenVerifier(after, "i", "a", Clock.systemUTC(), 0);
        assertThat(verifier.verify(oldToken).subject()).isEqualTo("c-1");
        assertThat(com.nimbusds.jwt.SignedJWT.parse(issuer.issue(citizen()).value()).getHeader().getKeyID())
                .isEqualTo("new");
        assertThat((List<?>) after.publicJwks().get("keys")).hasSize(2)
                .allSatisfy(k -> assertThat(((java.util.Map<?, ?>) k).containsKey("d")).isFalse());
    }

    @Test
    void verifyWhenCachedTokenExpiresOrIsForgottenThenItIsVerifiedAgain() throws Exception {
        SigningKeys keys = SigningKeys.fromJwkSet(new JWKSet(key("k1")).toString(false));
        Instant t0 = Instant.now();
        String token = new AccessTokenIssuer(keys, "i", "a", Duration.ofSeconds(30), Clock.fixed(t0, ZoneOffset.UTC))
                .issue(citizen()).value();
        AccessTokenVerifier now = new AccessTokenVerifier(keys, "i", "a", Clock.fixed(t0, ZoneOffset.UTC), 10);
        VerifiedAccessToken first = now.verify(token);
        assertThat(now.verify(token)).isSameAs(first);
        now.forgetGrant("g-1");
        assertThat(now.verify(token)).isNotSameAs(first);
        AccessTokenVerifier later = new AccessTokenVerifier(keys, "i", "a",
                Clock.fixed(t0.plusSeconds(60), ZoneOffset.UTC), 10);
        assertThatThrownBy(() -> later.verify(token)).isInstanceOf(InvalidAccessTokenException.class)
                .hasMessage("expired");
    }

    @Test
    void cacheWhenFullThenItStaysBounded() throws Exception {
        SigningKeys keys = SigningKeys.fromJwkSet(new JWKSet(key("k1")).toString(false));
        AccessTokenIssuer issuer = new AccessTokenIssuer(keys, "i", "a", Duration.ofMinutes(5), Clock.systemUTC());
        AccessTokenVerifier verifier = new AccessTokenVerifier(keys, "i", "a", Clock.systemUTC(), 20);
        for (int i = 0; i < 100; i++) {
            verifier.verify(issuer.issue(citizen()).value());
        }
        VerifiedTokenCache cache = new VerifiedTokenCache(20);
        for (int i = 0; i < 100; i++) {
            cache.put("t" + i, verifier.verify(issuer.issue(citizen()).value()), Instant.now());
        }
        assertThat(cache.size()).isLessThanOrEqualTo(20);
    }

    @Test
    void signingKeysWhenPublicOnlyOrWrongCurveThenRefused() throws Exception {
        assertThatThrownBy(() -> SigningKeys.fromJwkSet(new JWKSet(key("k").toPublicJWK()).toString(false)))
                .isInstanceOf(IllegalArgumentException.class);
        ECKey p384 = new ECKeyGenerator(Curve.P_384).keyID("k").generate();
        assertThatThrownBy(() -> SigningKeys.fromJwkSet(new JWKSet(p384).toString(false)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKeys.fromJwkSet("")).isInstanceOf(IllegalArgumentException.class);
    }
}
