package th.onecitizen.identity.token;

/**
 * An access token was refused. The message is a fixed reason meant for logs and the error description; it never
 * contains the token or any of its claims.
 */
public final class InvalidAccessTokenException extends RuntimeException {

    public InvalidAccessTokenException(String reason) {
        super(reason, null, false, false);
    }
}
