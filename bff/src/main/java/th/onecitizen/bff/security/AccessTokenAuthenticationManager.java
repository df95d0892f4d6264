package th.onecitizen.bff.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import reactor.core.publisher.Mono;
import th.onecitizen.identity.dpop.DpopProofVerifier;
import th.onecitizen.identity.dpop.InvalidDpopProofException;
import th.onecitizen.identity.token.AccessTokenValidator;
import th.onecitizen.identity.token.InvalidAccessTokenException;
import th.onecitizen.identity.token.VerifiedAccessToken;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;

/**
 * Authenticates API calls with OneCitizen access tokens only: verified, unrevoked and, when DPoP-bound, presented
 * with a proof by the bound key (RFC 9449 s7). When revocation cannot be checked (Redis down) the call gets a 503,
 * not a pass.
 */
final class AccessTokenAuthenticationManager implements ReactiveAuthenticationManager {

    private final AccessTokenValidator validator;
    private final DpopProofVerifier dpop;

    AccessTokenAuthenticationManager(AccessTokenValidator validator, DpopProofVerifier dpop) {
        this.validator = validator;
        this.dpop = dpop;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        PresentedAccessToken presented = (PresentedAccessToken) authentication;
        boolean dpopScheme = presented.scheme().equals("dpop");
        return validator.validate(presented.token())
                .onErrorMap(InvalidAccessTokenException.class,
                        e -> AccessTokenRejected.invalidToken(e.getMessage(), dpopScheme))
                .flatMap(token -> bind(presented, token, dpopScheme))
                .<Authentication>map(AccessTokenAuthenticationManager::toAuthentication)
                .onErrorMap(e -> !(e instanceof AuthenticationException),
                        e -> new ProblemException(CommonError.SERVICE_UNAVAILABLE,
                                "Access tokens cannot be checked right now; retry shortly", java.util.Map.of(),
                                java.util.Map.of("Retry-After", "5"), e));
    }

    private Mono<VerifiedAccessToken> bind(PresentedAccessToken presented, VerifiedAccessToken token,
            boolean dpopScheme) {
        if (token.jkt() == null) {
            if (dpopScheme) {
                return Mono.error(AccessTokenRejected.invalidToken("token is not DPoP-bound", true));
            }
            return Mono.just(token);
        }
        if (!dpopScheme) {
            // a bound token presented as a bearer token is refused (RFC 9449 s7.2, S-TK-05)
            return Mono.error(AccessTokenRejected.invalidToken("token is DPoP-bound", true));
        }
        if (presented.dpopProof() == null) {
            return Mono.error(AccessTokenRejected.invalidProof("DPoP proof required"));
        }
        return dpop.verify(presented.dpopProof(), presented.method(), presented.uri(), presented.token())
                .onErrorMap(InvalidDpopProofException.class, e -> AccessTokenRejected.invalidProof(e.getMessage()))
                .flatMap(proof -> proof.jkt().equals(token.jkt()) ? Mono.just(token)
                        : Mono.error(AccessTokenRejected.invalidProof("proof key does not match the token")));
    }

    static CallerAuthentication toAuthentication(VerifiedAccessToken token) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        token.scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s)));
        if (token.isClientToken()) {
            if (token.agencyId() != null) {
                authorities.add(new SimpleGrantedAuthority("ROLE_AGENCY"));
            }
            if (token.scopes().contains("admin")) {
                authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
            }
            if (token.scopes().contains("dpo")) {
                authorities.add(new SimpleGrantedAuthority("ROLE_DPO"));
            }
            return new CallerAuthentication(new ClientPrincipal(token.clientId(), token.agencyId(), token.scopes()),
                    token, authorities);
        }
        authorities.add(new SimpleGrantedAuthority("ROLE_CITIZEN"));
        return new CallerAuthentication(new CitizenPrincipal(token.subject(), token.acr(), token.amr(),
                token.authTime(), token.idp(), token.clientId(), token.scopes()), token, authorities);
    }
}
