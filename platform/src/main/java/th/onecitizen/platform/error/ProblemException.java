package th.onecitizen.platform.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A failure that the API reports as RFC 9457 problem details. Modules throw it (or a subclass) with their own
 * {@link ErrorCode}; the bff maps it in one place. The detail must never contain secrets or a citizen ID.
 */
public class ProblemException extends RuntimeException {

    private final transient ErrorCode error;
    private final transient Map<String, Object> properties;
    private final transient Map<String, String> headers;

    public ProblemException(ErrorCode error, String detail) {
        this(error, detail, Map.of(), Map.of(), null);
    }

    public ProblemException(ErrorCode error, String detail, Map<String, ?> properties) {
        this(error, detail, properties, Map.of(), null);
    }

    public ProblemException(ErrorCode error, String detail, Map<String, ?> properties, Map<String, String> headers,
            Throwable cause) {
        super(detail, cause, false, false);
        this.error = Objects.requireNonNull(error, "error");
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        this.headers = Map.copyOf(headers);
    }

    /** The stable code, status and title. */
    public ErrorCode error() {
        return error;
    }

    /** Extension members added to the problem document (e.g. {@code service_id}, {@code acr_values}). */
    public Map<String, Object> properties() {
        return properties;
    }

    /** Response headers that belong to this failure (e.g. {@code Retry-After}, {@code WWW-Authenticate}). */
    public Map<String, String> headers() {
        return headers;
    }

    /** Shorthand for a 404 that reveals nothing about whether the resource exists for someone else. */
    public static ProblemException notFound(String what) {
        return new ProblemException(CommonError.NOT_FOUND, what + " was not found");
    }
}
