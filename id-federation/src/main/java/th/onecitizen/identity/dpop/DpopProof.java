package th.onecitizen.identity.dpop;

/**
 * A verified DPoP proof.
 *
 * @param jkt the base64url SHA-256 JWK thumbprint (RFC 7638) of the proof's key: what tokens are bound to
 */
public record DpopProof(String jkt) {
}
