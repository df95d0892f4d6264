package th.onecitizen.identity.upstream;

/**
 * An upstream login failed. {@link #oauthError()} is what the app sees at its redirect URI: {@code access_denied}
 * (refused by the citizen, or the provider's answer failed validation) or {@code temporarily_unavailable} (timeout,
 * provider down, breaker open). The message is a fixed reason for logs, never upstream text (S-UP-06).
 */
public final class UpstreamException extends RuntimeException {

    private final String oauthError;

    private UpstreamException(String oauthError, String reason) {
        super(reason, null, false, false);
        this.oauthError = oauthError;
    }

    /** The citizen refused, or the answer was not acceptable. */
    public static UpstreamException denied(String reason) {
        return new UpstreamException("access_denied", reason);
    }

    /** The provider could not be reached in time. */
    public static UpstreamException unavailable(String reason) {
        return new UpstreamException("temporarily_unavailable", reason);
    }

    /** The OAuth error code for the app. */
    public String oauthError() {
        return oauthError;
    }
}
