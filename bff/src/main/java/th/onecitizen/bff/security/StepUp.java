package th.onecitizen.bff.security;

import java.util.Map;
import reactor.core.publisher.Mono;
import th.onecitizen.identity.assurance.Assurance;
import th.onecitizen.platform.error.ProblemException;

/**
 * The RFC 9470 step-up challenge: a handler that needs more assurance than the caller's login carries answers 401
 * {@code insufficient_user_authentication} with the {@code acr_values} to ask for at {@code authorize}.
 */
public final class StepUp {

    private StepUp() {
    }

    /**
     * Completes with the citizen when their login satisfies {@code required}, or errors with the challenge.
     *
     * @param required the minimum level, e.g. {@code new Assurance("2.3", "2.2")}
     */
    public static Mono<CitizenPrincipal> require(CitizenPrincipal citizen, Assurance required) {
        Assurance actual = Assurance.fromAcr(citizen.acr()).orElse(Assurance.LOWEST);
        if (actual.satisfies(required)) {
            return Mono.just(citizen);
        }
        return Mono.error(challenge(required));
    }

    /** The challenge for a required level, for handlers that decide on their own. */
    public static ProblemException challenge(Assurance required) {
        String acr = required.acr();
        return new ProblemException(IdentityError.INSUFFICIENT_USER_AUTHENTICATION,
                "This needs an authentication at " + acr + " or above; sign in again with acr_values",
                Map.of("acr_values", acr),
                Map.of("WWW-Authenticate", "Bearer error=\"insufficient_user_authentication\", "
                        + "error_description=\"A stronger authentication is required\", acr_values=\"" + acr + "\""),
                null);
    }
}
