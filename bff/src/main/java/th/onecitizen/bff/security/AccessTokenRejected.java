package th.onecitizen.bff.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A presented access token or DPoP proof was refused. Carries the RFC 6750 / RFC 9449 challenge to answer with;
 * the message is a fixed reason, never part of the token.
 */
final class AccessTokenRejected extends AuthenticationException {

    private final String challenge;
    private final boolean dpop;

    AccessTokenRejected(String reason, String challenge, boolean dpop) {
        super(reason);
        this.challenge = challenge;
        this.dpop = dpop;
    }

    static AccessTokenRejected invalidToken(String reason, boolean dpopScheme) {
        String scheme = dpopScheme ? "DPoP algs=\"ES256 ES384 PS256 RS256 EdDSA\", " : "Bearer ";
        return new AccessTokenRejected(reason, scheme + "error=\"invalid_token\", error_description=\""
                + reason + "\"", false);
    }

    static AccessTokenRejected invalidProof(String reason) {
        return new AccessTokenRejected(reason, "DPoP algs=\"ES256 ES384 PS256 RS256 EdDSA\", "
                + "error=\"invalid_dpop_proof\", error_description=\"" + reason + "\"", true);
    }

    String challenge() {
        return challenge;
    }

    boolean dpop() {
        return dpop;
    }
}
