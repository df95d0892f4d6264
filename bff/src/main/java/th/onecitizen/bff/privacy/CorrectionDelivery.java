package th.onecitizen.bff.privacy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import th.onecitizen.connectors.privacy.AgencyAnswer;
import th.onecitizen.connectors.privacy.AgencyPrivacy;
import th.onecitizen.connectors.privacy.PrivacyRight;
import th.onecitizen.consent.decision.RightsPermits;
import th.onecitizen.consent.dsar.CorrectionOutbox;
import th.onecitizen.platform.work.RepeatingWork;

/**
 * Delivers fulfilled rectifications to every agency that received the data (s35, R35.1): claims due tasks from the
 * consent module's correction outbox, sends each through the connector runtime to the agency's correction
 * endpoint, and reports the outcome. An agency that declares no correction endpoint, or refuses the correction, is
 * recorded as undeliverable with the reason at once; an unreachable one is retried with backoff. Instances share the
 * work through the outbox's leases.
 */
@Component
final class CorrectionDelivery extends RepeatingWork {

    /** How often the outbox is polled. */
    static final Duration INTERVAL = Duration.ofSeconds(1);
    /** How long a claimed task is left to its claimer before another instance may take it. */
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 20;

    private final CorrectionOutbox outbox;
    private final RightsPermits permits;
    private final AgencyPrivacy agencies;

    CorrectionDelivery(CorrectionOutbox outbox, RightsPermits permits, AgencyPrivacy agencies) {
        super("Correction delivery", INTERVAL);
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
    protected Mono<?> round() {
        return deliverDue();
    }
}
