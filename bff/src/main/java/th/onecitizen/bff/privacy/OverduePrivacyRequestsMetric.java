package th.onecitizen.bff.privacy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.dsar.PrivacyRequestService;

/**
 * The gauge {@code onecitizen_privacy_requests_overdue} (open privacy requests past their legal deadline; it must
 * stay 0). A gauge is read synchronously, so the count is refreshed from PostgreSQL in the background and the gauge
 * reports the last count; until the first count it reports NaN rather than a reassuring 0.
 */
@Component
public final class OverduePrivacyRequestsMetric implements SmartLifecycle {

    static final String NAME = "onecitizen.privacy_requests.overdue";
    static final Duration REFRESH = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(OverduePrivacyRequestsMetric.class);

    private final PrivacyRequestService requests;
    private final AtomicLong overdue = new AtomicLong(-1);
    private volatile Disposable refreshing;

    public OverduePrivacyRequestsMetric(PrivacyRequestService requests, MeterRegistry registry) {
        this.requests = requests;
        Gauge.builder(NAME, overdue, v -> v.get() < 0 ? Double.NaN : v.get())
                .description("Open privacy requests (s30-s36) past their legal deadline")
                .register(registry);
    }

    /** Counts now; the scheduled refresh calls this too. */
    Mono<Long> refresh() {
        return requests.overdueCount().doOnNext(overdue::set);
    }

    @Override
    public void start() {
        refreshing = Flux.interval(Duration.ZERO, REFRESH)
                .onBackpressureDrop()
                .concatMap(tick -> refresh().onErrorResume(e -> {
                    log.warn("Counting overdue privacy requests failed, will retry: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable d = refreshing;
        if (d != null) {
            d.dispose();
            refreshing = null;
        }
    }

    @Override
    public boolean isRunning() {
        return refreshing != null;
    }
}
