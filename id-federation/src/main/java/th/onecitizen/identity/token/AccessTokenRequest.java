package th.onecitizen.identity.token;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an access token says. For a citizen, {@code subject} is the opaque citizen id (never the citizen ID
 * number); for client credentials it is the client id and the citizen fields are null.
 *
 * @param subject    the opaque subject
 * @param clientId   the client the token was issued to
 * @param scopes     granted scopes
 * @param acr        the authentication context (assurance) of the login, or null for client tokens
 * @param amr        authentication methods, empty for client tokens
 * @param authTime   when the citizen authenticated, or null
 * @param idp        the upstream provider of the login, or null
 * @param grantId    the grant (refresh-token family) the token belongs to, so the whole grant can be revoked; or null
 * @param jkt        the DPoP key thumbprint the token is bound to, or null for a bearer token
 * @param agencyId   the agency of an agency client, or null
 */
public record AccessTokenRequest(String subject, String clientId, Set<String> scopes, String acr, List<String> amr,
        Instant authTime, String idp, String grantId, String jkt, String agencyId) {

    public AccessTokenRequest {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        scopes = Set.copyOf(scopes == null ? Set.of() : scopes);
        amr = List.copyOf(amr == null ? List.of() : amr);
    }

    /** A client-credentials token: the subject is the client itself. */
    public static AccessTokenRequest forClient(String clientId, Set<String> scopes, String agencyId, String jkt) {
        return new AccessTokenRequest(clientId, clientId, scopes, null, List.of(), null, null, null, jkt, agencyId);
    }
}
