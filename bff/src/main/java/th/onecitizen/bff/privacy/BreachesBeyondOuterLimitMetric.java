package th.onecitizen.bff.privacy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.breach.BreachService;
import th.onecitizen.platform.work.RepeatingWork;

/**
 * The gauge {@code onecitizen_breaches_beyond_outer_limit} (R37.3): breaches the PDPC office had to hear of whose
 * notice came after the 15-day outer limit, or that are past it and still not notified; it must stay 0. Refreshed
 * from PostgreSQL in the background; NaN until the first count.
 */
@Component
public final class BreachesBeyondOuterLimitMetric extends RepeatingWork {

    static final String NAME = "onecitizen.breaches.beyond_outer_limit";
    static final Duration REFRESH = Duration.ofSeconds(10);

    private final BreachService breaches;
    private final AtomicLong beyond = new AtomicLong(-1);

    public BreachesBeyondOuterLimitMetric(BreachService breaches, MeterRegistry registry) {
        super("Counting breaches beyond the outer limit", Duration.ZERO, REFRESH);
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
    protected Mono<?> round() {
        return refresh();
    }
}
