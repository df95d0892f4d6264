package th.onecitizen.mocks.idp;

import static th.onecitizen.mocks.idp.MockHttp.json;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import th.onecitizen.mocks.idp.MockHttp.Request;
import th.onecitizen.mocks.idp.MockHttp.Response;

/**
 * Pao Tang ID (Krungthai): OAuth 2.0 with client_secret in the form, then a profile call on a second host whose
 * answer says {@code code "0000"} on success and carries only the granted fields.
 */
final class PaotangMock extends MockProvider {

    private record Grant(String cid, String redirectUri, Set<String> scopes, Instant issued) {
    }

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    /** How long Pao Tang's access tokens are valid. */
    private static final int TOKEN_SECONDS = 1800;

    PaotangMock(MockSettings settings) {
        super("paotang", settings);
    }

    @Override
    Map<String, Route> routes() {
        Map<String, Route> r = new LinkedHashMap<>();
        r.put("paotang-auth", new Route("GET", "/paotang/oauth2/web/auth", this::authorize));
        r.put("paotang-token", new Route("POST", "/paotang/oauth2/token", this::token));
        r.put("paotang-profile", new Route("POST",
                "/paotang-openapi/v1/paotangid/get-customer-profile", this::profile));
        return r;
    }

    private Response authorize(Request req) {
        Map<String, String> q = MockHttp.query(req);
        String redirect = q.get("redirect_uri");
        if (redirect == null || !settings.clientId().equals(q.get("client_id"))) {
            return MockHttp.html(400, "<p>invalid_client</p>");
        }
        String hint = q.get("login_hint");
        if (hint == null || hint.isEmpty()) {
            return MockHttp.picker("เป๋าตัง Pao Tang", base() + "/oauth2/web/auth", q);
        }
        if (!ThaiCitizens.valid(hint)) {
            return MockHttp.html(400, "<p>invalid citizen ID</p>");
        }
        if (scenario() == Scenario.DENIED) {
            return MockHttp.redirect(MockHttp.withParams(redirect, Map.of("error", "access_denied",
                    "state", q.getOrDefault("state", ""))));
        }
        String code = random();
        remember(codes, code, new Grant(hint, redirect, scopes(q.getOrDefault("scope", "")), Instant.now()),
                Grant::issued);
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
            return json(401, Map.of("error", "invalid_client"));
        }
        Grant g = codes.remove(f.getOrDefault("code", ""));
        if (g == null || !g.redirectUri().equals(f.get("redirect_uri")) || scenario() == Scenario.EXPIRED_CODE
                || expired(g.issued())) {
            return json(400, Map.of("error", "invalid_grant"));
        }
        String at = accessToken(TOKEN_SECONDS, g.cid(), g.scopes());
        Response ok = json(200, Map.of("access_token", at, "token_type", "Bearer", "expires_in", TOKEN_SECONDS,
                "refresh_token", random(), "scope", String.join(" ", g.scopes())));
        return scenario() == Scenario.SLOW ? MockHttp.slow(ok, settings.slowMillis()) : ok;
    }

    private Response profile(Request req) {
        TokenGrant grant = tokenGrant(MockHttp.bearer(req));
        if (grant == null) {
            return json(401, Map.of("code", "4010", "message", "Unauthorized"));
        }
        String cid = grant.cid();
        Set<String> scopes = grant.scopes();
        if (scenario() == Scenario.ERROR_CODE) {
            return json(200, Map.of("code", "9999", "message", "<script>alert(1)</script>Customer not found"));
        }
        ThaiCitizens.Person p = ThaiCitizens.person(cid);
        Map<String, Object> data = new LinkedHashMap<>();
        if (scopes.contains("paotangid.citizen")) {
            data.put("cid", scenario() == Scenario.BAD_CITIZEN_ID ? ThaiCitizens.corrupt(cid) : cid);
        }
        if (scopes.contains("paotangid.title")) {
            data.put("title", p.titleTh());
        }
        if (scopes.contains("paotangid.fullname_th")) {
            data.put("fullNameTh", Map.of("thaiFirstName", p.givenTh(), "thaiMiddleName", "",
                    "thaiLastName", p.familyTh()));
        }
        if (scopes.contains("paotangid.fullname_en")) {
            data.put("fullNameEn", Map.of("engFirstName", p.givenEn(), "engMiddleName", "",
                    "engLastName", p.familyEn()));
        }
        if (scopes.contains("paotangid.birthdate")) {
            data.put("birthDate", p.birthDate().toString());
        }
        if (scopes.contains("paotangid.gender")) {
            data.put("gender", p.gender());
        }
        return json(200, Map.of("code", "0000", "message", "Success", "sub", subjectOf(cid), "data", data));
    }
}
