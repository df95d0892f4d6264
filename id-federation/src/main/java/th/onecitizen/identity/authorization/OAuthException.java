package th.onecitizen.identity.authorization;

/**
 * An OAuth error response ({@code error}, {@code error_description}) and its HTTP status. The description is fixed
 * text chosen here: it never echoes a secret, an assertion, a verifier, a token or a login hint (S-PV-03).
 */
public final class OAuthException extends RuntimeException {

    private final String error;
    private final int status;
    private final long retryAfterSeconds;

    public OAuthException(String error, String description, int status) {
        this(error, description, status, 0);
    }

    /** An error that tells the caller when to come back ({@code Retry-After}, for 429 and 503). */
    public OAuthException(String error, String description, int status, long retryAfterSeconds) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds the caller should wait before trying again, or 0 when unsaid. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException("invalid_request", description, 400);
    }

    public static OAuthException invalidGrant(String description) {
        return new OAuthException("invalid_grant", description, 400);
    }

    public static OAuthException invalidClient() {
        return new OAuthException("invalid_client", "Client authentication failed", 401);
    }

    /** The OAuth error code. */
    public String error() {
        return error;
    }

    /** The HTTP status to answer with. */
    public int status() {
        return status;
    }

    /** The fixed description. */
    public String description() {
        return getMessage();
    }
}
