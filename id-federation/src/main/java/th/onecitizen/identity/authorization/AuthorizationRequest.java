package th.onecitizen.identity.authorization;

import java.util.List;
import java.util.Set;

/**
 * A validated authorization request from an app.
 *
 * @param clientId      the client
 * @param redirectUri   the exact redirect URI (already checked against the registration)
 * @param scopes        requested scopes
 * @param state         the app's state, echoed back
 * @param nonce         the app's nonce, put in the ID token
 * @param codeChallenge the PKCE S256 challenge
 * @param prompt        the prompt values
 * @param maxAge        max_age in seconds, or null
 * @param acr           the minimum acr asked for ({@code acr_values}), or null
 * @param loginHint     the login hint, or null (never logged or echoed)
 * @param idpHint       the provider asked for, or null
 * @param uiLocale      {@code th} or {@code en}
 */
public record AuthorizationRequest(String clientId, String redirectUri, Set<String> scopes, String state,
        String nonce, String codeChallenge, List<String> prompt, Integer maxAge, String acr, String loginHint,
        String idpHint, String uiLocale) {

    @Override
    public String toString() {
        return "AuthorizationRequest[clientId=" + clientId + ", idpHint=" + idpHint + "]";
    }
}
