package th.onecitizen.mocks.idp;

import static th.onecitizen.mocks.idp.MockHttp.json;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import th.onecitizen.mocks.idp.MockHttp.Request;
import th.onecitizen.mocks.idp.MockHttp.Response;

/**
 * ThaiD (DOPA): OAuth 2.0 code flow + OIDC with ES256 id_tokens, trailing-slash endpoints, client_secret_basic,
 * both token-response shapes (flat claims without {@code openid}) and both expiry spellings, one of them absolute.
 */
final class ThaidMock extends MockProvider {

    private record Grant(String cid, String clientId, String redirectUri, String nonce, Set<String> scopes,
            String challenge, Instant issued) {
    }

    private final MockKeys keys = new MockKeys("thaid-mock-1");
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    /** How long ThaiD's access tokens are valid. */
    private static final int TOKEN_SECONDS = 900;

    ThaidMock(MockSettings settings) {
        super("thaid", settings);
    }

    @Override
    Map<String, Route> routes() {
        Map<String, Route> r = new LinkedHashMap<>();
        r.put("thaid-discovery", new Route("GET", "/thaid/\\.well-known/openid-configuration",
                this::discovery));
        r.put("thaid-jwks", new Route("GET", "/thaid/jwks/", req -> json(200, keys.publicJwks())));
        r.put("thaid-auth", new Route("GET", "/thaid/api/v2/oauth2/auth/", this::authorize));
        r.put("thaid-token", new Route("POST", "/thaid/api/v2/oauth2/token/", this::token));
        r.put("thaid-userinfo", new Route("GET", "/thaid/api/v2/oauth2/userinfo/", this::userinfo));
        return r;
    }

    private Response discovery(Request req) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", scenario() == Scenario.WRONG_DISCOVERY ? "https://imauth.evil.example" : base());
        d.put("authorization_endpoint", base() + "/api/v2/oauth2/auth/");
        d.put("token_endpoint", base() + "/api/v2/oauth2/token/");
        d.put("userinfo_endpoint", base() + "/api/v2/oauth2/userinfo/");
        d.put("revocation_endpoint", base() + "/api/v2/oauth2/revoke/");
        d.put("introspection_endpoint", base() + "/api/v2/oauth2/introspect/");
        d.put("jwks_uri", base() + "/jwks/");
        d.put("response_types_supported", List.of("code"));
        d.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        d.put("id_token_signing_alg_values_supported", List.of("ES256"));
        d.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        d.put("scopes_supported", List.of("openid", "pid", "name", "name_en", "birthdate", "given_name",
                "family_name", "given_name_en", "family_name_en", "title", "title_en", "gender", "ial"));
        return json(200, d);
    }

    private Response authorize(Request req) {
        Map<String, String> q = MockHttp.query(req);
        String redirect = q.get("redirect_uri");
        if (redirect == null || !settings.clientId().equals(q.get("client_id"))) {
            return MockHttp.html(400, "<p>invalid_request: unknown client or missing redirect_uri</p>");
        }
        if (!"code".equals(q.get("response_type"))) {
            return MockHttp.redirect(MockHttp.withParams(redirect, Map.of("error", "unsupported_response_type",
                    "state", q.getOrDefault("state", ""))));
        }
        String hint = q.get("login_hint");
        if (hint == null || hint.isEmpty()) {
            // a human picks a fictitious citizen; each link carries login_hint, which approves
            return MockHttp.picker("ThaiD", base() + "/api/v2/oauth2/auth/", q);
        }
        if (!ThaiCitizens.valid(hint)) {
            return MockHttp.html(400, "<p>invalid_request: the citizen ID is not valid</p>");
        }
        if (scenario() == Scenario.DENIED) {
            return MockHttp.redirect(MockHttp.withParams(redirect, Map.of("error", "user_denied",
                    "error_description", "The user denied the request", "state", q.getOrDefault("state", ""))));
        }
        String code = random();
        remember(codes, code, new Grant(hint, q.get("client_id"), redirect, q.get("nonce"),
                scopes(q.getOrDefault("scope", "")),
                q.get("code_challenge"), Instant.now()), Grant::issued);
        Map<String, String> back = new LinkedHashMap<>();
        back.put("code", code);
        back.put("state", q.get("state"));
        return MockHttp.redirect(MockHttp.withParams(redirect, back));
    }

    private Response token(Request req) {
        if (scenario() == Scenario.DOWN) {
            return MockHttp.unavailable();
        }
        String[] basic = MockHttp.basic(req);
        Map<String, String> f = MockHttp.form(req);
        String clientId = basic != null ? basic[0] : f.get("client_id");
        String secret = basic != null ? basic[1] : f.get("client_secret");
        if (!clientOk(clientId, secret)) {
            return json(401, Map.of("error", "invalid_client", "error_description", "Client authentication failed"));
        }
        if (!"authorization_code".equals(f.get("grant_type"))) {
            return json(400, Map.of("error", "unsupported_grant_type"));
        }
        Grant g = codes.remove(f.getOrDefault("code", ""));
        if (g == null || !g.redirectUri().equals(f.get("redirect_uri")) || !g.clientId().equals(clientId)
                || scenario() == Scenario.EXPIRED_CODE || expired(g.issued())) {
            return json(400, Map.of("error", "invalid_grant", "error_description", "The code is invalid or expired"));
        }
        // PKCE is not advertised but tolerated: checked when the RP sent a challenge
        if (g.challenge() != null && (f.get("code_verifier") == null
                || !g.challenge().equals(s256(f.get("code_verifier"))))) {
            return json(400, Map.of("error", "invalid_grant", "error_description", "PKCE verification failed"));
        }
        String accessToken = accessToken(TOKEN_SECONDS, g.cid(), g.scopes());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        body.put("token_type", "Bearer");
        body.put("refresh_token", random());
        body.put("scope", String.join(" ", g.scopes()));
        // the expiry quirk: either spelling, and sometimes an absolute Unix time
        if (counter.incrementAndGet() % 2 == 0) {
            body.put("expires_in", TOKEN_SECONDS);
        } else {
            body.put("expire_in", Instant.now().getEpochSecond() + TOKEN_SECONDS);
        }
        if (g.scopes().contains("openid")) {
            body.put("id_token", idToken(g, accessToken));
        } else {
            body.putAll(claims(g.cid(), g.scopes()));
        }
        Response ok = json(200, body);
        return scenario() == Scenario.SLOW ? MockHttp.slow(ok, settings.slowMillis()) : ok;
    }

    private Response userinfo(Request req) {
        TokenGrant grant = tokenGrant(MockHttp.bearer(req));
        if (grant == null) {
            return json(401, Map.of("error", "invalid_token"));
        }
        Map<String, Object> body = new LinkedHashMap<>(claims(grant.cid(), grant.scopes()));
        body.put("sub", subjectOf(grant.cid()));
        return json(200, body);
    }

    private Map<String, Object> claims(String citizenId, Set<String> scopes) {
        String cid = scenario() == Scenario.BAD_CITIZEN_ID ? ThaiCitizens.corrupt(citizenId) : citizenId;
        ThaiCitizens.Person p = ThaiCitizens.person(citizenId);
        Map<String, Object> c = new LinkedHashMap<>();
        if (scopes.contains("pid")) {
            c.put("pid", cid);
        }
        if (scopes.contains("name")) {
            c.put("name", p.fullNameTh());
            c.put("given_name", p.givenTh());
            c.put("family_name", p.familyTh());
        }
        if (scopes.contains("name_en")) {
            c.put("name_en", p.fullNameEn());
            c.put("given_name_en", p.givenEn());
            c.put("family_name_en", p.familyEn());
        }
        if (scopes.contains("birthdate")) {
            c.put("birthdate", p.birthDate().toString());
        }
        if (scopes.contains("ial")) {
            c.put("ial", "2.3");
        }
        return c;
    }

    private String idToken(Grant g, String accessToken) {
        Instant now = Instant.now();
        byte[] hash = sha256(accessToken.getBytes(StandardCharsets.US_ASCII));
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
                .issuer(scenario() == Scenario.WRONG_ISSUER ? "https://evil.example" : base())
                .audience(g.clientId()).subject(subjectOf(g.cid()))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(900)))
                .claim("auth_time", now.getEpochSecond())
                .claim("at_hash", Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16)));
        if (g.nonce() != null) {
            b.claim("nonce", scenario() == Scenario.WRONG_NONCE ? "not-" + g.nonce() : g.nonce());
        }
        claims(g.cid(), g.scopes()).forEach(b::claim);
        return keys.sign(b.build(), JOSEObjectType.JWT, scenario() == Scenario.BAD_SIGNATURE);
    }
}
