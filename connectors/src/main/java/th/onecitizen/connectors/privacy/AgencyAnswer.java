package th.onecitizen.connectors.privacy;

import tools.jackson.databind.JsonNode;

/**
 * One agency's answer to a privacy request.
 *
 * @param agencyId  the agency
 * @param status    {@code answered} (it holds data and said what), {@code no_data}, {@code accepted} (a correction
 *                  or an export was taken), {@code rejected} (the agency refused it), {@code not_supported} (it
 *                  declares no endpoint for this right), {@code timeout}, {@code unavailable} or {@code error}
 * @param serviceId the service whose connector was used, or null
 * @param body      the agency's JSON answer, or null
 * @param error     the stable error code of a failure, or null
 * @param detail    what went wrong, or null
 */
public record AgencyAnswer(String agencyId, String status, String serviceId, JsonNode body, String error,
        String detail) {

    /** True when the agency took the request (answered, had nothing, or accepted it). */
    public boolean succeeded() {
        return "answered".equals(status) || "no_data".equals(status) || "accepted".equals(status);
    }
}
