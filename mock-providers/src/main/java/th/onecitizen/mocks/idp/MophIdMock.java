package th.onecitizen.mocks.idp;

import static th.onecitizen.mocks.idp.MockHttp.json;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import th.onecitizen.mocks.idp.MockHttp.Request;
import th.onecitizen.mocks.idp.MockHttp.Response;

/**
 * MOPH Health ID (Mor Prom): custom OAuth 2.0, no OIDC. The token endpoint answers a JSON envelope whose access
 * token is itself an ES256 JWT carrying {@code scopes_detail}; {@code /api/v1/accounts} is the fallback.
 */
final class MophIdMock extends MockProvider {

    private record Grant(String cid, String clientId, String redirectUri, Instant issued) {
    }

    private final MockKeys keys = new MockKeys("mophid-mock-1");
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    MophIdMock(MockSettings settings) {
        super("mophid", settings);
    }

    @Override
    Map<String, Route> routes() {
        Map<String, Route> r = new LinkedHashMap<>();
        r.put("mophid-redirect", new Route("GET", "/mophid/oauth/redirect", this::authorize));
        r.put("mophid-token", new Route("POST", "/mophid/api/v1/token", this::token));
        r.put("mophid-accounts", new Route("GET", "/mophid/api/v1/accounts", this::accounts));
        r.put("mophid-keys", new Route("GET", "/mophid/api/v1/jwks", req -> json(200,
                keys.publicJwks())));
        return r;
    }

    private Response authorize(Request req) {
        Map<String, String> q = MockHttp.query(req);
        String redirect = q.get("redirect_uri");
        if (redirect == null || !settings.clientId().equals(q.get("client_id"))) {
            return MockHttp.html(400, "<p>Invalid client</p>");
        }
        String hint = q.get("login_hint");
        if (hint == null || hint.isEmpty()) {
            return MockHttp.picker("หมอพร้อม MOPH ID", base() + "/oauth/redirect", q);
        }
        if (!ThaiCitizens.valid(hint)) {
            return MockHttp.html(400, "<p>Invalid citizen ID</p>");
        }
        if (scenario() == Scenario.DENIED) {
            return MockHttp.redirect(MockHttp.withParams(redirect, Map.of("error", "access_denied",
                    "state", q.getOrDefault("state", ""))));
        }
        String code = random();
        remember(codes, code, new Grant(hint, q.get("client_id"), redirect, Instant.now()), Grant::issued);
        Map<String, String> back = new LinkedHashMap<>();
        back.put("code", code);
        back.put("state", q.get("state"));
        return MockHttp.redirect(MockHttp.withParams(redirect, back));
    }

    private Response token(Request req) {
        if (scenario() == Scenario.DOWN) {
            return MockHttp.unavailable();
        }
        Map<String, String> f = MockHttp.form(req);
        if (!clientOk(f.get("client_id"), f.get("client_secret"))) {
            return json(401, Map.of("status", "fail", "message", "invalid client"));
        }
        Grant g = codes.remove(f.getOrDefault("code", ""));
        if (g == null || !g.redirectUri().equals(f.get("redirect_uri")) || scenario() == Scenario.EXPIRED_CODE
                || expired(g.issued())) {
            return json(400, Map.of("status", "fail", "message", "invalid code"));
        }
        String cid = scenario() == Scenario.BAD_CITIZEN_ID ? ThaiCitizens.corrupt(g.cid()) : g.cid();
        ThaiCitizens.Person p = ThaiCitizens.person(g.cid());
        Instant now = Instant.now();
        Instant exp = scenario() == Scenario.EXPIRED_TOKEN ? now.minusSeconds(60) : now.plusSeconds(3600);
        Map<String, Object> detail = new LinkedHashMap<>();
        if (scenario() != Scenario.MINIMAL_TOKEN) {
            detail.put("id_card", cid);
        }
        detail.put("name_prefix", p.titleTh());
        detail.put("name", p.givenTh());
        detail.put("surname", p.familyTh());
        detail.put("ial", 2.3);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(scenario() == Scenario.WRONG_ISSUER ? "https://evil.example" : base())
                .audience(g.clientId()).subject(subjectOf(g.cid())).issueTime(Date.from(now))
                .expirationTime(Date.from(exp)).claim("scopes_detail", detail)
                // the token's id is opaque to the client, as the real one's is; the mock seals in it the citizen
                // that /api/v1/accounts answers for, and so keeps nothing per token
                .jwtID(sealedTokens.seal(exp, g.cid())).build();
        String accessToken = keys.sign(claims, JOSEObjectType.JWT, scenario() == Scenario.BAD_SIGNATURE);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("access_token", accessToken);
        data.put("token_type", "Bearer");
        data.put("expires_in", 3600);
        data.put("account_id", subjectOf(g.cid()));
        Response ok = json(200, Map.of("status", "success", "data", data, "message", "OK"));
        return scenario() == Scenario.SLOW ? MockHttp.slow(ok, settings.slowMillis()) : ok;
    }

    private Response accounts(Request req) {
        List<String> grant = ownToken(MockHttp.bearer(req));
        if (grant == null) {
            return json(401, Map.of("status", "fail", "message", "unauthorized"));
        }
        String cid = grant.get(0);
        return json(200, Map.of("status", "success", "data", Map.of("id_card_num", cid,
                "account_id", subjectOf(cid)), "message", "OK"));
    }

    /** The grant of an access token this mock signed and that has not expired; null otherwise. */
    private List<String> ownToken(String bearer) {
        try {
            SignedJWT jwt = SignedJWT.parse(bearer == null ? "" : bearer);
            if (!keys.verify(jwt)) {
                return null;
            }
            return sealedTokens.open(jwt.getJWTClaimsSet().getJWTID(), Instant.now());
        } catch (ParseException e) {
            return null;
        }
    }
}
