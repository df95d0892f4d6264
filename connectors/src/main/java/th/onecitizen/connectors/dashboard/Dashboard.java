package th.onecitizen.connectors.dashboard;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.connectors.call.Citizen;
import th.onecitizen.connectors.call.ServiceCalls;
import th.onecitizen.platform.error.ProblemException;
import th.onecitizen.registry.service.Operation;
import th.onecitizen.registry.service.ServiceDefinition;

/**
 * The citizen's dashboard: every service's summary operation called in parallel under one time budget. The answer
 * takes as long as the slowest service within the budget, never the sum; a service past the budget is reported as
 * {@code timeout} (and its call cancelled), one whose breaker is open costs nothing. The catalogue is checked once
 * for all the services, and the calls start slowest first (by each agency's recent call time), so that the slowest
 * agency, which decides the answer's time, is not kept waiting behind the preparation of the quick ones.
 */
public final class Dashboard {

    private final ServiceCalls calls;

    public Dashboard(ServiceCalls calls) {
        this.calls = calls;
    }

    /** The dashboard for {@code serviceIds}, in that order. */
    public Mono<List<DashboardItem>> load(Citizen citizen, List<String> serviceIds, Duration budget) {
        List<String> ids = serviceIds.stream().distinct().toList();
        long start = System.nanoTime();
        return calls.active(ids).flatMapMany(active -> Flux.fromIterable(ids.stream()
                        .sorted(Comparator.comparingLong((String id) -> calls.typicalLatencyMillis(id)).reversed())
                        .toList())
                        .flatMap(id -> one(citizen, id, active.get(id), budget, start), Math.max(1, ids.size())))
                .collectSortedList(Comparator.comparingInt(i -> ids.indexOf(i.serviceId())));
    }

    private Mono<DashboardItem> one(Citizen citizen, String serviceId, ServiceDefinition service, Duration budget,
            long start) {
        if (service == null) {
            return Mono.just(new DashboardItem(serviceId, "not_found", "service_not_found", null, 0));
        }
        Operation op = service.content().operations().stream().filter(Operation::dashboard).findFirst().orElse(null);
        if (op == null) {
            return Mono.just(new DashboardItem(serviceId, "not_found", "operation_not_found", null, 0));
        }
        return calls.invoke(citizen, service, op.id(), null, null)
                .map(r -> new DashboardItem(serviceId, "ok", null, r.data(), since(start)))
                .onErrorResume(ProblemException.class, e -> Mono.just(new DashboardItem(serviceId,
                        status(e), e.error().code(), null, since(start))))
                .timeout(left(budget, start), Mono.fromSupplier(() -> new DashboardItem(serviceId, "timeout",
                        "budget_exceeded", null, since(start))));
    }

    private static String status(ProblemException e) {
        String code = e.error().code();
        int http = e.error().status();
        if (http == 403) {
            return "consent_required";
        }
        if (http == 401) {
            return "step_up_required";
        }
        if ("agency_timeout".equals(code)) {
            return "timeout";
        }
        if (http == 404) {
            return "not_found";
        }
        return http >= 500 ? "unavailable" : "error";
    }

    /** What is left of the budget (the catalogue check for all services came out of it too). */
    private static Duration left(Duration budget, long start) {
        Duration left = budget.minusNanos(System.nanoTime() - start);
        return left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left;
    }

    private static long since(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
