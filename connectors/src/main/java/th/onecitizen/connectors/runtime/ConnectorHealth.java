package th.onecitizen.connectors.runtime;

import java.util.Map;

/**
 * A connector's health as agencies and operators see it.
 *
 * @param serviceId        the service
 * @param breakerState     {@code closed}, {@code open}, {@code half_open}, ... or {@code idle} before the first call
 * @param failureRatePercent failure rate in the breaker's window (-1 until enough calls)
 * @param slowCallRatePercent slow-call rate in the window (-1 until enough calls)
 * @param calls            calls by outcome since start ({@code ok}, {@code timeout}, {@code unavailable}, ...)
 * @param latencyMillis    latency percentiles {@code p50}, {@code p95}, {@code p99} of recent calls
 * @param inFlightCapacity how many more concurrent calls the bulkhead admits now
 */
public record ConnectorHealth(String serviceId, String breakerState, float failureRatePercent,
        float slowCallRatePercent, Map<String, Long> calls, Map<String, Double> latencyMillis, int inFlightCapacity) {
}
