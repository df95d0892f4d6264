package th.onecitizen.bff.security;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import th.onecitizen.identity.token.VerifiedAccessToken;

/** An authenticated API call: the principal ({@link CitizenPrincipal} or {@link ClientPrincipal}) and its token. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Object principal;
    private final transient VerifiedAccessToken token;

    CallerAuthentication(Object principal, VerifiedAccessToken token,
            Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.principal = principal;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        // the token itself is never exposed through the security context
        return "";
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal instanceof CitizenPrincipal c ? c.sub() : ((ClientPrincipal) principal).clientId();
    }

    /** The verified access token behind this call. */
    public VerifiedAccessToken token() {
        return token;
    }
}
