package th.onecitizen.identity.upstream;

/**
 * One login at an upstream provider: the values OneCitizen generated for it and must see again.
 *
 * @param state        single-use state
 * @param nonce        nonce for providers with ID tokens
 * @param codeVerifier our PKCE verifier for the upstream leg
 * @param redirectUri  our callback for this provider
 * @param loginHint    the citizen ID hint, or null
 */
public record UpstreamLogin(String state, String nonce, String codeVerifier, String redirectUri, String loginHint) {

    @Override
    public String toString() {
        return "UpstreamLogin[redirectUri=" + redirectUri + "]";
    }
}
