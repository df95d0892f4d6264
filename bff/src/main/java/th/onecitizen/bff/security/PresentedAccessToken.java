package th.onecitizen.bff.security;

import java.net.URI;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A token as presented on a request, before verification: scheme, token, DPoP proof and the request target. */
final class PresentedAccessToken extends AbstractAuthenticationToken {

    private final String scheme;
    private final String token;
    private final String dpopProof;
    private final String method;
    private final URI uri;

    PresentedAccessToken(String scheme, String token, String dpopProof, String method, URI uri) {
        super(List.of());
        this.scheme = scheme;
        this.token = token;
        this.dpopProof = dpopProof;
        this.method = method;
        this.uri = uri;
    }

    String scheme() {
        return scheme;
    }

    String token() {
        return token;
    }

    String dpopProof() {
        return dpopProof;
    }

    String method() {
        return method;
    }

    URI uri() {
        return uri;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return "";
    }
}
