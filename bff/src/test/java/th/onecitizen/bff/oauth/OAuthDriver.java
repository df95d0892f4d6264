package th.onecitizen.bff.oauth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the OAuth flows over real HTTP as a browser and an app would: follows redirects through the mocks with
 * cookies kept, stops at the app's redirect URI, and calls the token endpoints.
 */
final class OAuthDriver {

    static final String APP_REDIRECT = "http://127.0.0.1/callback";
    /** The kiosk's demo key (docs/identity.md). */
    static final String KIOSK_KEY = "{\"kty\":\"EC\",\"d\":\"J-MiIIGu84CKrGD_sT1IM70-g0DYZKRu4IamDEwgacM\","
            + "\"use\":\"sig\",\"crv\":\"P-256\",\"kid\":\"DEMO-ONLY-kiosk-1\","
            + "\"x\":\"Y4rRDMtZ67AV16oStfzF-MCmEf1XBupIcv1p_iVN9r4\","
            + "\"y\":\"BlaeNMO-GuvF4qnraoatWngjnU8BBaY4Z_F6ibEhBFQ\",\"alg\":\"ES256\"}";
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** An HTTP response: status, Location, body, and every header. */
    record Answer(int status, String location, String body, Map<String, Object> json,
            Map<String, java.util.List<String>> headers) {
    }

    private final String base;
    private final HttpClient http;

    OAuthDriver(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(
                HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    String base() {
        return base;
    }

    static String verifier() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The standard authorize parameters of the demo app for a provider and citizen. */
    static Map<String, String> authorizeParams(String idp, String loginHint, String verifier) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", "superapp");
        p.put("redirect_uri", APP_REDIRECT);
        p.put("scope", "openid profile offline_access");
        p.put("state", UUID.randomUUID().toString());
        p.put("nonce", UUID.randomUUID().toString());
        p.put("code_challenge", challenge(verifier));
        p.put("code_challenge_method", "S256");
        if (idp != null) {
            p.put("idp_hint", idp);
        }
        if (loginHint != null) {
            p.put("login_hint", loginHint);
        }
        return p;
    }

    static String query(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    static Map<String, String> queryOf(String uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = URI.create(uri).getRawQuery();
        if (q == null) {
            return out;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    Answer get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : base + url)).GET().build());
    }

    Answer post(String path, Map<String, String> form, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(form)));
        headers.forEach(b::header);
        return send(b.build());
    }

    Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        Map<String, Object> json = null;
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (type.contains("json") && !r.body().isEmpty()) {
            json = JSON.readValue(r.body(), Map.class);
        }
        return new Answer(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body(), json,
                r.headers().map());
    }

    /**
     * Follows redirects from {@code url} (through our server and the mocks) until one points at the app's redirect
     * URI or a page answers; returns that last answer.
     */
    Answer follow(String url) throws Exception {
        Answer a = get(url);
        for (int hops = 0; hops < 20 && a.location() != null; hops++) {
            if (a.location().startsWith(APP_REDIRECT) || a.location().startsWith("th.onecitizen.superapp:")) {
                return a;
            }
            a = get(a.location());
        }
        return a;
    }

    /** Starts at authorize and returns the app's callback parameters (code or error, state, iss). */
    Map<String, String> authorize(Map<String, String> params) throws Exception {
        Answer a = follow("/oauth2/authorize?" + query(params));
        if (a.location() == null) {
            throw new AssertionError("No redirect to the app; status " + a.status() + " body " + a.body());
        }
        return queryOf(a.location());
    }

    /** A private_key_jwt client assertion for the kiosk. */
    static String kioskAssertion(String issuer, Object audience, JWSAlgorithm alg, Instant exp, String jti)
            throws Exception {
        ECKey key = ECKey.parse(KIOSK_KEY);
        JWTClaimsSet.Builder c = new JWTClaimsSet.Builder().issuer("kiosk").subject("kiosk")
                .expirationTime(Date.from(exp)).issueTime(new Date()).jwtID(jti);
        c.claim("aud", audience);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), c.build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    /** A kiosk assertion over a raw payload (for shapes the claims builder would normalise, like aud arrays). */
    static String kioskAssertionRaw(String payloadJson) throws Exception {
        ECKey key = ECKey.parse(KIOSK_KEY);
        com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID()).build(), new com.nimbusds.jose.Payload(payloadJson));
        jws.sign(new ECDSASigner(key));
        return jws.serialize();
    }

    static Map<String, String> kioskAuth(String issuer) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        m.put("client_assertion", kioskAssertion(issuer, issuer, JWSAlgorithm.ES256, Instant.now().plusSeconds(60),
                UUID.randomUUID().toString()));
        return m;
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
