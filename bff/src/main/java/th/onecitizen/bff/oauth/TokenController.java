package th.onecitizen.bff.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import th.onecitizen.bff.security.Callers;
import th.onecitizen.identity.IdentityProperties;
import th.onecitizen.identity.authorization.NdidLogins;
import th.onecitizen.identity.authorization.OAuthException;
import th.onecitizen.identity.authorization.TokenService;
import th.onecitizen.identity.citizen.CitizenDirectory;
import th.onecitizen.identity.client.ClientAuthenticator;
import th.onecitizen.identity.client.ClientRegistry;
import th.onecitizen.identity.key.SigningKeys;
import th.onecitizen.platform.privacy.CitizenIds;

/** The back channel apart from the token endpoint ({@link TokenEndpoint}): revoke, CIBA, userinfo, end-session. */
@RestController
public final class TokenController {

    private static final int MAX_BINDING_MESSAGE = 64;

    private final TokenService tokens;
    private final ClientAuthenticator authenticator;
    private final NdidLogins ndid;
    private final CitizenDirectory directory;
    private final ClientRegistry clients;
    private final SigningKeys keys;
    private final IdentityProperties identity;
    private final Pages pages;
    private final GuessingGate gate;

    public TokenController(TokenService tokens, ClientAuthenticator authenticator, NdidLogins ndid,
            CitizenDirectory directory, ClientRegistry clients, SigningKeys keys, IdentityProperties identity,
            Pages pages, GuessingGate gate) {
        this.gate = gate;
        this.tokens = tokens;
        this.authenticator = authenticator;
        this.ndid = ndid;
        this.directory = directory;
        this.clients = clients;
        this.keys = keys;
        this.identity = identity;
        this.pages = pages;
    }

    @PostMapping("/oauth2/revoke")
    Mono<ResponseEntity<Map<String, Object>>> revoke(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return OAuthResponses.form(exchange)
                .flatMap(form -> tokens.revoke(authorization, form))
                .then(Mono.just(OAuthResponses.json(Map.of())))
                .onErrorResume(OAuthException.class, e -> Mono.just(OAuthResponses.error(e)));
    }

    @PostMapping("/oauth2/bc-authorize")
    Mono<ResponseEntity<Map<String, Object>>> backchannel(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return OAuthResponses.form(exchange)
                .flatMap(form -> gate.throttled(GuessingGate.caller(exchange, form), false,
                        authenticator.authenticate(authorization, form))
                        .map(client -> reactor.util.function.Tuples.of(client, form)))
                .flatMap(pair -> {
                    var client = pair.getT1();
                    var form = pair.getT2();
                    if (client.isPublic() || !client.grantTypes().contains(TokenService.CIBA)) {
                        return Mono.error(new OAuthException("unauthorized_client",
                                "This client may not use CIBA", 400));
                    }
                    String scope = form.getOrDefault("scope", "");
                    java.util.Set<String> scopes = new java.util.LinkedHashSet<>(
                            java.util.Arrays.asList(scope.trim().split(" +")));
                    scopes.remove("");
                    if (!scopes.contains("openid") || !client.scopes().containsAll(scopes)) {
                        return Mono.error(new OAuthException("invalid_scope", "openid and allowed scopes only",
                                400));
                    }
                    String message = form.getOrDefault("binding_message", "OneCitizen");
                    if (message.length() > MAX_BINDING_MESSAGE || !message.codePoints().allMatch(
                            c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)) {
                        return Mono.error(new OAuthException("invalid_binding_message",
                                "The binding_message is too long or holds control characters", 400));
                    }
                    String hint = form.get("login_hint");
                    if (!CitizenIds.isValid(hint)) {
                        return Mono.error(OAuthException.invalidRequest("login_hint must be a valid citizen ID"));
                    }
                    return ndid.startCiba(client.clientId(), scopes, hint, message);
                })
                .map(tx -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("auth_req_id", tx.id());
                    body.put("expires_in", identity.cibaTtl().toSeconds());
                    body.put("interval", identity.cibaInterval().toSeconds());
                    return OAuthResponses.json(body);
                })
                .onErrorResume(OAuthException.class, e -> Mono.just(OAuthResponses.error(e)))
                .onErrorResume(th.onecitizen.identity.upstream.UpstreamException.class,
                        e -> Mono.just(OAuthResponses.error(new OAuthException("temporarily_unavailable",
                                "The identity network is not available", 503))));
    }

    @RequestMapping(path = "/oauth2/userinfo", method = {RequestMethod.GET, RequestMethod.POST})
    Mono<ResponseEntity<Map<String, Object>>> userinfo() {
        return Callers.citizen().flatMap(c -> {
            if (!c.scopes().contains("openid")) {
                return Mono.just(ResponseEntity.status(403)
                        .header("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"openid\"")
                        .<Map<String, Object>>build());
            }
            return directory.profile(c.sub()).map(p -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("sub", c.sub());
                if (c.scopes().contains("profile")) {
                    putIfPresent(body, "name", p.nameTh());
                    putIfPresent(body, "name_en", p.nameEn());
                    putIfPresent(body, "birthdate", p.birthDate() == null ? null : p.birthDate().toString());
                }
                body.put("acr", c.acr());
                body.put("idp", c.idp());
                return OAuthResponses.json(body);
            }).defaultIfEmpty(OAuthResponses.json(Map.of("sub", c.sub())));
        });
    }

    @RequestMapping(path = "/oauth2/logout", method = {RequestMethod.GET, RequestMethod.POST})
    Mono<ResponseEntity<String>> endSession(ServerWebExchange exchange) {
        boolean post = exchange.getRequest().getMethod().name().equals("POST");
        Mono<Map<String, String>> params = post ? exchange.getFormData().flatMap(OAuthResponses::single)
                : OAuthResponses.single(exchange.getRequest().getQueryParams());
        return params.flatMap(p -> {
            String[] hint = idTokenHint(p.get("id_token_hint"));
            String clientId = hint != null ? hint[1] : p.get("client_id");
            String redirect = p.get("post_logout_redirect_uri");
            Mono<Void> revoke = hint == null ? Mono.empty() : tokens.endSession(hint[0], hint[1]);
            Mono<ResponseEntity<String>> done = Mono.just(OAuthResponses.page(200,
                    pages.notice("ออกจากระบบแล้ว", "You are signed out.")));
            if (redirect == null) {
                return revoke.then(done);
            }
            return clients.find(clientId).filter(c -> c.allowsPostLogoutRedirect(redirect))
                    .flatMap(c -> revoke.then(Mono.just(OAuthResponses.redirect(
                            URI.create(redirect + (p.get("state") == null ? "" : (redirect.contains("?") ? "&" : "?")
                                    + "state=" + java.net.URLEncoder.encode(p.get("state"),
                                            java.nio.charset.StandardCharsets.UTF_8))), post))))
                    // an unregistered post-logout URI is never followed (S-AS-01)
                    .switchIfEmpty(Mono.just(OAuthResponses.page(400, pages.error(
                            "invalid_request: post_logout_redirect_uri is not registered"))));
        }).onErrorResume(OAuthException.class, e -> Mono.just(OAuthResponses.page(400,
                pages.error("invalid_request: " + e.description()))));
    }

    /** {sub, aud} of an ID token we issued (expired ones are fine as a hint), or null. */
    private String[] idTokenHint(String token) {
        if (token == null) {
            return null;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            var verifier = keys.verifier(jwt.getHeader().getKeyID());
            if (verifier == null || !jwt.verify(verifier)
                    || !identity.issuer().equals(jwt.getJWTClaimsSet().getIssuer())
                    || jwt.getJWTClaimsSet().getAudience().size() != 1) {
                return null;
            }
            return new String[] {jwt.getJWTClaimsSet().getSubject(), jwt.getJWTClaimsSet().getAudience().get(0)};
        } catch (ParseException | JOSEException | RuntimeException e) {
            return null;
        }
    }

    private static void putIfPresent(Map<String, Object> body, String key, Object value) {
        if (value != null) {
            body.put(key, value);
        }
    }

    @GetMapping(path = {"/oauth2/token", "/oauth2/bc-authorize", "/oauth2/revoke"})
    ResponseEntity<Map<String, Object>> wrongMethod() {
        // S-AS-12: these endpoints take POST only
        return ResponseEntity.status(405).header("Allow", "POST").body(Map.of("error", "invalid_request",
                "error_description", "Use POST"));
    }
}
