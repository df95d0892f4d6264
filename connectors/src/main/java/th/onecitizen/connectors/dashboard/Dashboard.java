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

/**
 * The citizen's dashboard: every service's summary operation called in parallel under one time budget. The answer
 * takes as long as the slowest service within the budget, never the sum; a service past the budget is reported as
 * {@code timeout} (and its call cancelled), one whose breaker is open costs nothing.
 */
public final class Dashboard {

    private final ServiceCalls calls;

    public Dashboard(ServiceCalls calls) {
        this.calls = calls;
    }

    /** The dashboard for {@code serviceIds}, in that order. */
    public Mono<List<DashboardItem>> load(Citizen citizen, List<String> serviceIds, Duration budget) {
        List<String> ids = serviceIds.stream().distinct().toList();
        return Flux.fromIterable(ids)
                .flatMap(id -> one(citizen, id, budget), Math.max(1, ids.size()))
                .collectSortedList(Comparator.comparingInt(i -> ids.indexOf(i.serviceId())));
    }

    private Mono<DashboardItem> one(Citizen citizen, String serviceId, Duration budget) {
        long start = System.nanoTime();
        return calls.active(serviceId)
                .flatMap(service -> {
                    Operation op = service.content().operations().stream().filter(Operation::dashboard).findFirst()
                            .orElse(null);
                    if (op == null) {
                        return Mono.just(new DashboardItem(serviceId, "not_found", "operation_not_found", null, 0));
                    }
                    return calls.invoke(citizen, serviceId, op.id(), null, null)
                            .map(r -> new DashboardItem(serviceId, "ok", null, r.data(), since(start)));
                })
                .defaultIfEmpty(new DashboardItem(serviceId, "not_found", "service_not_found", null, 0))
                .onErrorResume(ProblemException.class, e -> Mono.just(new DashboardItem(serviceId,
                        status(e), e.error().code(), null, since(start))))
                .timeout(budget, Mono.fromSupplier(() -> new DashboardItem(serviceId, "timeout", "budget_exceeded",
                        null, since(start))));
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

    private static long since(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
