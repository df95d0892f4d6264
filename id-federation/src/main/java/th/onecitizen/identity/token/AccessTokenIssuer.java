package th.onecitizen.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import th.onecitizen.identity.key.SigningKeys;

/** Issues OneCitizen access tokens as RFC 9068 JWTs signed with the current ES256 key. */
public final class AccessTokenIssuer {

    /** The JOSE type of an RFC 9068 access token. */
    public static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

    private final SigningKeys keys;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final Clock clock;

    public AccessTokenIssuer(SigningKeys keys, String issuer, String audience, Duration lifetime, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Signs a new access token. */
    public IssuedAccessToken issue(AccessTokenRequest request) {
        Instant now = clock.instant();
        Instant exp = now.plus(lifetime);
        String jti = TokenIds.random();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(request.subject())
                .claim("client_id", request.clientId())
                .claim("scope", String.join(" ", new TreeSet<>(request.scopes())))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(exp))
                .jwtID(jti);
        if (request.acr() != null) {
            claims.claim("acr", request.acr());
        }
        if (!request.amr().isEmpty()) {
            claims.claim("amr", request.amr());
        }
        if (request.authTime() != null) {
            claims.claim("auth_time", request.authTime().getEpochSecond());
        }
        if (request.idp() != null) {
            claims.claim("idp", request.idp());
        }
        if (request.grantId() != null) {
            claims.claim("gid", request.grantId());
        }
        if (request.jkt() != null) {
            claims.claim("cnf", Map.of("jkt", request.jkt()));
        }
        if (request.agencyId() != null) {
            claims.claim("agency_id", request.agencyId());
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(AT_JWT).keyID(keys.currentKeyId()).build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing an access token failed", e);
        }
        return new IssuedAccessToken(jwt.serialize(), jti, exp, request.jkt() == null ? "Bearer" : "DPoP");
    }

    /** How long access tokens live. */
    public Duration lifetime() {
        return lifetime;
    }
}
