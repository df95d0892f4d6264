package th.onecitizen.connectors.call;

import tools.jackson.databind.JsonNode;

/**
 * What a service call returns to the app.
 *
 * @param serviceId   the service
 * @param operationId the operation
 * @param data        the agency's validated answer
 * @param replayed    true when this is the stored first result of a repeated Idempotency-Key
 */
public record CallResult(String serviceId, String operationId, JsonNode data, boolean replayed) {
}
