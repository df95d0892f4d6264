package th.onecitizen.identity.token;

import java.time.Instant;

/**
 * A signed access token and what the token endpoint reports about it.
 *
 * @param value     the compact JWS
 * @param jti       its unique id
 * @param expiresAt its expiry
 * @param type      {@code Bearer} or {@code DPoP}
 */
public record IssuedAccessToken(String value, String jti, Instant expiresAt, String type) {
}
