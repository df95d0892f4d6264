package th.onecitizen.bff.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;

/** The caller of the current request, read reactively from the security context. */
public final class Callers {

    private Callers() {
    }

    /** The current authentication, or a 401 problem when the call is anonymous. */
    public static Mono<CallerAuthentication> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(CallerAuthentication.class::isInstance)
                .cast(CallerAuthentication.class)
                .switchIfEmpty(Mono.error(() -> new ProblemException(CommonError.UNAUTHORIZED,
                        "A valid access token is required")));
    }

    /** The calling citizen, or a 403 problem when the caller is a client acting for itself. */
    public static Mono<CitizenPrincipal> citizen() {
        return current().map(Authentication::getPrincipal).flatMap(p -> p instanceof CitizenPrincipal c
                ? Mono.just(c)
                : Mono.error(new ProblemException(CommonError.FORBIDDEN, "This needs a citizen's token")));
    }

    /** The calling client, or a 403 problem when the caller is a citizen. */
    public static Mono<ClientPrincipal> client() {
        return current().map(Authentication::getPrincipal).flatMap(p -> p instanceof ClientPrincipal c
                ? Mono.just(c)
                : Mono.error(new ProblemException(CommonError.FORBIDDEN, "This needs a client's token")));
    }
}
