package th.onecitizen.identity.client;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A registered OAuth client.
 *
 * @param clientId               the client id
 * @param name                   display name
 * @param authMethod             {@code none}, {@code private_key_jwt} or {@code client_secret_basic}
 * @param secretHash             SHA-256 (hex) of the secret for {@code client_secret_basic}, else null
 * @param jwks                   the client's public JWK set (JSON) for {@code private_key_jwt}, else null
 * @param redirectUris           exact redirect URIs
 * @param postLogoutRedirectUris exact post-logout redirect URIs
 * @param grantTypes             allowed grant types
 * @param scopes                 allowed scopes
 * @param nativeApp              a native app: a registered loopback redirect matches on any port (RFC 8252 s7.3)
 * @param agencyId               the agency an agency client acts for, or null
 */
public record RegisteredClient(String clientId, String name, String authMethod, String secretHash, String jwks,
        List<String> redirectUris, List<String> postLogoutRedirectUris, Set<String> grantTypes, Set<String> scopes,
        boolean nativeApp, String agencyId) {

    public static final String NONE = "none";
    public static final String PRIVATE_KEY_JWT = "private_key_jwt";
    public static final String CLIENT_SECRET_BASIC = "client_secret_basic";

    public RegisteredClient {
        Objects.requireNonNull(clientId, "clientId");
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
        grantTypes = Set.copyOf(grantTypes);
        scopes = Set.copyOf(scopes);
        for (String uri : redirectUris) {
            checkRedirect(uri, nativeApp);
        }
        for (String uri : postLogoutRedirectUris) {
            checkRedirect(uri, nativeApp);
        }
    }

    /** True for a public client (no authentication at the token endpoint). */
    public boolean isPublic() {
        return NONE.equals(authMethod);
    }

    /** Whether {@code uri} is byte-equal to a registered redirect URI (or a native app's loopback on any port). */
    public boolean allowsRedirect(String uri) {
        return matches(uri, redirectUris);
    }

    /** Whether {@code uri} is a registered post-logout redirect URI. */
    public boolean allowsPostLogoutRedirect(String uri) {
        return matches(uri, postLogoutRedirectUris);
    }

    private boolean matches(String uri, List<String> registered) {
        if (uri == null) {
            return false;
        }
        if (registered.contains(uri)) {
            return true;
        }
        if (!nativeApp || !uri.startsWith("http://127.0.0.1:") && !uri.startsWith("http://[::1]:")) {
            return false;
        }
        URI u;
        try {
            u = new URI(uri);
        } catch (Exception e) {
            return false;
        }
        if (u.getPort() < 1 || u.getRawUserInfo() != null || u.getRawFragment() != null) {
            return false;
        }
        // RFC 8252 s7.3: only the port may differ; the rest stays byte-equal to the registration
        String withoutPort = uri.replaceFirst("^(http://(?:127\\.0\\.0\\.1|\\[::1\\])):" + u.getPort() + "(?=/|$)",
                "$1");
        return !withoutPort.equals(uri) && registered.contains(withoutPort);
    }

    /** Refuses script and data URIs anywhere and loopback redirects for a client that is not native (S-AS-02). */
    static void checkRedirect(String uri, boolean nativeApp) {
        URI u;
        try {
            u = new URI(uri);
        } catch (Exception e) {
            throw new IllegalArgumentException("Redirect URI is not a URI");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.isEmpty() || scheme.equals("javascript") || scheme.equals("data") || scheme.equals("vbscript")
                || scheme.equals("file") || u.getRawFragment() != null) {
            throw new IllegalArgumentException("Redirect URI scheme not allowed");
        }
        boolean loopback = scheme.equals("http") && u.getHost() != null
                && (u.getHost().equals("127.0.0.1") || u.getHost().equals("[::1]")
                        || u.getHost().equalsIgnoreCase("localhost"));
        if (loopback && !nativeApp) {
            throw new IllegalArgumentException("Loopback redirect URIs are for native apps only");
        }
        if (scheme.equals("http") && !loopback) {
            throw new IllegalArgumentException("Redirect URIs must use https (or loopback for native apps)");
        }
    }
}
