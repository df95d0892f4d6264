package th.onecitizen.identity.authorization;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The grant behind a refresh token: one login of one citizen at one client (a family of rotated tokens).
 *
 * @param familyId        the family (also the {@code gid} of its access tokens)
 * @param clientId        the client
 * @param citizenId       the opaque citizen id
 * @param scopes          granted scopes
 * @param acr             assurance of the login
 * @param amr             authentication methods
 * @param authTime        the login time
 * @param idp             the provider
 * @param jkt             the DPoP key the family is bound to, or null
 * @param familyExpiresAt absolute end of the family
 */
public record RefreshGrant(String familyId, String clientId, String citizenId, Set<String> scopes, String acr,
        List<String> amr, Instant authTime, String idp, String jkt, Instant familyExpiresAt) {
}
