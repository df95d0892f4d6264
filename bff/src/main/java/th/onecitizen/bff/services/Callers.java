package th.onecitizen.bff.services;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import th.onecitizen.connectors.call.Citizen;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.registry.service.Assurance;

/** Reads who is calling from the validated access token: the citizen's opaque subject and login assurance. */
final class Callers {

    private Callers() {
    }

    static Citizen citizen(Authentication auth) {
        if (auth instanceof JwtAuthenticationToken jwt && jwt.getToken().getSubject() != null
                && jwt.getToken().getClaimAsString("agency_id") == null) {
            return new Citizen(jwt.getToken().getSubject(),
                    Assurance.fromAcr(jwt.getToken().getClaimAsString("acr")).orElse(null));
        }
        throw new ProblemException(CommonError.FORBIDDEN, "This endpoint is for signed-in citizens");
    }
}
