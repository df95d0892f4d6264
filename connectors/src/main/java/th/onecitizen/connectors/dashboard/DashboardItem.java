package th.onecitizen.connectors.dashboard;

import tools.jackson.databind.JsonNode;

/**
 * One service on the citizen's dashboard.
 *
 * @param serviceId the service
 * @param status    {@code ok}, {@code consent_required}, {@code step_up_required}, {@code timeout},
 *                  {@code unavailable}, {@code not_found} or {@code error}
 * @param code      the problem code behind a status other than ok, else null
 * @param data      the agency's answer when ok, else null
 * @param latencyMillis how long this service took (or the budget, when it ran out)
 */
public record DashboardItem(String serviceId, String status, String code, JsonNode data, long latencyMillis) {
}
