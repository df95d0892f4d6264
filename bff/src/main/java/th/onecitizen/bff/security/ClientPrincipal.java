package th.onecitizen.bff.security;

import java.util.Set;

/**
 * A client calling for itself (client credentials): an agency system, an operator or the DPO's tool.
 *
 * @param clientId the client
 * @param agencyId the agency the client acts for, or null
 * @param scopes   granted scopes
 */
public record ClientPrincipal(String clientId, String agencyId, Set<String> scopes) {
}
