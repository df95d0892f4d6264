package th.onecitizen.mocks.idp;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Small HTTP helpers shared by the mock providers. */
final class MockHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private MockHttp() {
    }

    static ResponseDefinition json(int status, Object body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json").withHeader("Cache-Control", "no-store")
                .withBody(JSON.writeValueAsString(body)).build();
    }

    static ResponseDefinition html(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(body).build();
    }

    static ResponseDefinition redirect(String location) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(302).withHeader("Location", location)
                .build();
    }

    static ResponseDefinition unavailable() {
        return json(503, Map.of("error", "server_error", "error_description", "temporarily unavailable"));
    }

    static ResponseDefinition slow(ResponseDefinition inner, int millis) {
        return ResponseDefinitionBuilder.like(inner).withFixedDelay(millis).build();
    }

    /** The query or form parameters of a request (first value of each). */
    static Map<String, String> params(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    static Map<String, String> query(Request request) {
        String url = request.getUrl();
        int q = url.indexOf('?');
        return params(q < 0 ? "" : url.substring(q + 1));
    }

    static Map<String, String> form(Request request) {
        return params(request.getBodyAsString());
    }

    /** {user, password} of an HTTP Basic header, or null. */
    static String[] basic(Request request) {
        String h = request.getHeader("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
            URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
    }

    static String bearer(Request request) {
        String h = request.getHeader("Authorization");
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : null;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String withParams(String base, Map<String, String> params) {
        StringBuilder sb = new StringBuilder(base);
        char sep = base.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getValue() != null) {
                sb.append(sep).append(enc(e.getKey())).append('=').append(enc(e.getValue()));
                sep = '&';
            }
        }
        return sb.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The page a provider shows when no citizen is named: pick one of the fictitious citizens. */
    static ResponseDefinition picker(String provider, String authorizeUrl, Map<String, String> query) {
        StringBuilder sb = new StringBuilder("<!doctype html><html lang=\"th\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(provider)).append(" (mock)</title></head><body><h1>").append(escape(provider))
                .append(" (mock) — เลือกผู้ใช้ทดสอบ / pick a test citizen</h1><ul>");
        for (String cid : ThaiCitizens.samples()) {
            Map<String, String> q = new LinkedHashMap<>(query);
            q.put("login_hint", cid);
            ThaiCitizens.Person p = ThaiCitizens.person(cid);
            sb.append("<li><a class=\"citizen\" href=\"").append(escape(withParams(authorizeUrl, q))).append("\">")
                    .append(escape(p.fullNameTh())).append(" / ").append(escape(p.fullNameEn())).append("</a></li>");
        }
        return html(200, sb.append("</ul></body></html>").toString());
    }
}
