package th.onecitizen.connectors;

import th.onecitizen.platform.error.ErrorSpec;
import th.onecitizen.platform.error.SpecifiedErrorCode;

/** The connector runtime's stable failure codes. Each problem also names the service ({@code service_id}). */
public enum ConnectorError implements SpecifiedErrorCode {
    AGENCY_UNAVAILABLE("agency_unavailable", 503, "The agency is unavailable"),
    AGENCY_TIMEOUT("agency_timeout", 504, "The agency did not answer in time"),
    AGENCY_CIRCUIT_OPEN("agency_circuit_open", 503, "Calls to the agency are paused after repeated failures"),
    AGENCY_BUSY("agency_busy", 503, "Too many calls to the agency are in flight"),
    AGENCY_RATE_LIMITED("agency_rate_limited", 503, "The agency's call rate is exhausted for now"),
    AGENCY_RESPONSE_INVALID("agency_response_invalid", 502, "The agency answered with something that is not valid"),
    AGENCY_RESPONSE_TOO_LARGE("agency_response_too_large", 502, "The agency's answer exceeds the size limit"),
    AGENCY_REDIRECT_REFUSED("agency_redirect_refused", 502, "The agency answered with a redirect, which is not followed"),
    AGENCY_TARGET_FORBIDDEN("agency_target_forbidden", 502, "The agency's address is not one the platform may call"),
    AGENCY_REJECTED("agency_rejected", 502, "The agency refused the request"),
    AGENCY_RECORD_NOT_FOUND("agency_record_not_found", 404, "The agency holds no record for this citizen"),
    AGENCY_AUTH_FAILED("agency_auth_failed", 502, "OneCitizen could not authenticate to the agency"),
    INSUFFICIENT_USER_AUTHENTICATION("insufficient_user_authentication", 401,
            "The service needs a stronger authentication"),
    PERMIT_INVALID("permit_invalid", 403, "The consent permit does not cover this call"),
    REQUEST_INVALID("request_invalid", 400, "The request body does not match the operation's schema"),
    IDEMPOTENCY_IN_PROGRESS("idempotency_in_progress", 409, "A request with this Idempotency-Key is still running"),
    IDEMPOTENCY_KEY_INVALID("idempotency_key_invalid", 400, "The Idempotency-Key header is malformed");

    private final ErrorSpec spec;

    ConnectorError(String code, int status, String title) {
        this.spec = new ErrorSpec(code, status, title);
    }

    @Override
    public ErrorSpec spec() {
        return spec;
    }
}
