package th.onecitizen.bff.oauth;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * For application tests outside this package: a real login through a mock provider, and JSON calls with the
 * resulting access token.
 */
public final class TestOAuth {

    private final OAuthDriver driver;

    public TestOAuth(String issuer) {
        this.driver = new OAuthDriver(issuer);
    }

    /** A response seen by the test. */
    public record Response(int status, String body, Map<String, Object> json) {
    }

    /** Logs in with {@code idp} as the citizen {@code cid} and returns the access token. */
    public String loginToken(String idp, String cid) throws Exception {
        String verifier = OAuthDriver.verifier();
        Map<String, String> cb = driver.authorize(OAuthDriver.authorizeParams(idp, cid, verifier));
        OAuthDriver.Answer t = driver.post("/oauth2/token", Map.of("grant_type", "authorization_code", "code",
                cb.get("code"), "redirect_uri", OAuthDriver.APP_REDIRECT, "client_id", "superapp", "code_verifier",
                verifier), Map.of());
        if (t.status() != 200) {
            throw new AssertionError("login failed: " + t.body());
        }
        return (String) t.json().get("access_token");
    }

    /** A JSON call with a bearer token (or none). */
    public Response json(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(driver.base() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        OAuthDriver.Answer a = driver.send(b.build());
        return new Response(a.status(), a.body(), a.json());
    }

    /** Follows redirects from a URL like a browser and returns the last answer. */
    public Response follow(String url) throws Exception {
        OAuthDriver.Answer a = driver.follow(url);
        return new Response(a.status(), a.body(), a.json());
    }
}
