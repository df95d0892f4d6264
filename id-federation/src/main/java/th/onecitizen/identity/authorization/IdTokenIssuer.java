package th.onecitizen.identity.authorization;

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
import java.util.List;
import th.onecitizen.identity.key.SigningKeys;
import th.onecitizen.identity.token.TokenHashes;

/** Issues OIDC ID tokens (typ JWT, ES256) for OneCitizen logins. */
public final class IdTokenIssuer {

    private final SigningKeys keys;
    private final String issuer;
    private final Clock clock;

    public IdTokenIssuer(SigningKeys keys, String issuer, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** An ID token for a citizen at a client. */
    public String issue(String citizenId, String clientId, String nonce, String acr, List<String> amr,
            Instant authTime, String idp, String accessToken) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder c = new JWTClaimsSet.Builder().issuer(issuer).subject(citizenId).audience(clientId)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("auth_time", authTime.getEpochSecond()).claim("acr", acr).claim("amr", amr)
                .claim("azp", clientId).claim("idp", idp).claim("at_hash", TokenHashes.leftHalf(accessToken));
        if (nonce != null) {
            c.claim("nonce", nonce);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
                .keyID(keys.currentKeyId()).build(), c.build());
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing an ID token failed", e);
        }
        return jwt.serialize();
    }
}
