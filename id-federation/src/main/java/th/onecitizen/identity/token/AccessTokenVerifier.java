package th.onecitizen.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import th.onecitizen.identity.key.SigningKeys;

/**
 * Verifies OneCitizen access tokens (RFC 9068, RFC 8725): ES256 only, {@code typ} {@code at+jwt}, a key id from our
 * own key set (never a key named by the token: {@code jku}, {@code x5u}, {@code jwk}, {@code x5c} are refused),
 * our issuer, our audience, unexpired. Tokens already verified are served from a bounded cache until they expire or
 * are revoked. Revocation itself (across instances) is checked by {@link AccessTokenValidator}.
 */
public final class AccessTokenVerifier {

    /** Longer than any token we issue; refusing early bounds the work an attacker can cause. */
    private static final int MAX_TOKEN_LENGTH = 8192;
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final SigningKeys keys;
    private final String issuer;
    private final String audience;
    private final Clock clock;
    private final VerifiedTokenCache cache;

    public AccessTokenVerifier(SigningKeys keys, String issuer, String audience, Clock clock, int cacheSize) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = new VerifiedTokenCache(cacheSize);
    }

    /**
     * Verifies a compact access token.
     *
     * @throws InvalidAccessTokenException with a fixed reason when the token is not acceptable
     */
    public VerifiedAccessToken verify(String token) {
        Instant now = clock.instant();
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidAccessTokenException("malformed token");
        }
        VerifiedAccessToken cached = cache.get(token, now);
        if (cached != null) {
            return cached;
        }
        VerifiedAccessToken verified = verifyUncached(token, now);
        cache.put(token, verified, now);
        return verified;
    }

    /** Verifies without consulting or filling the cache (the benchmark's baseline, and the cache's source). */
    public VerifiedAccessToken verifyUncached(String token, Instant now) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw new InvalidAccessTokenException("malformed token");
        }
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
            throw new InvalidAccessTokenException("algorithm not allowed");
        }
        if (header.getJWKURL() != null || header.getX509CertURL() != null || header.getJWK() != null
                || header.getX509CertChain() != null || header.getCriticalParams() != null) {
            throw new InvalidAccessTokenException("key reference headers are not accepted");
        }
        if (!AccessTokenIssuer.AT_JWT.equals(header.getType())) {
            throw new InvalidAccessTokenException("not an access token");
        }
        ECDSAVerifier verifier = keys.verifier(header.getKeyID());
        if (verifier == null) {
            throw new InvalidAccessTokenException("unknown key");
        }
        try {
            if (!jwt.verify(verifier)) {
                throw new InvalidAccessTokenException("bad signature");
            }
        } catch (JOSEException e) {
            throw new InvalidAccessTokenException("bad signature");
        }
        try {
            return claims(jwt.getJWTClaimsSet(), now);
        } catch (ParseException | ClassCastException e) {
            throw new InvalidAccessTokenException("malformed claims");
        }
    }

    /** Drops cached tokens with this id (revocation); other instances learn of it through the revocation store. */
    public void forgetToken(String jti) {
        cache.removeIf(v -> v.jti().equals(jti));
    }

    /** Drops cached tokens of this grant (a revoked refresh family). */
    public void forgetGrant(String grantId) {
        cache.removeIf(v -> grantId.equals(v.grantId()));
    }

    private VerifiedAccessToken claims(JWTClaimsSet c, Instant now) throws ParseException {
        if (!issuer.equals(c.getIssuer())) {
            throw new InvalidAccessTokenException("wrong issuer");
        }
        if (c.getAudience() == null || !c.getAudience().contains(audience)) {
            throw new InvalidAccessTokenException("wrong audience");
        }
        Date exp = c.getExpirationTime();
        if (exp == null || !exp.toInstant().plus(CLOCK_SKEW).isAfter(now)) {
            throw new InvalidAccessTokenException("expired");
        }
        Date iat = c.getIssueTime();
        if (iat == null || iat.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidAccessTokenException("issued in the future");
        }
        Date nbf = c.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidAccessTokenException("not yet valid");
        }
        String sub = c.getSubject();
        String clientId = c.getStringClaim("client_id");
        String jti = c.getJWTID();
        if (sub == null || clientId == null || jti == null) {
            throw new InvalidAccessTokenException("missing claims");
        }
        String scope = c.getStringClaim("scope");
        Set<String> scopes = new LinkedHashSet<>();
        if (scope != null && !scope.isBlank()) {
            scopes.addAll(List.of(scope.trim().split(" +")));
        }
        Long authTime = c.getLongClaim("auth_time");
        List<String> amr = c.getStringListClaim("amr");
        Map<String, Object> cnf = c.getJSONObjectClaim("cnf");
        String jkt = cnf == null ? null : (String) cnf.get("jkt");
        return new VerifiedAccessToken(jti, sub, clientId, Set.copyOf(scopes), c.getStringClaim("acr"),
                amr == null ? List.of() : List.copyOf(amr), authTime == null ? null : Instant.ofEpochSecond(authTime),
                c.getStringClaim("idp"), c.getStringClaim("gid"), jkt, c.getStringClaim("agency_id"),
                exp.toInstant());
    }
}
