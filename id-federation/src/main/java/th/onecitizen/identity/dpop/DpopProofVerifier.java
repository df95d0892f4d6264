package th.onecitizen.identity.dpop;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * Verifies DPoP proofs (RFC 9449 s4.3): type {@code dpop+jwt}, an asymmetric allow-listed algorithm, a public key in
 * the header that verifies the signature, matching {@code htm} and {@code htu}, a fresh {@code iat}, a {@code jti}
 * never seen before (Redis, shared by every instance) and, at a resource, {@code ath} over the access token.
 */
public final class DpopProofVerifier {

    private static final JOSEObjectType DPOP_JWT = new JOSEObjectType("dpop+jwt");
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.PS256, JWSAlgorithm.RS256, JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final String SEEN = "oc:idf:dpop:";
    private static final int MAX_LENGTH = 4096;

    private final ReactiveStringRedisTemplate redis;
    private final Clock clock;

    public DpopProofVerifier(ReactiveStringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /**
     * Verifies a proof for a request.
     *
     * @param proof       the DPoP header value
     * @param method      the request method
     * @param uri         the request URI as the client addressed it (query and fragment are ignored)
     * @param accessToken the access token presented with the proof, or null at the token endpoint
     * @return the proof's key thumbprint, or an {@link InvalidDpopProofException} error
     */
    public Mono<DpopProof> verify(String proof, String method, URI uri, String accessToken) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        String jkt;
        try {
            if (proof == null || proof.isEmpty() || proof.length() > MAX_LENGTH) {
                throw new InvalidDpopProofException("malformed proof");
            }
            jwt = SignedJWT.parse(proof);
            JWSHeader header = jwt.getHeader();
            if (!DPOP_JWT.equals(header.getType()) || !ALGORITHMS.contains(header.getAlgorithm())) {
                throw new InvalidDpopProofException("wrong proof type or algorithm");
            }
            JWK jwk = header.getJWK();
            if (!(jwk instanceof AsymmetricJWK) || jwk.isPrivate()) {
                throw new InvalidDpopProofException("proof key missing or not a public key");
            }
            if (!jwt.verify(new DefaultJWSVerifierFactory().createJWSVerifier(header,
                    ((AsymmetricJWK) jwk).toPublicKey()))) {
                throw new InvalidDpopProofException("bad proof signature");
            }
            claims = jwt.getJWTClaimsSet();
            checkClaims(claims, method, uri, accessToken);
            jkt = jwk.computeThumbprint().toString();
        } catch (ParseException | JOSEException | ClassCastException | IllegalArgumentException e) {
            return Mono.error(new InvalidDpopProofException("malformed proof"));
        } catch (InvalidDpopProofException e) {
            return Mono.error(e);
        }
        // The jti is remembered for the whole acceptance window, so a replay within it is refused.
        return redis.opsForValue().setIfAbsent(SEEN + jkt + ":" + claims.getJWTID(), "1", WINDOW.multipliedBy(2))
                .flatMap(fresh -> fresh ? Mono.just(new DpopProof(jkt))
                        : Mono.error(new InvalidDpopProofException("proof replayed")));
    }

    private void checkClaims(JWTClaimsSet c, String method, URI uri, String accessToken) throws ParseException {
        String jti = c.getJWTID();
        if (jti == null || jti.isEmpty() || jti.length() > 256) {
            throw new InvalidDpopProofException("proof without jti");
        }
        if (!method.equalsIgnoreCase(c.getStringClaim("htm"))) {
            throw new InvalidDpopProofException("htm mismatch");
        }
        String htu = c.getStringClaim("htu");
        if (htu == null || !normalise(URI.create(htu)).equals(normalise(uri))) {
            throw new InvalidDpopProofException("htu mismatch");
        }
        Instant now = clock.instant();
        if (c.getIssueTime() == null || c.getIssueTime().toInstant().isBefore(now.minus(WINDOW))
                || c.getIssueTime().toInstant().isAfter(now.plus(WINDOW))) {
            throw new InvalidDpopProofException("stale proof");
        }
        if (accessToken != null) {
            String ath = c.getStringClaim("ath");
            if (ath == null || !ath.equals(accessTokenHash(accessToken))) {
                throw new InvalidDpopProofException("ath mismatch");
            }
        }
    }

    /** base64url(SHA-256(token)): the {@code ath} of a proof presented with this access token. */
    public static String accessTokenHash(String accessToken) {
        try {
            return Base64URL.encode(MessageDigest.getInstance("SHA-256")
                    .digest(accessToken.getBytes(StandardCharsets.US_ASCII))).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Scheme and host compared case-insensitively, default ports dropped, query and fragment ignored. */
    private static String normalise(URI u) {
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
        int port = u.getPort();
        if (("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80)) {
            port = -1;
        }
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        return scheme + "://" + host + (port == -1 ? "" : ":" + port) + path;
    }
}
