package th.onecitizen.platform.error;

/**
 * A stable, snake_case failure code with the HTTP status and title it maps to in RFC 9457 problem details.
 * Each module declares its own codes as an enum implementing this interface.
 */
public interface ErrorCode {

    /** The stable snake_case code, e.g. {@code consent_required}; clients may switch on it. */
    String code();

    /** The HTTP status this failure maps to. */
    int status();

    /** A short, human-readable summary in English that does not change from occurrence to occurrence. */
    String title();
}
