package th.onecitizen.connectors.assertion;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import th.onecitizen.consent.decision.Permit;

/**
 * Signs the citizen assertion sent with every agency call (S-TK-06): ES256, audience the one agency, a pairwise
 * subject derived per agency (HMAC of agency and citizen reference) so two agencies cannot join their records, only
 * what the permit allows (its purpose and data categories), at most 60 seconds of life, and never a citizen ID.
 */
public final class CitizenAssertions {

    /** The longest life an assertion may have. */
    public static final Duration MAX_LIFETIME = Duration.ofSeconds(60);

    private final String issuer;
    private final ECKey key;
    private final ECDSASigner signer;
    private final byte[] pairwiseSecret;
    private final Duration lifetime;
    private final Clock clock;

    public CitizenAssertions(String issuer, String signingJwk, String pairwiseSecret, Duration lifetime, Clock clock) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("The assertion lifetime must be between 1 and 60 seconds");
        }
        try {
            this.key = ECKey.parse(signingJwk);
            this.signer = new ECDSASigner(key);
        } catch (ParseException | JOSEException e) {
            throw new IllegalArgumentException("The assertion signing key must be a private EC P-256 JWK", e);
        }
        this.issuer = issuer;
        this.pairwiseSecret = pairwiseSecret.getBytes(StandardCharsets.UTF_8);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** The signed assertion for one call to {@code serviceId}/{@code operationId} under {@code permit}. */
    public String sign(Permit permit, String serviceId, String operationId) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(permit.agencyId())
                .subject(pairwiseSubject(permit.agencyId(), permit.subjectRef()))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("purpose", permit.purposeId())
                .claim("lawful_basis", permit.basis().code())
                .claim("data_categories", List.copyOf(new java.util.TreeSet<>(permit.dataCategories())))
                .claim("service_id", serviceId)
                .claim("operation_id", operationId)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType("citizen-assertion+jwt")).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing the citizen assertion failed", e);
        }
        return jwt.serialize();
    }

    /** The subject an agency sees for a citizen: stable for that agency, unrelated across agencies. */
    public String pairwiseSubject(String agencyId, String subjectRef) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pairwiseSecret, "HmacSHA256"));
            byte[] h = mac.doFinal((agencyId + "\u0000" + subjectRef).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key set agencies verify assertions with. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }
}
