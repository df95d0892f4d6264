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
import th.onecitizen.consent.breach.BreachService;

/**
 * The gauge {@code onecitizen_breaches_beyond_outer_limit} (R37.3): breaches the PDPC office had to hear of whose
 * notice came after the 15-day outer limit, or that are past it and still not notified; it must stay 0. Refreshed
 * from PostgreSQL in the background; NaN until the first count.
 */
@Component
public final class BreachesBeyondOuterLimitMetric implements SmartLifecycle {

    static final String NAME = "onecitizen.breaches.beyond_outer_limit";
    static final Duration REFRESH = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(BreachesBeyondOuterLimitMetric.class);

    private final BreachService breaches;
    private final AtomicLong beyond = new AtomicLong(-1);
    private volatile Disposable refreshing;

    public BreachesBeyondOuterLimitMetric(BreachService breaches, MeterRegistry registry) {
        this.breaches = breaches;
        Gauge.builder(NAME, beyond, v -> v.get() < 0 ? Double.NaN : v.get())
                .description("Breaches notified to the PDPC office after the 15-day outer limit, or still not "
                        + "notified past it")
                .register(registry);
    }

    /** Counts now; the scheduled refresh calls this too. */
    Mono<Long> refresh() {
        return breaches.beyondOuterLimitCount().doOnNext(beyond::set);
    }

    @Override
    public void start() {
        refreshing = Flux.interval(Duration.ZERO, REFRESH)
                .onBackpressureDrop()
                .concatMap(tick -> refresh().onErrorResume(e -> {
                    log.warn("Counting breaches beyond the outer limit failed, will retry: {}", e.toString());
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
