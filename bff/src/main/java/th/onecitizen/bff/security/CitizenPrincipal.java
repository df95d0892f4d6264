package th.onecitizen.bff.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A citizen calling through a client app.
 *
 * @param sub      the opaque citizen id (never the citizen ID number)
 * @param acr      the assurance of the login, e.g. {@code urn:th:ial:2.3:aal:2.2}
 * @param amr      authentication methods
 * @param authTime when the citizen authenticated
 * @param idp      the provider the citizen logged in with
 * @param clientId the app the token was issued to
 * @param scopes   granted scopes
 */
public record CitizenPrincipal(String sub, String acr, List<String> amr, Instant authTime, String idp,
        String clientId, Set<String> scopes) {
}
