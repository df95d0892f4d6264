package th.onecitizen.connectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.decision.TestPermits;
import th.onecitizen.mocks.agency.FaultMode;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.registry.service.ServiceDefinition;

/**
 * S-AB-04 and the isolation promise: one agency never answering and another resetting connections; the healthy one
 * keeps its latency, the dead one costs nothing once its breaker is open, and the breaker recovers.
 */
class IsolationTests {

    private static ConnectorTestKit kit;

    @BeforeAll
    static void start() throws Exception {
        kit = new ConnectorTestKit();
    }

    @AfterAll
    static void stop() {
        kit.close();
    }

    private static Mono<Long> timed(ServiceDefinition s) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return kit.runtime.call(s, s.content().operations().get(0), TestPermits.permit("ref", s.agencyId(),
                    "civil_registration", Set.of("identity")), null)
                    .map(r -> (System.nanoTime() - start) / 1_000_000)
                    .onErrorResume(ProblemException.class, e -> Mono.just(-(System.nanoTime() - start) / 1_000_000));
        });
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    @Test
    void S_AB_04_deadAndResettingAgenciesWhenCalledTogetherThenHealthyOneKeepsItsLatencyAndBreakersRecover() {
        ServiceDefinition healthy = kit.service("dlt", 1000);
        ServiceDefinition dead = kit.service("dopa", 300);
        ServiceDefinition resetting = kit.service("sso", 1000);
        Flux.range(0, 10).concatMap(i -> timed(healthy)).collectList().block(); // warm up
        long baseline = median(Flux.range(0, 20).concatMap(i -> timed(healthy)).collectList().block());

        kit.agencies.get("dopa").fault(FaultMode.NEVER_ANSWERS);
        kit.agencies.get("sso").fault(FaultMode.CONNECTION_RESET);
        List<Long> underFire = Flux.range(0, 20)
                .flatMap(i -> Flux.merge(timed(dead), timed(resetting), timed(healthy)), 6)
                .filter(ms -> ms >= 0).collectList().block(Duration.ofSeconds(30));
        assertThat(underFire).hasSizeGreaterThanOrEqualTo(20);
        assertThat(median(underFire)).isLessThan(baseline + 50);

        assertThat(kit.runtime.breaker(dead.id()).getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(kit.runtime.breaker(resetting.id()).getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int seen = kit.agencies.get("dopa").summaryRequests();
        long start = System.nanoTime();
        List<Long> openCalls = Flux.range(0, 50).concatMap(i -> timed(dead)).collectList().block();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500);
        assertThat(openCalls).allMatch(ms -> ms <= 0);
        assertThat(kit.agencies.get("dopa").summaryRequests()).isEqualTo(seen);
        assertThat(kit.runtime.health(dead).breakerState()).isEqualTo("open");

        kit.agencies.heal();
        sleep(1100); // the breakers' open period
        assertThat(Flux.range(0, 4).concatMap(i -> timed(dead)).collectList().block()).allMatch(ms -> ms >= 0);
        assertThat(timed(resetting).block()).isNotNegative();
        assertThat(kit.runtime.breaker(dead.id()).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(kit.runtime.health(dead).latencyMillis()).containsKeys("p50", "p95", "p99");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
