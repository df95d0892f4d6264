package th.onecitizen.bff.privacy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.onecitizen.connectors.privacy.AgencyAnswer;
import th.onecitizen.connectors.privacy.AgencyPrivacy;
import th.onecitizen.connectors.privacy.PrivacyRight;
import th.onecitizen.consent.decision.RightsPermits;
import th.onecitizen.consent.dsar.CorrectionOutbox;

/**
 * Delivers fulfilled rectifications to every agency that received the data (s35, R35.1): claims due tasks from the
 * consent module's correction outbox, sends each through the connector runtime to the agency's correction
 * endpoint, and reports the outcome. An agency that declares no correction endpoint, or refuses the correction, is
 * recorded as undeliverable with the reason at once; an unreachable one is retried with backoff. Instances share the
 * work through the outbox's leases.
 */
@Component
final class CorrectionDelivery implements SmartLifecycle {

    /** How often the outbox is polled. */
    static final Duration INTERVAL = Duration.ofSeconds(1);
    /** How long a claimed task is left to its claimer before another instance may take it. */
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 20;
    private static final Logger log = LoggerFactory.getLogger(CorrectionDelivery.class);

    private final CorrectionOutbox outbox;
    private final RightsPermits permits;
    private final AgencyPrivacy agencies;
    private volatile Disposable running;

    CorrectionDelivery(CorrectionOutbox outbox, RightsPermits permits, AgencyPrivacy agencies) {
        this.outbox = outbox;
        this.permits = permits;
        this.agencies = agencies;
    }

    /** Delivers what is due now; emits how many tasks were tried. */
    Mono<Long> deliverDue() {
        return outbox.claim(BATCH, LEASE).flatMap(this::deliver, BATCH).count();
    }

    private Mono<Void> deliver(CorrectionOutbox.Due d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", d.requestId().toString());
        body.put("right", "rectification");
        body.put("categories", d.categories());
        body.put("details", d.details());
        body.put("outcome", d.outcome());
        return permits.forRequest(d.subjectRef(), d.requestId(), d.agencyId(), new TreeSet<>(d.categories()))
                .flatMap(p -> agencies.send(d.agencyId(), PrivacyRight.CORRECTION, p, body))
                .flatMap(a -> report(d, a))
                .onErrorResume(e -> outbox.failed(d, "delivery failed: " + e.getClass().getSimpleName(), false));
    }

    private Mono<Void> report(CorrectionOutbox.Due d, AgencyAnswer a) {
        return switch (a.status()) {
            case "accepted" -> outbox.delivered(d, a.body() == null ? null : a.body().path("reference")
                    .asString(null));
            case "not_supported" -> outbox.failed(d, "the agency declares no correction endpoint", true);
            case "rejected" -> outbox.failed(d, "the agency refused it: " + a.detail(), true);
            default -> outbox.failed(d, a.status() + (a.error() == null ? "" : " (" + a.error() + ")"), false);
        };
    }

    @Override
    public void start() {
        running = Flux.interval(INTERVAL)
                .onBackpressureDrop()
                .concatMap(t -> deliverDue().onErrorResume(e -> {
                    log.warn("Correction delivery failed, will retry: {}", e.toString());
                    return Mono.just(0L);
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable d = running;
        if (d != null) {
            d.dispose();
            running = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
