package th.onecitizen.identity.token;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An access token whose signature, type, issuer, audience and lifetime have been checked.
 *
 * @param jti       the token id
 * @param subject   opaque citizen id, or the client id for client-credentials tokens
 * @param clientId  the client the token was issued to
 * @param scopes    granted scopes
 * @param acr       assurance of the login, null for client tokens
 * @param amr       authentication methods
 * @param authTime  when the citizen authenticated, or null
 * @param idp       upstream provider, or null
 * @param grantId   the grant (refresh family) id, or null
 * @param jkt       DPoP key thumbprint the token is bound to, or null
 * @param agencyId  agency of an agency client, or null
 * @param expiresAt expiry
 */
public record VerifiedAccessToken(String jti, String subject, String clientId, Set<String> scopes, String acr,
        List<String> amr, Instant authTime, String idp, String grantId, String jkt, String agencyId,
        Instant expiresAt) {

    /** True for a client-credentials token (no citizen behind it). */
    public boolean isClientToken() {
        return subject.equals(clientId) && acr == null;
    }
}
