package th.onecitizen.identity.authorization;

import java.util.List;
import java.util.Set;

/**
 * What an authorization code stands for, kept in Redis for at most 60 s and redeemable once.
 *
 * @param clientId      the client it was issued to
 * @param redirectUri   the redirect URI it was issued for
 * @param codeChallenge the PKCE challenge it is bound to
 * @param scopes        granted scopes
 * @param nonce         the app's nonce
 * @param citizenId     the opaque citizen id
 * @param acr           the login's assurance
 * @param amr           authentication methods
 * @param authTime      epoch seconds of the login
 * @param idp           the provider
 */
public record AuthorizationCode(String clientId, String redirectUri, String codeChallenge, Set<String> scopes,
        String nonce, String citizenId, String acr, List<String> amr, long authTime, String idp) {
}
