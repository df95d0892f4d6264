package th.onecitizen.mocks.idp;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Small HTTP helpers shared by the mock providers. */
final class MockHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private MockHttp() {
    }

    /**
     * A request as a mock route sees it.
     *
     * @param method  the HTTP method, upper case
     * @param url     the path and the raw query, as sent
     * @param headers the request's headers (names in any case: {@link #header} ignores case)
     * @param body    the body, decoded as UTF-8 (empty when none)
     */
    record Request(String method, String url, Map<String, List<String>> headers, String body) {

        /** The first value of a header, by case-insensitive name, or null. */
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /**
     * A mock route's answer.
     *
     * @param status      the HTTP status
     * @param headers     the response headers
     * @param body        the body (empty for none)
     * @param delayMillis how long to hold the answer back (the SLOW scenario), 0 for none
     */
    record Response(int status, Map<String, String> headers, byte[] body, int delayMillis) {
    }

    static Response json(int status, Object body) {
        return new Response(status, Map.of("Content-Type", "application/json", "Cache-Control", "no-store"),
                JSON.writeValueAsBytes(body), 0);
    }

    static Response html(int status, String body) {
        return new Response(status, Map.of("Content-Type", "text/html; charset=utf-8"),
                body.getBytes(StandardCharsets.UTF_8), 0);
    }

    static Response redirect(String location) {
        return new Response(302, Map.of("Location", location), new byte[0], 0);
    }

    static Response unavailable() {
        return json(503, Map.of("error", "server_error", "error_description", "temporarily unavailable"));
    }

    static Response slow(Response inner, int millis) {
        return new Response(inner.status(), inner.headers(), inner.body(), millis);
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
        String url = request.url();
        int q = url.indexOf('?');
        return params(q < 0 ? "" : url.substring(q + 1));
    }

    static Map<String, String> form(Request request) {
        return params(request.body());
    }

    /** {user, password} of an HTTP Basic header, or null. */
    static String[] basic(Request request) {
        String h = request.header("Authorization");
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
        String h = request.header("Authorization");
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
    static Response picker(String provider, String authorizeUrl, Map<String, String> query) {
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
