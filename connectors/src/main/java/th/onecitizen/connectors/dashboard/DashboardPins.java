package th.onecitizen.connectors.dashboard;

import java.util.List;
import reactor.core.publisher.Mono;

/** The services a citizen pinned to their dashboard, in their order. */
public interface DashboardPins {

    /** The most services a dashboard may pin. */
    int MAX_PINS = 20;

    /** The citizen's pins; empty when they never pinned (then the default set applies). */
    Mono<List<String>> pinned(String subjectRef);

    /** Replaces the citizen's pins. */
    Mono<List<String>> pin(String subjectRef, List<String> serviceIds);

    /** Erases the citizen's pins (s33 erasure); emits how many rows went (0 or 1). */
    Mono<Long> forget(String subjectRef);
}
