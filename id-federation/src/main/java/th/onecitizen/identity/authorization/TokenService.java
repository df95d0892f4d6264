package th.onecitizen.identity.authorization;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;
import th.onecitizen.identity.client.ClientAuthenticator;
import th.onecitizen.identity.client.RegisteredClient;
import th.onecitizen.identity.dpop.DpopProof;
import th.onecitizen.identity.dpop.DpopProofVerifier;
import th.onecitizen.identity.dpop.InvalidDpopProofException;
import th.onecitizen.identity.token.AccessTokenIssuer;
import th.onecitizen.identity.token.AccessTokenRequest;
import th.onecitizen.identity.token.AccessTokenValidator;
import th.onecitizen.identity.token.IssuedAccessToken;
import th.onecitizen.identity.token.TokenIds;
import th.onecitizen.identity.upstream.Pkce;

/**
 * The token endpoint's grants: {@code authorization_code} (one-time, 60 s, bound to client, redirect URI and PKCE),
 * {@code refresh_token} (rotation, reuse revokes the family), {@code client_credentials} (confidential clients) and
 * CIBA ({@code urn:openid:params:grant-type:ciba}, poll mode). With a DPoP proof, tokens are bound to its key.
 */
public final class TokenService {

    /** The CIBA grant type. */
    public static final String CIBA = "urn:openid:params:grant-type:ciba";

    private final ClientAuthenticator authenticator;
    private final RedisAuthorizationStore store;
    private final R2dbcRefreshTokens refreshTokens;
    private final AccessTokenIssuer accessTokens;
    private final AccessTokenValidator validator;
    private final IdTokenIssuer idTokens;
    private final DpopProofVerifier dpop;
    private final NdidLogins ndid;
    private final URI tokenEndpoint;
    private final Duration refreshLifetime;
    private final Duration cibaInterval;
    private final Clock clock;

    public TokenService(ClientAuthenticator authenticator, RedisAuthorizationStore store,
            R2dbcRefreshTokens refreshTokens, AccessTokenIssuer accessTokens, AccessTokenValidator validator,
            IdTokenIssuer idTokens, DpopProofVerifier dpop, NdidLogins ndid, String issuer, Duration refreshLifetime,
            Duration cibaInterval, Clock clock) {
        this.authenticator = authenticator;
        this.store = store;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.validator = validator;
        this.idTokens = idTokens;
        this.dpop = dpop;
        this.ndid = ndid;
        this.tokenEndpoint = URI.create(issuer + "/oauth2/token");
        this.refreshLifetime = refreshLifetime;
        this.cibaInterval = cibaInterval;
        this.clock = clock;
    }

    /**
     * Handles a token request.
     *
     * @param authorization the Authorization header, or null
     * @param form          the form parameters (each parameter given once; repeats are refused by the caller)
     * @param dpopProof     the DPoP header, or null
     * @return the token response body, or an {@link OAuthException} error
     */
    public Mono<Map<String, Object>> token(String authorization, Map<String, String> form, String dpopProof) {
        String grantType = form.get("grant_type");
        if (grantType == null) {
            return Mono.error(OAuthException.invalidRequest("grant_type is required"));
        }
        if (!Set.of("authorization_code", "refresh_token", "client_credentials", CIBA).contains(grantType)) {
            return Mono.error(new OAuthException("unsupported_grant_type", "This grant type is not supported", 400));
        }
        Mono<String> jkt = dpopProof == null ? Mono.just("")
                : dpop.verify(dpopProof, "POST", tokenEndpoint, null).map(DpopProof::jkt)
                        .onErrorMap(InvalidDpopProofException.class,
                                e -> new OAuthException("invalid_dpop_proof", "The DPoP proof is invalid", 400));
        return authenticator.authenticate(authorization, form).flatMap(client -> {
            if (!client.grantTypes().contains(grantType)) {
                return Mono.error(new OAuthException("unauthorized_client",
                        "This client may not use this grant type", 400));
            }
            return jkt.flatMap(k -> {
                String bound = k.isEmpty() ? null : k;
                return switch (grantType) {
                    case "authorization_code" -> authorizationCode(client, form, bound);
                    case "refresh_token" -> refresh(client, form, bound);
                    case "client_credentials" -> clientCredentials(client, form, bound);
                    default -> ciba(client, form, bound);
                };
            });
        });
    }

    private Mono<Map<String, Object>> authorizationCode(RegisteredClient client, Map<String, String> form,
            String jkt) {
        String code = form.get("code");
        String familyId = TokenIds.random();
        return store.takeCode(code, familyId)
                .switchIfEmpty(Mono.defer(() -> store.grantOfUsedCode(code == null ? "" : code)
                        // a second redemption revokes what the first produced (S-AS-06)
                        .flatMap(grantId -> refreshTokens.revokeFamily(grantId).then(validator.revokeGrant(grantId)))
                        .then(Mono.error(OAuthException.invalidGrant("The code is invalid, expired or used")))))
                .flatMap(grant -> {
                    if (!grant.clientId().equals(client.clientId())
                            || !grant.redirectUri().equals(form.get("redirect_uri"))
                            || !Pkce.matches(form.get("code_verifier"), grant.codeChallenge())) {
                        // the code is consumed either way (S-AS-04, S-AS-07)
                        return Mono.error(OAuthException.invalidGrant("The code is invalid, expired or used"));
                    }
                    Instant authTime = Instant.ofEpochSecond(grant.authTime());
                    RefreshGrant family = new RefreshGrant(familyId, client.clientId(), grant.citizenId(),
                            grant.scopes(), grant.acr(), grant.amr(), authTime, grant.idp(), jkt,
                            clock.instant().plus(refreshLifetime));
                    return citizenTokens(family, grant.nonce(), true);
                });
    }

    private Mono<Map<String, Object>> refresh(RegisteredClient client, Map<String, String> form, String jkt) {
        return refreshTokens.rotate(form.get("refresh_token"), client.clientId()).flatMap(rotation -> {
            if (rotation instanceof R2dbcRefreshTokens.Rotation.Reused reused) {
                return validator.revokeGrant(reused.familyId())
                        .then(Mono.error(OAuthException.invalidGrant("The refresh token is invalid")));
            }
            if (!(rotation instanceof R2dbcRefreshTokens.Rotation.Rotated rotated)) {
                return Mono.error(OAuthException.invalidGrant("The refresh token is invalid"));
            }
            RefreshGrant grant = rotated.grant();
            if (grant.jkt() != null && !grant.jkt().equals(jkt)) {
                // a DPoP-bound family refreshes only with a proof by the same key (S-TK-05)
                return refreshTokens.revokeFamily(grant.familyId()).then(validator.revokeGrant(grant.familyId()))
                        .then(Mono.error(OAuthException.invalidGrant("The refresh token is bound to a DPoP key")));
            }
            Set<String> scopes = grant.scopes();
            if (form.get("scope") != null) {
                Set<String> asked = new LinkedHashSet<>(Arrays.asList(form.get("scope").trim().split(" +")));
                if (!grant.scopes().containsAll(asked)) {
                    return Mono.error(new OAuthException("invalid_scope", "The scope exceeds the grant", 400));
                }
                scopes = asked;
            }
            RefreshGrant narrowed = new RefreshGrant(grant.familyId(), grant.clientId(), grant.citizenId(), scopes,
                    grant.acr(), grant.amr(), grant.authTime(), grant.idp(), grant.jkt(), grant.familyExpiresAt());
            return Mono.just(response(narrowed, rotated.token(), null, false));
        });
    }

    private Mono<Map<String, Object>> clientCredentials(RegisteredClient client, Map<String, String> form,
            String jkt) {
        if (client.isPublic()) {
            return Mono.error(new OAuthException("unauthorized_client", "Public clients cannot do this", 400));
        }
        Set<String> scopes = client.scopes();
        if (form.get("scope") != null) {
            Set<String> asked = new LinkedHashSet<>(Arrays.asList(form.get("scope").trim().split(" +")));
            if (!client.scopes().containsAll(asked)) {
                return Mono.error(new OAuthException("invalid_scope", "A requested scope is not allowed", 400));
            }
            scopes = asked;
        }
        IssuedAccessToken at = accessTokens.issue(AccessTokenRequest.forClient(client.clientId(), scopes,
                client.agencyId(), jkt));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", at.value());
        body.put("token_type", at.type());
        body.put("expires_in", accessTokens.lifetime().toSeconds());
        body.put("scope", String.join(" ", scopes));
        return Mono.just(body);
    }

    private Mono<Map<String, Object>> ciba(RegisteredClient client, Map<String, String> form, String jkt) {
        long nowMillis = clock.millis();
        return ndid.find(form.get("auth_req_id"))
                .filter(tx -> tx.request() == null && tx.clientId().equals(client.clientId()))
                .switchIfEmpty(Mono.error(OAuthException.invalidGrant("The auth_req_id is invalid or used")))
                .flatMap(ndid::refresh)
                .flatMap(tx -> {
                    if (tx.expiresAt() < clock.instant().getEpochSecond()) {
                        return Mono.error(new OAuthException("expired_token", "The request has expired", 400));
                    }
                    if ("failed".equals(tx.status())) {
                        return Mono.error(new OAuthException(tx.error(), tx.error().equals("expired_token")
                                ? "The citizen did not answer in time" : "The citizen or the IdP refused", 400));
                    }
                    if ("pending".equals(tx.status())) {
                        boolean tooFast = tx.lastPoll() != 0 && nowMillis - tx.lastPoll() < cibaInterval.toMillis();
                        return ndid.save(tx.polled(nowMillis)).then(Mono.error(tooFast
                                ? new OAuthException("slow_down", "Poll less often", 400)
                                : new OAuthException("authorization_pending", "The citizen has not answered yet",
                                        400)));
                    }
                    return ndid.takeCompleted(tx)
                            .switchIfEmpty(Mono.error(
                                    OAuthException.invalidGrant("The auth_req_id is invalid or used")))
                            .flatMap(done -> citizenTokens(new RefreshGrant(TokenIds.random(), client.clientId(),
                                    done.citizenId(), done.scopes(), done.acr(), List.of("fed"),
                                    Instant.ofEpochSecond(done.authTime()), "ndid", jkt,
                                    clock.instant().plus(refreshLifetime)), null, true));
                });
    }

    /** Issues a citizen's tokens for a new family (code or CIBA). */
    public Mono<Map<String, Object>> citizenTokens(RefreshGrant family, String nonce, boolean idToken) {
        return refreshTokens.issue(family).map(refresh -> response(family, refresh, nonce, idToken));
    }

    private Map<String, Object> response(RefreshGrant g, String refreshToken, String nonce, boolean withIdToken) {
        IssuedAccessToken at = accessTokens.issue(new AccessTokenRequest(g.citizenId(), g.clientId(), g.scopes(),
                g.acr(), g.amr(), g.authTime(), g.idp(), g.familyId(), g.jkt(), null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", at.value());
        body.put("token_type", at.type());
        body.put("expires_in", accessTokens.lifetime().toSeconds());
        body.put("refresh_token", refreshToken);
        body.put("scope", String.join(" ", g.scopes()));
        // an ID token records an authentication: issued with the code and CIBA grants, not on refresh, which
        // authenticates nobody (OIDC Core 12.2 lets the refresh response leave it out); saves a signature per refresh
        if (withIdToken && g.scopes().contains("openid")) {
            body.put("id_token", idTokens.issue(g.citizenId(), g.clientId(), nonce, g.acr(), g.amr(), g.authTime(),
                    g.idp(), at.value()));
        }
        return body;
    }

    /** RFC 7009: revokes a refresh token's family or an access token; unknown tokens are not an error. */
    public Mono<Void> revoke(String authorization, Map<String, String> form) {
        String token = form.get("token");
        if (token == null) {
            return Mono.error(OAuthException.invalidRequest("token is required"));
        }
        return authenticator.authenticate(authorization, form).flatMap(client -> refreshTokens.find(token)
                .filter(g -> g.clientId().equals(client.clientId()))
                .flatMap(g -> refreshTokens.revokeFamily(g.familyId()).then(validator.revokeGrant(g.familyId()))
                        .thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> validator.validate(token)
                        .filter(v -> v.clientId().equals(client.clientId()))
                        .flatMap(v -> validator.revoke(v).thenReturn(true))
                        .onErrorResume(e -> Mono.just(false))))
                .then());
    }

    /** RP-initiated logout: ends every grant of this citizen at this client. */
    public Mono<Void> endSession(String citizenId, String clientId) {
        return refreshTokens.families(citizenId, clientId).flatMapIterable(f -> f)
                .concatMap(f -> refreshTokens.revokeFamily(f).then(validator.revokeGrant(f))).then();
    }
}
