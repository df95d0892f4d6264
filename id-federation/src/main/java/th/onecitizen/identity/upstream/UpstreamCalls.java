package th.onecitizen.identity.upstream;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import th.onecitizen.platform.observability.ParkedObservation;

/**
 * One provider's guard around remote calls: a timeout inside a circuit breaker (so timeouts count as failures),
 * transport and 5xx failures turned into {@code temporarily_unavailable}. Validation failures pass through
 * unchanged and do not count against the provider's health.
 */
public final class UpstreamCalls {

    private final CircuitBreaker breaker;
    private final Duration timeout;

    public UpstreamCalls(String provider, Duration timeout) {
        this.timeout = timeout;
        this.breaker = CircuitBreaker.of("idp-" + provider, CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(15))
                // a refusal or an invalid answer is not a sign of an unhealthy provider
                .recordException(e -> !(e instanceof UpstreamException u)
                        || u.oauthError().equals("temporarily_unavailable"))
                .build());
    }

    /** Runs a remote call under the timeout and breaker. */
    public <T> Mono<T> guard(Mono<T> call) {
        return call.timeout(timeout)
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .onErrorMap(e -> !(e instanceof UpstreamException), UpstreamCalls::translate)
                // a caller may have parked the request's observation: the client span is still its child
                .contextWrite(ParkedObservation::unpark);
    }

    private static Throwable translate(Throwable e) {
        if (e instanceof CallNotPermittedException) {
            return UpstreamException.unavailable("circuit open");
        }
        if (e instanceof TimeoutException) {
            return UpstreamException.unavailable("timeout");
        }
        if (e instanceof WebClientResponseException r && r.getStatusCode().is4xxClientError()) {
            return UpstreamException.denied("provider refused the request");
        }
        if (e instanceof WebClientException) {
            return UpstreamException.unavailable("provider unreachable");
        }
        return UpstreamException.denied("provider answer not acceptable");
    }

    /** The breaker, for health reporting and tests. */
    public CircuitBreaker breaker() {
        return breaker;
    }
}
