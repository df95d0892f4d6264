package th.onecitizen.bff.privacy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import th.onecitizen.consent.dsar.PrivacyRequestService;
import th.onecitizen.platform.work.RepeatingWork;

/**
 * The gauge {@code onecitizen_privacy_requests_overdue} (open privacy requests past their legal deadline; it must
 * stay 0). A gauge is read synchronously, so the count is refreshed from PostgreSQL in the background and the gauge
 * reports the last count; until the first count it reports NaN rather than a reassuring 0.
 */
@Component
public final class OverduePrivacyRequestsMetric extends RepeatingWork {

    static final String NAME = "onecitizen.privacy_requests.overdue";
    static final Duration REFRESH = Duration.ofSeconds(10);

    private final PrivacyRequestService requests;
    private final AtomicLong overdue = new AtomicLong(-1);

    public OverduePrivacyRequestsMetric(PrivacyRequestService requests, MeterRegistry registry) {
        super("Counting overdue privacy requests", Duration.ZERO, REFRESH);
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
    protected Mono<?> round() {
        return refresh();
    }
}
