package th.onecitizen.identity.upstream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Validates a JWT signed by a provider: ES256 only (alg none, HS256 and everything else refused), a key from the
 * provider's published set, the expected issuer and audience, not expired (S-UP-01, S-UP-04).
 */
public final class UpstreamJwt {

    private static final Duration SKEW = Duration.ofSeconds(30);

    private UpstreamJwt() {
    }

    /** The validated claims, or an {@link UpstreamException} ({@code access_denied}). */
    public static Mono<JWTClaimsSet> validate(String token, RemoteJwks jwks, String issuer, String audience,
            Clock clock) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            return Mono.error(UpstreamException.denied("provider token is not a signed JWT"));
        }
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || header.getJWK() != null
                || header.getJWKURL() != null || header.getX509CertURL() != null) {
            return Mono.error(UpstreamException.denied("provider token algorithm or key reference refused"));
        }
        return jwks.key(header.getKeyID()).flatMap(key -> {
            try {
                if (!(key instanceof ECKey ec) || !jwt.verify(new ECDSAVerifier(ec.toECPublicKey()))) {
                    return Mono.error(UpstreamException.denied("provider token signature invalid"));
                }
                JWTClaimsSet c = jwt.getJWTClaimsSet();
                Instant now = clock.instant();
                if (!issuer.equals(c.getIssuer())) {
                    return Mono.error(UpstreamException.denied("provider token issuer mismatch"));
                }
                if (audience != null && (c.getAudience() == null || !c.getAudience().contains(audience))) {
                    return Mono.error(UpstreamException.denied("provider token audience mismatch"));
                }
                if (c.getExpirationTime() == null || c.getExpirationTime().toInstant().plus(SKEW).isBefore(now)) {
                    return Mono.error(UpstreamException.denied("provider token expired"));
                }
                return Mono.just(c);
            } catch (JOSEException | ParseException e) {
                return Mono.error(UpstreamException.denied("provider token invalid"));
            }
        });
    }

}
