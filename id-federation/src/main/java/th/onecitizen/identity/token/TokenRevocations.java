package th.onecitizen.identity.token;

import java.time.Instant;
import reactor.core.publisher.Mono;

/** Where revoked access tokens and grants are recorded, shared by every instance. */
public interface TokenRevocations {

    /** Records that one access token is revoked until it would have expired anyway. */
    Mono<Void> revokeToken(String jti, Instant expiresAt);

    /** Records that every access token of a grant (refresh family) is revoked. */
    Mono<Void> revokeGrant(String grantId);

    /** True when the token or its grant was revoked. */
    Mono<Boolean> isRevoked(VerifiedAccessToken token);
}
