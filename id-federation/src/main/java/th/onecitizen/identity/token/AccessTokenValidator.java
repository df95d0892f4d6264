package th.onecitizen.identity.token;

import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The resource server's view of an access token: verified (signature, claims; cached) and not revoked (shared
 * store). The verify step is CPU only, so it runs on the calling thread.
 */
public final class AccessTokenValidator {

    private final AccessTokenVerifier verifier;
    private final TokenRevocations revocations;

    public AccessTokenValidator(AccessTokenVerifier verifier, TokenRevocations revocations) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
    }

    /** The verified token, or an {@link InvalidAccessTokenException} error. */
    public Mono<VerifiedAccessToken> validate(String token) {
        VerifiedAccessToken verified;
        try {
            verified = verifier.verify(token);
        } catch (InvalidAccessTokenException e) {
            return Mono.error(e);
        }
        return revocations.isRevoked(verified).flatMap(revoked -> revoked
                ? Mono.error(new InvalidAccessTokenException("revoked"))
                : Mono.just(verified));
    }

    /** Revokes one access token everywhere. */
    public Mono<Void> revoke(VerifiedAccessToken token) {
        verifier.forgetToken(token.jti());
        return revocations.revokeToken(token.jti(), token.expiresAt());
    }

    /** Revokes every access token of a grant everywhere. */
    public Mono<Void> revokeGrant(String grantId) {
        verifier.forgetGrant(grantId);
        return revocations.revokeGrant(grantId);
    }
}
