package th.onecitizen.identity.authorization;

/**
 * A login in progress at an upstream provider, kept in Redis under its single-use state.
 *
 * @param provider       the provider the browser was sent to
 * @param nonce          our nonce for the upstream leg
 * @param codeVerifier   our PKCE verifier for the upstream leg
 * @param callbackUri    our callback for that provider
 * @param request        the app's authorization request, or null for a link from /v1/me/identities
 * @param linkCitizenId  the citizen linking another provider, or null for a login
 * @param loginHint      the login hint passed upstream, or null
 * @param createdAt      epoch seconds
 */
public record PendingLogin(String provider, String nonce, String codeVerifier, String callbackUri,
        AuthorizationRequest request, String linkCitizenId, String loginHint, long createdAt) {

    @Override
    public String toString() {
        return "PendingLogin[provider=" + provider + "]";
    }
}
