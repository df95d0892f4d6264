package th.onecitizen.identity.authorization;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import th.onecitizen.identity.assurance.Assurance;
import th.onecitizen.identity.citizen.IdentityConflictException;
import th.onecitizen.identity.citizen.R2dbcCitizens;
import th.onecitizen.identity.citizen.VerifiedIdentity;
import th.onecitizen.identity.client.ClientRegistry;
import th.onecitizen.identity.client.RegisteredClient;
import th.onecitizen.identity.token.TokenIds;
import th.onecitizen.identity.upstream.IdentityProvider;
import th.onecitizen.identity.upstream.IdentityProviders;
import th.onecitizen.identity.upstream.UpstreamException;
import th.onecitizen.identity.upstream.UpstreamLogin;
import th.onecitizen.platform.observability.ParkedObservation;

/**
 * The authorization endpoint and the upstream callbacks: validates the app's request (PKCE S256 required, exact
 * redirect URI, registered scopes), routes to a provider able to reach the requested assurance, keeps the upstream
 * leg's state, nonce and PKCE verifier in Redis (single use), and answers the app with a one-time code or an OAuth
 * error, always with {@code iss} (RFC 9207).
 */
public final class AuthorizationServer {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationServer.class);
    private static final Set<String> SINGLE = Set.of("client_id", "redirect_uri", "response_type", "scope", "state",
            "nonce", "code_challenge", "code_challenge_method", "prompt", "max_age", "acr_values", "login_hint",
            "idp_hint", "ui_locales", "response_mode");

    private final ClientRegistry clients;
    private final IdentityProviders providers;
    private final RedisAuthorizationStore store;
    private final R2dbcCitizens citizens;
    private final NdidLogins ndid;
    private final String issuer;
    /** The issuer's origin ({@code scheme://host[:port]}), as a browser names it in {@code Origin}. */
    private final String issuerOrigin;
    private final Clock clock;

    public AuthorizationServer(ClientRegistry clients, IdentityProviders providers, RedisAuthorizationStore store,
            R2dbcCitizens citizens, NdidLogins ndid, String issuer, Clock clock) {
        this.clients = clients;
        this.providers = providers;
        this.store = store;
        this.citizens = citizens;
        this.ndid = ndid;
        this.issuer = issuer;
        URI own = URI.create(issuer);
        this.issuerOrigin = own.getScheme() + "://" + own.getRawAuthority();
        this.clock = clock;
    }

    /** Handles {@code GET /oauth2/authorize}. */
    public Mono<AuthorizeOutcome> authorize(Map<String, List<String>> query) {
        String clientId = first(query, "client_id");
        String redirectUri = first(query, "redirect_uri");
        if (count(query, "client_id") > 1 || count(query, "redirect_uri") > 1) {
            return Mono.just(new AuthorizeOutcome.ErrorPage(400,
                    "invalid_request: repeated client_id or redirect_uri"));
        }
        return clients.find(clientId)
                .map(client -> validate(client, redirectUri, query))
                .defaultIfEmpty(new Refused(new AuthorizeOutcome.ErrorPage(400, "invalid_request: unknown client")))
                .flatMap(check -> check instanceof Validated v ? route(v.request())
                        : Mono.just(((Refused) check).outcome()));
    }

    /** The result of validating a request: either a request to route, or the answer that refuses it. */
    private sealed interface Check permits Validated, Refused {
    }

    private record Validated(AuthorizationRequest request) implements Check {
    }

    private record Refused(AuthorizeOutcome outcome) implements Check {
    }

    private Check validate(RegisteredClient client, String redirectUri, Map<String, List<String>> q) {
        if (!client.allowsRedirect(redirectUri)) {
            return new Refused(new AuthorizeOutcome.ErrorPage(400,
                    "invalid_request: the redirect_uri is not registered for this client"));
        }
        String state = first(q, "state");
        for (String name : SINGLE) {
            if (count(q, name) > 1) {
                return refuse(redirectUri, "invalid_request", "Repeated parameter " + name, state);
            }
        }
        if (!"code".equals(first(q, "response_type"))) {
            return refuse(redirectUri, "unsupported_response_type", "Only response_type=code is supported", state);
        }
        if (!client.grantTypes().contains("authorization_code")) {
            return refuse(redirectUri, "unauthorized_client", "The client may not use the code flow", state);
        }
        String challenge = first(q, "code_challenge");
        if (challenge == null || !"S256".equals(first(q, "code_challenge_method"))
                || !challenge.matches("[A-Za-z0-9_-]{43}")) {
            return refuse(redirectUri, "invalid_request", "PKCE with code_challenge_method=S256 is required", state);
        }
        Set<String> scopes = new LinkedHashSet<>();
        String scope = first(q, "scope");
        if (scope != null && !scope.isBlank()) {
            scopes.addAll(Arrays.asList(scope.trim().split(" +")));
        }
        if (!client.scopes().containsAll(scopes)) {
            return refuse(redirectUri, "invalid_scope", "A requested scope is not allowed for this client", state);
        }
        List<String> prompt = first(q, "prompt") == null ? List.of() : Arrays.asList(first(q, "prompt").split(" "));
        if (prompt.contains("none")) {
            // no session is kept at OneCitizen: every login goes to a provider
            return refuse(redirectUri, "login_required", "A login at a provider is required", state);
        }
        Integer maxAge = null;
        if (first(q, "max_age") != null) {
            try {
                maxAge = Integer.parseInt(first(q, "max_age"));
            } catch (NumberFormatException e) {
                return refuse(redirectUri, "invalid_request", "max_age must be a number of seconds", state);
            }
        }
        String acr = null;
        if (first(q, "acr_values") != null) {
            acr = Arrays.stream(first(q, "acr_values").split(" ")).map(Assurance::fromAcr)
                    .flatMap(java.util.Optional::stream).map(Assurance::acr).findFirst().orElse(null);
            if (acr == null) {
                return refuse(redirectUri, "invalid_request", "acr_values names no known level", state);
            }
        }
        String locale = first(q, "ui_locales") != null && first(q, "ui_locales").startsWith("en") ? "en" : "th";
        return new Validated(new AuthorizationRequest(client.clientId(), redirectUri, scopes, state,
                first(q, "nonce"), challenge, prompt, maxAge, acr, first(q, "login_hint"), first(q, "idp_hint"),
                locale));
    }

    private Mono<AuthorizeOutcome> route(AuthorizationRequest request) {
        Assurance required = request.acr() == null ? null : Assurance.fromAcr(request.acr()).orElseThrow();
        List<String> able = providers.able(required);
        if (request.idpHint() == null) {
            if (able.isEmpty()) {
                return Mono.just(errorRedirect(request, "unmet_authentication_requirements",
                        "No provider can reach the requested assurance"));
            }
            return Mono.just(new AuthorizeOutcome.Chooser(request, able));
        }
        if (providers.settings(request.idpHint()).isEmpty()) {
            return Mono.just(errorRedirect(request, "invalid_request", "idp_hint names no available provider"));
        }
        if (!able.contains(request.idpHint())) {
            return Mono.just(errorRedirect(request, "unmet_authentication_requirements",
                    "This provider cannot reach the requested assurance"));
        }
        if ("ndid".equals(providers.settings(request.idpHint()).get().type())) {
            if (!th.onecitizen.platform.privacy.CitizenIds.isValid(request.loginHint())) {
                // NDID asks IdPs about a citizen ID: a person at a browser types it in
                return Mono.just(new AuthorizeOutcome.AskCitizenId(request, request.loginHint() != null));
            }
            return ndid.start(request)
                    // the waiting page has its own URL, so that reloading it never starts another request
                    .<AuthorizeOutcome>map(tx -> new AuthorizeOutcome.Redirect(URI.create(ndidWaitBase() + tx)))
                    .onErrorResume(UpstreamException.class, e -> Mono.just(errorRedirect(request, e.oauthError(),
                            "The identity provider could not start the login")));
        }
        return startUpstream(providers.redirecting(request.idpHint()).orElseThrow(), request, null)
                .map(AuthorizeOutcome.Redirect::new);
    }

    /** Starts a redirect to a provider; {@code linkCitizenId} is set when a signed-in citizen links it. */
    public Mono<URI> startUpstream(IdentityProvider provider, AuthorizationRequest request, String linkCitizenId) {
        String state = TokenIds.random();
        String loginHint = request == null ? null : request.loginHint();
        PendingLogin pending = new PendingLogin(provider.name(), TokenIds.random(), TokenIds.random(),
                callbackUri(provider.name()), request, linkCitizenId, loginHint, clock.instant().getEpochSecond());
        UpstreamLogin login = new UpstreamLogin(state, pending.nonce(), pending.codeVerifier(), pending.callbackUri(),
                loginHint);
        return store.savePending(state, pending).thenReturn(provider.authorizationUri(login));
    }

    /** Our callback URI for a provider. */
    public String callbackUri(String provider) {
        return issuer + "/oauth2/callback/" + provider;
    }

    /** Handles {@code GET /oauth2/callback/{provider}}. */
    public Mono<AuthorizeOutcome> callback(String providerName, Map<String, List<String>> query) {
        String state = first(query, "state");
        return store.takePending(state)
                .flatMap(pending -> complete(providerName, pending, query))
                .defaultIfEmpty(UNKNOWN_LOGIN);
    }

    private Mono<AuthorizeOutcome> complete(String providerName, PendingLogin pending,
            Map<String, List<String>> query) {
        if (!pending.provider().equals(providerName)) {
            // a response from another provider (mix-up, S-UP-03): the transaction is already gone
            return Mono.just(fail(pending, "access_denied", "The response came from another provider"));
        }
        if (first(query, "error") != null || first(query, "code") == null) {
            return Mono.just(fail(pending, "access_denied", "The login was not completed at the provider"));
        }
        IdentityProvider provider = providers.redirecting(providerName).orElse(null);
        if (provider == null) {
            return Mono.just(fail(pending, "access_denied", "The provider is not available"));
        }
        UpstreamLogin login = new UpstreamLogin(first(query, "state"), pending.nonce(), pending.codeVerifier(),
                pending.callbackUri(), pending.loginHint());
        return provider.redeem(first(query, "code"), login)
                .flatMap(identity -> finish(pending, identity))
                .onErrorResume(UpstreamException.class, e -> ParkedObservation.traced(() -> log.info(
                        "Upstream login at {} failed: {}", providerName, e.getMessage()))
                        .thenReturn(fail(pending, e.oauthError(), "The identity provider login failed")))
                .onErrorResume(IdentityConflictException.class, e -> Mono.just(fail(pending, "access_denied",
                        "This identity cannot be used: " + e.reason())));
    }

    /** Turns a verified upstream identity into the app's code (or a completed link). */
    public Mono<AuthorizeOutcome> finish(PendingLogin pending, VerifiedIdentity identity) {
        if (pending.linkCitizenId() != null) {
            return citizens.link(pending.linkCitizenId(), identity).thenReturn(new AuthorizeOutcome.Redirect(
                    URI.create(issuer + "/oauth2/linked?provider=" + identity.provider())));
        }
        AuthorizationRequest request = pending.request();
        if (request.acr() != null
                && !identity.assurance().satisfies(Assurance.fromAcr(request.acr()).orElseThrow())) {
            return Mono.just(errorRedirect(request, "unmet_authentication_requirements",
                    "The login did not reach the requested assurance"));
        }
        return citizens.login(identity).flatMap(citizenId -> issueCode(request, citizenId,
                identity.assurance().acr(), identity.provider(), clock.instant().getEpochSecond()));
    }

    /** Issues the app's one-time code and the redirect that carries it. */
    Mono<AuthorizeOutcome> issueCode(AuthorizationRequest request, String citizenId, String acr, String idp,
            long authTime) {
        String code = TokenIds.random();
        AuthorizationCode grant = new AuthorizationCode(request.clientId(), request.redirectUri(),
                request.codeChallenge(), request.scopes(), request.nonce(), citizenId, acr, List.of(amrOf(idp)),
                authTime, idp);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        params.put("state", request.state());
        params.put("iss", issuer);
        return store.saveCode(code, grant).thenReturn(new AuthorizeOutcome.Redirect(appendQuery(
                request.redirectUri(), params)));
    }

    /**
     * The answer to our own NDID citizen-ID form (a POST): the way to the waiting page is marked, so that the page's
     * first load renders it even when NDID has already answered. Our pages' CSP allows forms to submit to this origin
     * only ({@code form-action 'self'}), and browsers apply that to every redirect after a form submission: a
     * waiting page answering this first load with the redirect to the app (another origin, or the app's own scheme)
     * would be blocked, and the browser would stay on the form. The page's refresh, not a form submission, then
     * loads the unmarked URL, which redirects. For the same reason, an answer that goes straight back to the app (an
     * error, NDID being unavailable) is a page that leaves by itself ({@link AuthorizeOutcome.Leave}).
     */
    public AuthorizeOutcome afterForm(AuthorizeOutcome outcome) {
        if (!(outcome instanceof AuthorizeOutcome.Redirect r)) {
            return outcome;
        }
        String location = r.location().toString();
        if (location.startsWith(ndidWaitBase()) && r.location().getRawQuery() == null) {
            return new AuthorizeOutcome.Redirect(URI.create(location + "?after=" + AFTER_FORM));
        }
        return location.startsWith(issuer + "/") ? outcome : new AuthorizeOutcome.Leave(r.location());
    }

    /**
     * Whether a POST to authorize was submitted from one of our own pages: the browser says so in
     * {@code Sec-Fetch-Site} ({@code same-origin}), or names the issuer's origin in {@code Origin} (which our
     * {@code Referrer-Policy: no-referrer} turns into {@code null} for form submissions). Only then does our CSP
     * constrain where its redirects may go ({@link #afterForm}); a client's own page may POST here too.
     */
    public boolean fromOwnPage(String origin, String fetchSite) {
        return "same-origin".equals(fetchSite) || issuerOrigin.equals(origin);
    }

    /** The value of the {@code after} parameter that marks the waiting page's first load after our form. */
    private static final String AFTER_FORM = "form";

    private String ndidWaitBase() {
        return issuer + "/oauth2/ndid/wait/";
    }

    /**
     * Handles {@code GET /oauth2/ndid/wait/{transaction}}: still waiting, or the app's redirect once NDID has answered;
     * on its first load after our form ({@code after=form}, see {@link #afterForm}) the page as such.
     */
    public Mono<AuthorizeOutcome> ndidWait(String transactionId, String after) {
        Mono<NdidTransaction> browserLogin = ndid.find(transactionId).filter(tx -> tx.request() != null);
        Mono<AuthorizeOutcome> outcome = AFTER_FORM.equals(after) ? browserLogin.map(AuthorizationServer::waiting)
                : browserLogin.flatMap(ndid::refresh).flatMap(tx -> {
                    if ("failed".equals(tx.status())) {
                        return ndid.takeCompleted(tx).map(t -> errorRedirect(tx.request(), "access_denied",
                                "The identity provider did not confirm the login"));
                    }
                    if ("completed".equals(tx.status())) {
                        return ndid.takeCompleted(tx).flatMap(t -> issueCode(t.request(), t.citizenId(), t.acr(),
                                "ndid", t.authTime()));
                    }
                    if (tx.expiresAt() < clock.instant().getEpochSecond()) {
                        return ndid.takeCompleted(tx).map(t -> errorRedirect(tx.request(), "access_denied",
                                "The login timed out"));
                    }
                    return Mono.just(waiting(tx));
                });
        return outcome.defaultIfEmpty(UNKNOWN_LOGIN);
    }

    private static AuthorizeOutcome waiting(NdidTransaction tx) {
        return new AuthorizeOutcome.Waiting(tx.id(), tx.request().uiLocale());
    }

    /** The answer to a login that is unknown, expired or already completed (callback, waiting page). */
    private static final AuthorizeOutcome UNKNOWN_LOGIN = new AuthorizeOutcome.ErrorPage(400,
            "invalid_request: this login is unknown, expired or already completed");

    private static String amrOf(String provider) {
        // RFC 8176 has no value per provider; "fed" names a federated login, the idp claim names the provider
        return "fed";
    }

    private AuthorizeOutcome fail(PendingLogin pending, String error, String description) {
        if (pending.request() == null) {
            return new AuthorizeOutcome.ErrorPage(400, error + ": " + description);
        }
        return errorRedirect(pending.request(), error, description);
    }

    /** An error response at the app's redirect URI, with state and iss. */
    public AuthorizeOutcome errorRedirect(AuthorizationRequest request, String error, String description) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        params.put("state", request.state());
        params.put("iss", issuer);
        return new AuthorizeOutcome.Redirect(appendQuery(request.redirectUri(), params));
    }

    private Refused refuse(String redirectUri, String error, String description, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        params.put("state", state);
        params.put("iss", issuer);
        return new Refused(new AuthorizeOutcome.Redirect(appendQuery(redirectUri, params)));
    }

    static URI appendQuery(String base, Map<String, String> params) {
        StringBuilder sb = new StringBuilder(base);
        char sep = base.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getValue() != null) {
                sb.append(sep).append(e.getKey()).append('=')
                        .append(java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8)
                                .replace("+", "%20"));
                sep = '&';
            }
        }
        return URI.create(sb.toString());
    }

    static String first(Map<String, List<String>> q, String name) {
        List<String> v = q.get(name);
        return v == null || v.isEmpty() || v.get(0) == null || v.get(0).isEmpty() ? null : v.get(0);
    }

    static int count(Map<String, List<String>> q, String name) {
        List<String> v = q.get(name);
        return v == null ? 0 : v.size();
    }

    /** When the login happened (used by max_age: every login here is fresh). */
    Instant now() {
        return clock.instant();
    }
}
