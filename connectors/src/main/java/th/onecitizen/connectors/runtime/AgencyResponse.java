package th.onecitizen.connectors.runtime;

import tools.jackson.databind.JsonNode;

/**
 * A validated agency answer.
 *
 * @param status        the agency's HTTP status (2xx)
 * @param body          the JSON body, checked against the operation's response schema
 * @param latencyMillis how long the call took, retries included
 */
public record AgencyResponse(int status, JsonNode body, long latencyMillis) {
}
