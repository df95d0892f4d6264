package th.onecitizen.platform.error;

/** Failures that belong to no single module: malformed requests, routing, limits and availability. */
public enum CommonError implements SpecifiedErrorCode {
    BAD_REQUEST("bad_request", 400, "The request is invalid"),
    MALFORMED_JSON("malformed_json", 400, "The request body is not valid JSON"),
    UNKNOWN_FIELD("unknown_field", 400, "The request body has a field that is not accepted"),
    VALIDATION_FAILED("validation_failed", 400, "The request failed validation"),
    INVALID_PARAMETER("invalid_parameter", 400, "A request parameter is invalid"),
    CITIZEN_ID_IN_URL("citizen_id_in_url", 400, "A citizen ID must not be sent in a URL"),
    UNAUTHORIZED("unauthorized", 401, "Authentication is required"),
    INVALID_TOKEN("invalid_token", 401, "The access token is invalid"),
    FORBIDDEN("forbidden", 403, "The caller may not do this"),
    NOT_FOUND("not_found", 404, "No such resource"),
    METHOD_NOT_ALLOWED("method_not_allowed", 405, "The method is not allowed on this resource"),
    NOT_ACCEPTABLE("not_acceptable", 406, "No acceptable representation"),
    CONFLICT("conflict", 409, "The request conflicts with the current state"),
    IDEMPOTENCY_KEY_REUSED("idempotency_key_reused", 422, "The Idempotency-Key was used with a different request"),
    PAYLOAD_TOO_LARGE("payload_too_large", 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415, "The content type is not supported"),
    UNPROCESSABLE("unprocessable", 422, "The request cannot be processed"),
    TOO_MANY_REQUESTS("too_many_requests", 429, "Too many requests"),
    SERVICE_UNAVAILABLE("service_unavailable", 503, "The service is temporarily unavailable"),
    INTERNAL_ERROR("internal_error", 500, "An unexpected error occurred");

    private final ErrorSpec spec;

    CommonError(String code, int status, String title) {
        this.spec = new ErrorSpec(code, status, title);
    }

    @Override
    public ErrorSpec spec() {
        return spec;
    }
}
