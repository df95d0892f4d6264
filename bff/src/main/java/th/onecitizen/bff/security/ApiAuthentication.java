package th.onecitizen.bff.security;

import java.net.URI;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.stereotype.Component;
import th.onecitizen.bff.web.ProblemWebExceptionHandler;
import th.onecitizen.identity.IdentityProperties;
import th.onecitizen.identity.dpop.DpopProofVerifier;
import th.onecitizen.identity.token.AccessTokenValidator;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;

/**
 * The API's resource-server wiring: the filter that authenticates {@code /v1}, {@code /agency/v1} and
 * {@code /admin/v1} calls with OneCitizen access tokens, and the entry point that answers 401 with the matching
 * {@code WWW-Authenticate} challenge and a problem body.
 */
@Component
public final class ApiAuthentication {

    /** The paths that are an OAuth 2.0 resource server. */
    public static final String[] API_PATHS = {"/v1/**", "/agency/v1/**", "/admin/v1/**", "/oauth2/userinfo"};

    private final AuthenticationWebFilter filter;
    private final ServerAuthenticationEntryPoint entryPoint;

    public ApiAuthentication(AccessTokenValidator validator, DpopProofVerifier dpop, IdentityProperties identity,
            ProblemWebExceptionHandler writer) {
        this.entryPoint = (exchange, ex) -> {
            if (ex instanceof AccessTokenRejected rejected) {
                exchange.getResponse().getHeaders().set("WWW-Authenticate", rejected.challenge());
                return writer.handle(exchange, new ProblemException(rejected.dpop()
                        ? IdentityError.INVALID_DPOP_PROOF : CommonError.INVALID_TOKEN,
                        "The access token was refused: " + rejected.getMessage()));
            }
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
            return writer.handle(exchange, new ProblemException(CommonError.UNAUTHORIZED,
                    "A valid access token is required"));
        };
        AuthenticationWebFilter f = new AuthenticationWebFilter(new AccessTokenAuthenticationManager(validator, dpop));
        f.setServerAuthenticationConverter(new AccessTokenAuthenticationConverter(URI.create(identity.issuer())));
        f.setRequiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers(API_PATHS));
        f.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(entryPoint));
        this.filter = f;
    }

    /** The authentication filter for the API paths. */
    public AuthenticationWebFilter filter() {
        return filter;
    }

    /** 401 with the challenge that matches the failure. */
    public ServerAuthenticationEntryPoint entryPoint() {
        return entryPoint;
    }
}
