package th.onecitizen.connectors.runtime;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;
import th.onecitizen.registry.service.ConnectorSpec;

/**
 * One connector's protection, built from its spec: retry (idempotent operations only, exponential backoff with
 * jitter) around a rate limiter around a bulkhead around the circuit breaker around the time limiter. The time
 * limiter sits inside the breaker so that timeouts count as failures; the bulkhead does not queue, so a slow agency
 * can hold at most its own share of connections and never makes callers of other agencies wait.
 *
 * @param spec    the spec it was built from (a changed spec builds a new one)
 * @param breaker the circuit breaker
 * @param limiter the time limiter
 * @param bulkhead the bulkhead
 * @param rate    the rate limiter
 * @param retry   the retry, applied to idempotent operations only
 */
record Resilience(ConnectorSpec spec, CircuitBreaker breaker, TimeLimiter limiter, Bulkhead bulkhead,
        RateLimiter rate, Retry retry) {

    static Resilience of(String name, ConnectorSpec spec) {
        ConnectorSpec.BreakerPolicy b = spec.breaker();
        CircuitBreaker breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(b.windowSize())
                .minimumNumberOfCalls(b.minimumCalls())
                .failureRateThreshold(b.failureRatePercent())
                .slowCallDurationThreshold(Duration.ofMillis(b.slowCallMillis()))
                .slowCallRateThreshold(b.slowCallRatePercent())
                .waitDurationInOpenState(Duration.ofSeconds(b.openSeconds()))
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .permittedNumberOfCallsInHalfOpenState(Math.max(1, Math.min(3, b.minimumCalls())))
                .recordException(Resilience::agencyIsUnwell)
                .build());
        TimeLimiter limiter = TimeLimiter.of(name, TimeLimiterConfig.custom()
                .timeoutDuration(Duration.ofMillis(spec.timeoutMillis())).cancelRunningFuture(true).build());
        Bulkhead bulkhead = Bulkhead.of(name, BulkheadConfig.custom()
                .maxConcurrentCalls(spec.maxConcurrent()).maxWaitDuration(Duration.ZERO).build());
        RateLimiter rate = RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(spec.ratePerSecond()).limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO).build());
        Retry retry = Retry.of(name, RetryConfig.custom()
                .maxAttempts(spec.retry().maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                        Duration.ofMillis(spec.retry().initialBackoffMillis()), 2.0, 0.5))
                .retryOnException(Resilience::worthRetrying)
                .failAfterMaxAttempts(false)
                .build());
        return new Resilience(spec, breaker, limiter, bulkhead, rate, retry);
    }

    /** Wraps one attempt; {@code idempotent} decides whether retries are allowed. */
    <T> Mono<T> protect(Mono<T> attempt, boolean idempotent) {
        Mono<T> guarded = attempt
                .transformDeferred(TimeLimiterOperator.of(limiter))
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .transformDeferred(BulkheadOperator.of(bulkhead))
                .transformDeferred(RateLimiterOperator.of(rate));
        return idempotent && spec.retry().maxAttempts() > 1 ? guarded.transformDeferred(RetryOperator.of(retry))
                : guarded;
    }

    /** Timeouts, I/O failures and agency-side failures open the breaker; the agency refusing a request does not. */
    static boolean agencyIsUnwell(Throwable e) {
        if (e instanceof AgencyFailure f) {
            return f.counts();
        }
        return true;
    }

    private static boolean worthRetrying(Throwable e) {
        if (e instanceof AgencyFailure f) {
            return f.retryable();
        }
        return e instanceof TimeoutException || e instanceof IOException
                || e instanceof org.springframework.web.reactive.function.client.WebClientRequestException
                        && !(e.getCause() instanceof th.onecitizen.connectors.egress.EgressPolicyResolverGroup
                                .ForbiddenTargetException);
    }
}
