package th.onecitizen.bff.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.bff.support.TestTokens;
import th.onecitizen.identity.IdentityProperties;
import th.onecitizen.identity.key.SigningKeys;

/** The API accepts OneCitizen access tokens only (S-TK-01..03) and maps callers to roles. */
@ApplicationTest
class AccessTokenSecurityTests {

    @Autowired
    WebTestClient client;
    @Autowired
    TestTokens tokens;
    @Autowired
    IdentityProperties identity;
    @Autowired
    SigningKeys keys;

    private WebTestClient.ResponseSpec call(String path, String token) {
        return client.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private void assertInvalidToken(String token) {
        call("/v1/probe", token).expectStatus().isUnauthorized()
                .expectHeader().valueMatches("WWW-Authenticate", "Bearer error=\"invalid_token\".*")
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.code").isEqualTo("invalid_token");
    }

    @Test
    void validCitizenTokenPassesTheSecurityEdge() {
        // no handler at /v1/probe: getting past security means a 404, not a 401
        call("/v1/probe", tokens.citizen("c-1", TestTokens.IAL_2_3)).expectStatus().isNotFound();
    }

    @Test
    void missingTokenGetsAPlainBearerChallenge() {
        client.get().uri("/v1/probe").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.code").isEqualTo("unauthorized");
    }

    @Test
    void S_TK_01_algNoneIsRefused() {
        assertInvalidToken(ForgedTokens.unsigned(ForgedTokens.claims(identity.issuer(), identity.apiAudience())
                .build()));
    }

    @Test
    void S_TK_01_hs256KeyedWithOurPublicKeyIsRefused() throws Exception {
        byte[] publicJwks = keys.publicJwks().toString().getBytes(StandardCharsets.UTF_8);
        assertInvalidToken(ForgedTokens.hs256WithPublicKey(ForgedTokens.claims(identity.issuer(),
                identity.apiAudience()).build(), keys.currentKeyId(), publicJwks));
    }

    @Test
    void S_TK_01_zeroEcdsaSignatureIsRefused() throws Exception {
        assertInvalidToken(ForgedTokens.zeroSignature(ForgedTokens.claims(identity.issuer(), identity.apiAudience())
                .build(), keys.currentKeyId()));
    }

    @Test
    void S_TK_02_unknownKidNamingAnAttackerKeyIsRefused() throws Exception {
        ECKey attacker = ForgedTokens.attackerKey("attacker-1");
        assertInvalidToken(ForgedTokens.signed(ForgedTokens.es256("attacker-1").build(),
                ForgedTokens.claims(identity.issuer(), identity.apiAudience()).build(), attacker));
    }

    @Test
    void S_TK_02_embeddedJwkJkuAndX5uHeadersAreRefused() throws Exception {
        ECKey attacker = ForgedTokens.attackerKey(keys.currentKeyId());
        var claims = ForgedTokens.claims(identity.issuer(), identity.apiAudience()).build();
        assertInvalidToken(ForgedTokens.signed(ForgedTokens.es256(keys.currentKeyId())
                .jwk(attacker.toPublicJWK()).build(), claims, attacker));
        assertInvalidToken(ForgedTokens.signed(ForgedTokens.es256(keys.currentKeyId())
                .jwkURL(URI.create("https://attacker.example/jwks")).build(), claims, attacker));
        assertInvalidToken(ForgedTokens.signed(ForgedTokens.es256(keys.currentKeyId())
                .x509CertURL(URI.create("https://attacker.example/cert")).build(), claims, attacker));
        // the same kid as ours, signed by another key: the signature fails against our key
        assertInvalidToken(ForgedTokens.signed(ForgedTokens.es256(keys.currentKeyId()).build(), claims, attacker));
    }

    @Test
    void S_TK_03_idTokenTypeWrongIssuerWrongAudienceAndExpiredAreRefused() throws Exception {
        String good = tokens.citizen("c-2", TestTokens.IAL_2_3);
        assertThat(good).isNotBlank();
        ECKey ours = ECKey.parse(demoPrivateKey());
        var base = ForgedTokens.claims(identity.issuer(), identity.apiAudience());
        assertInvalidToken(ForgedTokens.signed(ForgedTokens.es256(ours.getKeyID()).type(JOSEObjectType.JWT).build(),
                base.build(), ours));
        assertInvalidToken(ForgedTokens.signed(ForgedTokens.es256(ours.getKeyID())
                .type(new JOSEObjectType("dpop+jwt")).build(), base.build(), ours));
        assertInvalidToken(ForgedTokens.signed(ForgedTokens.es256(ours.getKeyID()).build(),
                ForgedTokens.claims("https://evil.example", identity.apiAudience()).build(), ours));
        assertInvalidToken(ForgedTokens.signed(ForgedTokens.es256(ours.getKeyID()).build(),
                ForgedTokens.claims(identity.issuer(), "https://agency.example").build(), ours));
        assertInvalidToken(ForgedTokens.signed(ForgedTokens.es256(ours.getKeyID()).build(),
                base.issueTime(Date.from(Instant.now().minusSeconds(900)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(600))).build(), ours));
        // and the genuine article with the same key passes
        call("/v1/probe", ForgedTokens.signed(ForgedTokens.es256(ours.getKeyID()).build(),
                ForgedTokens.claims(identity.issuer(), identity.apiAudience()).build(), ours))
                .expectStatus().isNotFound();
    }

    @Test
    void tamperedPayloadIsRefused() {
        String[] parts = tokens.citizen("c-3", TestTokens.IAL_1_2).split("\\.");
        String other = Base64URL.encode(Base64URL.from(parts[1]).decodeToString().replace("c-3", "c-4")
                .getBytes(StandardCharsets.UTF_8)).toString();
        assertInvalidToken(parts[0] + "." + other + "." + parts[2]);
    }

    @Test
    void rolesFollowTheKindOfCaller() {
        call("/agency/v1/probe", tokens.citizen("c-5", TestTokens.IAL_2_3)).expectStatus().isForbidden();
        call("/agency/v1/probe", tokens.agency("agency-demo", "demo-agency")).expectStatus().isNotFound();
        call("/admin/v1/probe", tokens.agency("agency-demo", "demo-agency")).expectStatus().isForbidden();
        call("/admin/v1/probe", tokens.citizen("c-5", TestTokens.IAL_2_3)).expectStatus().isForbidden();
        call("/admin/v1/probe", tokens.admin()).expectStatus().isNotFound();
        call("/admin/v1/probe", tokens.dpo()).expectStatus().isNotFound();
    }

    private String demoPrivateKey() throws Exception {
        return com.nimbusds.jose.jwk.JWKSet.parse(identity.signingKeys()).getKeys().get(0).toJSONString();
    }
}
