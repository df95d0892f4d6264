package th.onecitizen.bff.privacy;

import org.springframework.security.core.GrantedAuthority;
import reactor.core.publisher.Mono;
import th.onecitizen.bff.security.CallerAuthentication;
import th.onecitizen.bff.security.Callers;
import th.onecitizen.bff.security.ClientPrincipal;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;

/**
 * The operator behind an admin call. {@code /admin/v1/**} already needs ROLE_ADMIN or ROLE_DPO; the breach register
 * and the record of processing need the DPO (S-AC-03), checked here so an operator without it gets 403.
 */
final class Operators {

    static final String DPO = "ROLE_DPO";
    static final String ADMIN = "ROLE_ADMIN";

    private Operators() {
    }

    /** An operator (admin or DPO) acting for itself. */
    static Mono<ClientPrincipal> operator() {
        return withAnyRole(ADMIN, DPO);
    }

    /** The DPO, or a 403 problem. */
    static Mono<ClientPrincipal> dpo() {
        return withAnyRole(DPO);
    }

    private static Mono<ClientPrincipal> withAnyRole(String... roles) {
        return Callers.current().flatMap(auth -> {
            if (auth.getPrincipal() instanceof ClientPrincipal client && hasAny(auth, roles)) {
                return Mono.just(client);
            }
            return Mono.error(new ProblemException(CommonError.FORBIDDEN, roles.length == 1
                    ? "Only the data protection officer may do this" : "Only an operator may do this"));
        });
    }

    private static boolean hasAny(CallerAuthentication auth, String... roles) {
        for (GrantedAuthority a : auth.getAuthorities()) {
            for (String role : roles) {
                if (role.equals(a.getAuthority())) {
                    return true;
                }
            }
        }
        return false;
    }
}
