package th.onecitizen.registry.service;

import java.util.Objects;

/**
 * How to reach a service's agency API and how hard to protect the platform from it.
 *
 * @param baseUrl       the agency API's base URL (HTTPS outside the sandbox allow-list; never a private address)
 * @param auth          how OneCitizen authenticates to the agency
 * @param timeoutMillis the budget of one attempt, connection to last byte
 * @param maxConcurrent the most calls in flight to this agency from one instance (bulkhead)
 * @param ratePerSecond the most calls per second to this agency from one instance
 * @param breaker       when to stop calling the agency, and for how long
 * @param retry         how idempotent operations are retried
 * @param maxResponseBytes the largest answer accepted; larger ones are cut and refused
 * @param privacy       the agency's privacy endpoints (data-subject rights), or null when it declares none
 */
public record ConnectorSpec(String baseUrl, AgencyAuth auth, int timeoutMillis, int maxConcurrent, int ratePerSecond,
        BreakerPolicy breaker, RetryPolicy retry, int maxResponseBytes, PrivacyEndpoints privacy) {

    /** A connector that declares no privacy endpoints. */
    public ConnectorSpec(String baseUrl, AgencyAuth auth, int timeoutMillis, int maxConcurrent, int ratePerSecond,
            BreakerPolicy breaker, RetryPolicy retry, int maxResponseBytes) {
        this(baseUrl, auth, timeoutMillis, maxConcurrent, ratePerSecond, breaker, retry, maxResponseBytes, null);
    }

    public ConnectorSpec {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(retry, "retry");
    }

    /**
     * Circuit-breaker thresholds.
     *
     * @param failureRatePercent  failure (or timeout) rate that opens the breaker
     * @param slowCallMillis      calls slower than this count as slow
     * @param slowCallRatePercent slow-call rate that opens the breaker
     * @param minimumCalls        calls in the window before rates are judged
     * @param windowSize          calls in the sliding window
     * @param openSeconds         how long the breaker stays open before it lets trial calls through
     */
    public record BreakerPolicy(int failureRatePercent, int slowCallMillis, int slowCallRatePercent, int minimumCalls,
            int windowSize, int openSeconds) {
    }

    /**
     * Retry with exponential backoff and full jitter, for idempotent operations only.
     *
     * @param maxAttempts    attempts including the first (1 = no retry)
     * @param initialBackoffMillis the first wait; each further wait doubles
     */
    public record RetryPolicy(int maxAttempts, int initialBackoffMillis) {
    }

    /**
     * Where the agency answers data-subject rights requests (PDPA s30, s31, s35), below the connector's base URL.
     * Each is a fixed path OneCitizen POSTs to with a signed citizen assertion; null when the agency does not take
     * that kind of request. The contract is in docs/agency-onboarding.md.
     *
     * @param accessPath             answers what the agency holds about the citizen (access and portability)
     * @param correctionPath         accepts a rectification the citizen obtained (s35)
     * @param portabilityReceivePath receives a citizen's export sent directly by OneCitizen (s31)
     */
    public record PrivacyEndpoints(String accessPath, String correctionPath, String portabilityReceivePath) {
    }
}
