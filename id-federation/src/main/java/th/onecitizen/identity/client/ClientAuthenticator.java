package th.onecitizen.identity.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;
import th.onecitizen.identity.authorization.OAuthException;

/**
 * Authenticates clients at the token, revocation and CIBA endpoints: {@code private_key_jwt} (FAPI 2.0 rules: the
 * audience is exactly our issuer, asymmetric algorithms only, short-lived, single-use {@code jti}),
 * {@code client_secret_basic}, or {@code none} for public clients. Every failure is the same
 * {@code invalid_client}, whether the client is unknown or its secret wrong (S-PV-04).
 */
public final class ClientAuthenticator {

    /** The client_assertion_type of a JWT assertion (RFC 7523). */
    public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.PS256);
    private static final Duration MAX_ASSERTION_LIFE = Duration.ofMinutes(5);
    // a secret compared for an unknown client, so both paths do the same work
    private static final String DUMMY_HASH = sha256Hex("no-such-client-secret");

    private final ClientRegistry clients;
    private final ReactiveStringRedisTemplate redis;
    private final String issuer;
    private final Clock clock;

    public ClientAuthenticator(ClientRegistry clients, ReactiveStringRedisTemplate redis, String issuer, Clock clock) {
        this.clients = clients;
        this.redis = redis;
        this.issuer = issuer;
        this.clock = clock;
    }

    /**
     * The authenticated client.
     *
     * @param authorization the Authorization header, or null
     * @param form          the form parameters (single values)
     */
    public Mono<RegisteredClient> authenticate(String authorization, Map<String, String> form) {
        String assertionType = form.get("client_assertion_type");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (assertionType != null || form.containsKey("client_secret")) {
                return Mono.error(OAuthException.invalidRequest("Use exactly one client authentication method"));
            }
            return basic(authorization.substring(6).trim());
        }
        if (assertionType != null) {
            if (!JWT_BEARER.equals(assertionType) || form.get("client_assertion") == null) {
                return Mono.error(OAuthException.invalidClient());
            }
            return privateKeyJwt(form.get("client_assertion"), form.get("client_id"));
        }
        if (form.containsKey("client_secret")) {
            // client_secret_post is not offered
            return Mono.error(OAuthException.invalidClient());
        }
        String clientId = form.get("client_id");
        return clients.find(clientId).filter(RegisteredClient::isPublic)
                .switchIfEmpty(Mono.error(OAuthException::invalidClient));
    }

    private Mono<RegisteredClient> basic(String encoded) {
        String clientId;
        String secret;
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Mono.error(OAuthException.invalidClient());
            }
            clientId = java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Mono.error(OAuthException.invalidClient());
        }
        String presented = sha256Hex(secret);
        return clients.find(clientId)
                .map(c -> new Object[] {c})
                .defaultIfEmpty(new Object[] {null})
                .flatMap(holder -> {
                    RegisteredClient c = (RegisteredClient) holder[0];
                    if (secretMatches(c, presented)) {
                        return Mono.just(c);
                    }
                    if (c == null) {
                        // the look-up already read the store: an unknown client costs one read
                        return Mono.error(OAuthException.invalidClient());
                    }
                    // a wrong secret costs the same one read (the cached registration is read again), so that
                    // the time tells an unknown client from a wrong secret no better than the answer (S-PV-04)
                    return clients.findFresh(clientId).filter(fresh -> secretMatches(fresh, presented))
                            .switchIfEmpty(Mono.error(OAuthException::invalidClient));
                });
    }

    private static boolean secretMatches(RegisteredClient c, String presentedHash) {
        String expected = c != null && RegisteredClient.CLIENT_SECRET_BASIC.equals(c.authMethod())
                && c.secretHash() != null ? c.secretHash() : DUMMY_HASH;
        boolean equal = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                presentedHash.getBytes(StandardCharsets.US_ASCII));
        return equal && c != null && expected != DUMMY_HASH;
    }

    private Mono<RegisteredClient> privateKeyJwt(String assertion, String formClientId) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return Mono.error(OAuthException.invalidClient());
        }
        String clientId = claims.getIssuer();
        if (clientId == null || !clientId.equals(claims.getSubject())
                || (formClientId != null && !formClientId.equals(clientId))) {
            return Mono.error(OAuthException.invalidClient());
        }
        return clients.find(clientId)
                .filter(c -> RegisteredClient.PRIVATE_KEY_JWT.equals(c.authMethod()) && c.jwks() != null)
                .switchIfEmpty(Mono.error(OAuthException::invalidClient))
                .flatMap(c -> verifyAssertion(jwt, claims, c) ? Mono.just(c) : Mono.error(OAuthException.invalidClient()))
                .flatMap(c -> redis.opsForValue().setIfAbsent("oc:idf:assertion:" + c.clientId() + ":"
                        + claims.getJWTID(), "1", MAX_ASSERTION_LIFE.plusMinutes(1))
                        .flatMap(fresh -> fresh ? Mono.just(c) : Mono.error(OAuthException.invalidClient())));
    }

    private boolean verifyAssertion(SignedJWT jwt, JWTClaimsSet claims, RegisteredClient client) {
        JWSHeader header = jwt.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm()) || header.getJWK() != null || header.getJWKURL() != null) {
            return false;
        }
        // FAPI 2.0: the audience is the issuer identifier, as a single string
        List<String> aud = claims.getAudience();
        Object rawAud = jwt.getPayload().toJSONObject().get("aud");
        if (!(rawAud instanceof String) || aud.size() != 1 || !issuer.equals(aud.get(0))) {
            return false;
        }
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(now)
                || claims.getExpirationTime().toInstant().isAfter(now.plus(MAX_ASSERTION_LIFE))
                || claims.getJWTID() == null) {
            return false;
        }
        try {
            for (JWK jwk : JWKSet.parse(client.jwks()).getKeys()) {
                if (jwk instanceof AsymmetricJWK asym && (header.getKeyID() == null
                        || header.getKeyID().equals(jwk.getKeyID()))) {
                    if (jwt.verify(new DefaultJWSVerifierFactory().createJWSVerifier(header, asym.toPublicKey()))) {
                        return true;
                    }
                }
            }
        } catch (ParseException | JOSEException | RuntimeException e) {
            return false;
        }
        return false;
    }

    /** SHA-256 of a secret, hex: how client secrets are stored. */
    public static String sha256Hex(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
